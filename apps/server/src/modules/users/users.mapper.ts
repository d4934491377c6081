import type { Locale, User } from '@kehu/contracts';
import type { UserRow } from './users.repository';

export const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  status: row.status as User['status'],
  locale: (row.locale as Locale | null) ?? null,
  roleId: row.role_id,
  roleName: row.role_name,
  departmentId: row.department_id,
  departmentName: row.department_name,
  managerId: row.manager_id,
  managerName: row.manager_name,
  lastLoginAt: row.last_login_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
