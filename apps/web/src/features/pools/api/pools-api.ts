import type {
  CreatePool,
  Department,
  Pool,
  PooledCustomer,
  ReclaimRun,
  UpdatePool,
  User,
} from '@kehu/contracts';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import type { RemoteOption } from '../../../components/remote-select';

export interface PoolCustomerFilters {
  q?: string;
  level?: string;
}

export const poolKeys = {
  all: ['pools'] as const,
  list: () => [...poolKeys.all, 'list'] as const,
  customers: (poolId: string) => [...poolKeys.all, 'customers', poolId] as const,
  customerList: (poolId: string, filters: PoolCustomerFilters) =>
    [...poolKeys.customers(poolId), filters] as const,
  userLookup: ['pools', 'lookup', 'users'] as const,
  user: (id: string) => ['pools', 'lookup', 'user', id] as const,
};

const poolPath = (id: string) => `/api/v1/pools/${encodeURIComponent(id)}`;

export const poolsQueryOptions = queryOptions({
  queryKey: poolKeys.list(),
  queryFn: ({ signal }) => api.get<{ items: Pool[] }>('/api/v1/pools', undefined, signal),
});

export const poolCustomersQueryOptions = (poolId: string, filters: PoolCustomerFilters) =>
  infiniteQueryOptions({
    queryKey: poolKeys.customerList(poolId, filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: PooledCustomer[]; nextCursor: string | null }>(
        `${poolPath(poolId)}/customers`,
        { ...filters, limit: 50, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const createPool = (body: CreatePool) => api.post<Pool>('/api/v1/pools', body);
export const updatePool = (id: string, body: UpdatePool) => api.patch<Pool>(poolPath(id), body);
export const deletePool = (id: string) => api.delete<{ ok: true }>(poolPath(id));
export const claimCustomers = (customerIds: string[]) =>
  api.post<{ moved: number }>('/api/v1/pools/claim', { customerIds });
export const assignCustomers = (
  poolId: string,
  body: { customerIds: string[]; toUserId: string; reason?: string },
) => api.post<{ moved: number }>(`${poolPath(poolId)}/assign`, body);
export const runReclaim = () => api.post<ReclaimRun>('/api/v1/pools/reclaim');

export const departmentsQueryOptions = queryOptions({
  queryKey: ['pools', 'lookup', 'departments'] as const,
  queryFn: ({ signal }) => api.get<{ items: Department[] }>('/api/v1/departments', undefined, signal),
  staleTime: 5 * 60_000,
});

const userOption = (user: User): RemoteOption => ({ value: user.id, label: `${user.name} (${user.email})` });

export const searchUsers = async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
  const page = await api.get<{ items: User[] }>('/api/v1/users', { q, status: 'active', limit: 20 }, signal);
  return page.items.map(userOption);
};

export const userQueryOptions = (id: string) =>
  queryOptions({
    queryKey: poolKeys.user(id),
    queryFn: async ({ signal }) =>
      userOption(await api.get<User>(`/api/v1/users/${encodeURIComponent(id)}`, undefined, signal)),
    staleTime: 5 * 60_000,
  });
