import type { DataScope, Role } from '@kehu/contracts';
import type { RoleRow } from './roles.repository';

export const toRole = (row: RoleRow): Role => ({
  id: row.id,
  name: row.name,
  description: row.description,
  dataScope: row.data_scope as DataScope,
  permissions: JSON.parse(row.permissions) as Record<string, string[]>,
  isAdmin: row.is_admin === 1,
  isSystem: row.is_system === 1,
  userCount: Number(row.user_count),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
