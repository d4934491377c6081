import type {
  CustomerLifecycle,
  CustomerMember,
  PutMember,
  TagCustomers,
  TransferCustomers,
  TypeCounts,
} from '@kehu/contracts';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, apiRequest } from '../../../app/api-client';
import { type CustomerFilters, customerKeys } from './customers-api';

/** The list's filters that also narrow the type counts (all but type and sort). */
export type TypeCountFilters = Omit<CustomerFilters, 'type' | 'sort'>;

export const ownershipKeys = {
  typeCounts: (filters: TypeCountFilters) => [...customerKeys.all, 'type-counts', filters] as const,
  members: (id: string) => [...customerKeys.all, 'members', id] as const,
  lifecycle: (id: string) => [...customerKeys.all, 'lifecycle', id] as const,
};

const customerPath = (id: string) => `/api/v1/customers/${encodeURIComponent(id)}`;

export const typeCountFiltersOf = ({
  type: _type,
  sort: _sort,
  ...rest
}: CustomerFilters): TypeCountFilters => rest;

export const typeCountsQueryOptions = (filters: TypeCountFilters) =>
  queryOptions({
    queryKey: ownershipKeys.typeCounts(filters),
    queryFn: ({ signal }) => api.get<TypeCounts>('/api/v1/customers/type-counts', { ...filters }, signal),
    staleTime: 30_000,
  });

export const customerMembersQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ownershipKeys.members(id),
    queryFn: ({ signal }) =>
      api.get<{ items: CustomerMember[] }>(`${customerPath(id)}/members`, undefined, signal),
  });

export const customerLifecycleQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ownershipKeys.lifecycle(id),
    queryFn: ({ signal }) => api.get<CustomerLifecycle>(`${customerPath(id)}/lifecycle`, undefined, signal),
  });

export const transferCustomers = (body: TransferCustomers) =>
  api.post<{ transferred: number }>('/api/v1/customers/transfer', body);

export const tagCustomers = (body: TagCustomers) =>
  api.post<{ changed: number }>('/api/v1/customers/tags', body);

export const putCustomerMember = (id: string, userId: string, body: PutMember) =>
  apiRequest<{ items: CustomerMember[] }>(`${customerPath(id)}/members/${encodeURIComponent(userId)}`, {
    method: 'PUT',
    body,
  });

export const removeCustomerMember = (id: string, userId: string) =>
  api.delete<{ ok: true }>(`${customerPath(id)}/members/${encodeURIComponent(userId)}`);

/** After a handover: lists, counts, the moved customers and their lifecycle and history. */
export const invalidateAfterTransfer = (queryClient: QueryClient, customerIds: readonly string[]) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: customerKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: [...customerKeys.all, 'type-counts'] }),
    ...customerIds.flatMap((id) => [
      queryClient.invalidateQueries({ queryKey: customerKeys.detail(id) }),
      queryClient.invalidateQueries({ queryKey: customerKeys.history(id) }),
      queryClient.invalidateQueries({ queryKey: ownershipKeys.lifecycle(id) }),
    ]),
  ]);

/** After a membership change: the member list, the customer and the lists (members see it there). */
export const invalidateAfterMemberChange = (queryClient: QueryClient, customerId: string) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ownershipKeys.members(customerId) }),
    queryClient.invalidateQueries({ queryKey: customerKeys.detail(customerId) }),
    queryClient.invalidateQueries({ queryKey: customerKeys.history(customerId) }),
    queryClient.invalidateQueries({ queryKey: customerKeys.lists() }),
  ]);
