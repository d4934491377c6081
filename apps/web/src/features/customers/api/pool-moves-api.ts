import type { CreateExport, Export, Pool } from '@kehu/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api-client';

/** The pools a customer may be returned to (the caller's pools; the pools feature manages them). */
export const returnPoolsQueryOptions = queryOptions({
  queryKey: ['customers', 'lookup', 'pools'] as const,
  queryFn: ({ signal }) => api.get<{ items: Pool[] }>('/api/v1/pools', undefined, signal),
  staleTime: 60_000,
});

export const returnToPool = (body: { customerIds: string[]; poolId: string; reason: string }) =>
  api.post<{ moved: number }>('/api/v1/pools/return', body);

export const setCustomerLocked = (id: string, locked: boolean) =>
  api.put<{ ok: true }>(`/api/v1/customers/${encodeURIComponent(id)}/lock`, { locked });

export const startExport = (body: CreateExport) => api.post<Export>('/api/v1/exports', body);
export const exportQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['customers', 'exports', id] as const,
    queryFn: ({ signal }) => api.get<Export>(`/api/v1/exports/${encodeURIComponent(id)}`, undefined, signal),
    refetchInterval: (query) =>
      query.state.data?.status === 'queued' || query.state.data?.status === 'running' || !query.state.data
        ? 1000
        : false,
  });
export const exportDownloadUrl = (id: string) => `/api/v1/exports/${encodeURIComponent(id)}/download`;
