import type { Customer, MergeCustomers } from '@kehu/contracts';
import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../app/api-client';

/** The customers' query keys as the customers feature spells them (one cache for the same record). */
const customersRoot = ['customers'] as const;

export const mergeCustomerQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...customersRoot, 'detail', id] as const,
    queryFn: ({ signal }) =>
      api.get<Customer>(`/api/v1/customers/${encodeURIComponent(id)}`, undefined, signal),
  });

export const mergeCustomers = (body: MergeCustomers) => api.post<Customer>('/api/v1/customers/merge', body);

/** Lists, details and counts of customers all change when some are merged away. */
export const invalidateAfterMerge = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: customersRoot });
