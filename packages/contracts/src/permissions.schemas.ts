import { z } from 'zod';

/** What a role may do, module by module (function permissions). */
export const permissionModules = {
  customers: ['view', 'create', 'edit', 'delete', 'export', 'transfer'],
  contacts: ['view', 'create', 'edit', 'delete', 'export'],
  users: ['view', 'manage'],
  departments: ['view', 'manage'],
  roles: ['view', 'manage'],
  audit: ['view'],
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
export const dataScopeSchema = z.enum(dataScopes);

const actionsOf = <M extends PermissionModule>(module: M) =>
  z.array(z.enum(permissionModules[module] as unknown as [string, ...string[]])).max(10);

export const permissionsSchema = z.strictObject({
  customers: actionsOf('customers').optional(),
  contacts: actionsOf('contacts').optional(),
  users: actionsOf('users').optional(),
  departments: actionsOf('departments').optional(),
  roles: actionsOf('roles').optional(),
  audit: actionsOf('audit').optional(),
});
export type Permissions = Partial<Record<PermissionModule, string[]>>;

export const hasPermission = (permissions: Permissions, module: PermissionModule, action: string): boolean =>
  permissions[module]?.includes(action) ?? false;

/** Every permission: what the administrator role holds. */
export const allPermissions = (): Permissions =>
  Object.fromEntries(permissionModuleNames.map((module) => [module, [...permissionModules[module]]]));
