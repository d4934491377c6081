import type {
  CreateDepartment,
  CreateRole,
  CreateUser,
  Department,
  ResetPassword,
  Role,
  UpdateDepartment,
  UpdateRole,
  UpdateUser,
  User,
} from '@kehu/contracts';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import type { RemoteOption } from '../../../components/remote-select';

export interface UserFilters {
  q?: string;
  departmentId?: string;
  status?: 'active' | 'disabled';
}

export const adminKeys = {
  users: ['admin', 'users'] as const,
  userList: (filters: UserFilters) => [...adminKeys.users, 'list', filters] as const,
  userLookup: ['admin', 'users', 'lookup'] as const,
  departments: ['admin', 'departments'] as const,
  roles: ['admin', 'roles'] as const,
};

const id = (value: string) => encodeURIComponent(value);

// ---- users ----
export const userListQueryOptions = (filters: UserFilters) =>
  infiniteQueryOptions({
    queryKey: adminKeys.userList(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: User[]; nextCursor: string | null }>(
        '/api/v1/users',
        { ...filters, limit: 50, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const createUser = (body: CreateUser) => api.post<User>('/api/v1/users', body);
export const updateUser = (userId: string, body: UpdateUser) =>
  api.patch<User>(`/api/v1/users/${id(userId)}`, body);
export const resetUserPassword = (userId: string, body: ResetPassword) =>
  api.post<{ ok: true }>(`/api/v1/users/${id(userId)}/password`, body);

export const searchUsers = async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
  const page = await api.get<{ items: User[] }>('/api/v1/users', { q, limit: 20 }, signal);
  return page.items.map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }));
};

// ---- departments ----
export const departmentsQueryOptions = queryOptions({
  queryKey: adminKeys.departments,
  queryFn: ({ signal }) => api.get<{ items: Department[] }>('/api/v1/departments', undefined, signal),
});

export const createDepartment = (body: CreateDepartment) => api.post<Department>('/api/v1/departments', body);
export const updateDepartment = (departmentId: string, body: UpdateDepartment) =>
  api.patch<Department>(`/api/v1/departments/${id(departmentId)}`, body);
export const deleteDepartment = (departmentId: string) =>
  api.delete<{ ok: true }>(`/api/v1/departments/${id(departmentId)}`);

// ---- roles ----
export const rolesQueryOptions = queryOptions({
  queryKey: adminKeys.roles,
  queryFn: ({ signal }) => api.get<{ items: Role[] }>('/api/v1/roles', undefined, signal),
});

export const createRole = (body: CreateRole) => api.post<Role>('/api/v1/roles', body);
export const updateRole = (roleId: string, body: UpdateRole) =>
  api.patch<Role>(`/api/v1/roles/${id(roleId)}`, body);
export const deleteRole = (roleId: string) => api.delete<{ ok: true }>(`/api/v1/roles/${id(roleId)}`);
