// No zod here: the web app's shell imports these, and zod should not come with them.

/** What a role may do, module by module (function permissions). */
export const permissionModules = {
  customers: ['view', 'create', 'edit', 'delete', 'export', 'transfer', 'import'],
  contacts: ['view', 'create', 'edit', 'delete', 'export'],
  users: ['view', 'manage'],
  departments: ['view', 'manage'],
  roles: ['view', 'manage'],
  /** Public pools (公海): see, claim from, and manage (define pools, assign, run the reclaim). */
  pools: ['view', 'claim', 'manage'],
  audit: ['view'],
  settings: ['view', 'manage'],
} as const;
export type PermissionModule = keyof typeof permissionModules;
export type PermissionAction<M extends PermissionModule = PermissionModule> =
  (typeof permissionModules)[M][number];

export const permissionModuleNames = Object.keys(permissionModules) as PermissionModule[];

/** Which records of others a role sees: applied inside SQL (DESIGN.md §4). */
export const dataScopes = [
  'own',
  'own_and_subordinates',
  'department',
  'department_and_below',
  'all',
] as const;
export type DataScope = (typeof dataScopes)[number];
export type Permissions = Partial<Record<PermissionModule, string[]>>;

export const hasPermission = (permissions: Permissions, module: PermissionModule, action: string): boolean =>
  permissions[module]?.includes(action) ?? false;

/** Every permission: what the administrator role holds. */
export const allPermissions = (): Permissions =>
  Object.fromEntries(permissionModuleNames.map((module) => [module, [...permissionModules[module]]]));
