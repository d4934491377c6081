import type {
  CreateCustomer,
  Customer,
  CustomerKind,
  CustomerLevel,
  CustomerPage,
  CustomerType,
  HistoryEntry,
  UpdateCustomer,
} from '@kehu/contracts';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api-client';

export const customerPageSize = 50;

/** The list's filters as they travel in the URL and to GET /api/v1/customers. */
export interface CustomerFilters {
  q?: string;
  type?: CustomerType;
  level?: CustomerLevel;
  kind?: CustomerKind;
  ownerId?: string;
  departmentId?: string;
  tag?: string;
  industry?: string;
  source?: string;
  /** Custom field filters as JSON (`{"size":"large","score":{"min":3}}`). */
  custom?: string;
  createdFrom?: string;
  createdTo?: string;
  sort?: string;
  deleted?: 'true' | 'false';
}

export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (filters: CustomerFilters) => [...customerKeys.lists(), filters] as const,
  detail: (id: string) => [...customerKeys.all, 'detail', id] as const,
  history: (id: string) => [...customerKeys.all, 'history', id] as const,
};

const customerPath = (id: string) => `/api/v1/customers/${encodeURIComponent(id)}`;

export const customerListQueryOptions = (filters: CustomerFilters) =>
  infiniteQueryOptions({
    queryKey: customerKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<CustomerPage>(
        '/api/v1/customers',
        { ...filters, limit: customerPageSize, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const customerQueryOptions = (id: string) =>
  queryOptions({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => api.get<Customer>(customerPath(id), undefined, signal),
  });

export const customerHistoryQueryOptions = (id: string) =>
  infiniteQueryOptions({
    queryKey: customerKeys.history(id),
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: HistoryEntry[]; nextCursor: string | null }>(
        `${customerPath(id)}/history`,
        { limit: 50, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const createCustomer = (body: CreateCustomer) => api.post<Customer>('/api/v1/customers', body);
export const updateCustomer = (id: string, body: UpdateCustomer) =>
  api.patch<Customer>(customerPath(id), body);
export const deleteCustomer = (id: string) => api.delete<{ ok: true }>(customerPath(id));
export const restoreCustomer = (id: string) => api.post<Customer>(`${customerPath(id)}/restore`, {});
