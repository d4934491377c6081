import { z } from 'zod';
import { dataScopes, type PermissionModule, permissionModules } from './permissions';

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
  pools: actionsOf('pools').optional(),
  settings: actionsOf('settings').optional(),
});
