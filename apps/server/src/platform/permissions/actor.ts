import {
  type DataScope,
  hasPermission,
  type Locale,
  type PermissionModule,
  type Permissions,
} from '@kehu/contracts';
import { AppError } from '../errors/app-error';

/** Who is acting: every service method receives one (DESIGN.md §4). */
export interface Actor {
  id: string;
  email: string;
  name: string;
  locale: Locale | null;
  roleId: string;
  roleName: string;
  isAdmin: boolean;
  dataScope: DataScope;
  permissions: Permissions;
  departmentId: string | null;
  departmentName: string | null;
  /** Materialised path of the actor's department, for "department and below". */
  departmentPath: string | null;
}

export const can = (actor: Actor, module: PermissionModule, action: string): boolean =>
  actor.isAdmin || hasPermission(actor.permissions, module, action);

/** A missing function permission is a 403: the user knows the module exists. */
export function assertCan(actor: Actor, module: PermissionModule, action: string): void {
  if (!can(actor, module, action)) throw new AppError('FORBIDDEN', 403);
}
