import type { DuplicateGroup, DuplicateScan } from '@kehu/contracts';
import { infiniteQueryOptions, type QueryClient, queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api-client';

export const duplicateGroupPageSize = 20;

export const duplicateKeys = {
  all: ['duplicate-groups'] as const,
  latestScan: () => [...duplicateKeys.all, 'latest-scan'] as const,
  groups: () => [...duplicateKeys.all, 'list'] as const,
};

const isActive = (scan: DuplicateScan | null | undefined) =>
  scan?.status === 'queued' || scan?.status === 'running';

/** The latest scan; polled every second while it is queued or running. */
export const latestScanQueryOptions = () =>
  queryOptions({
    queryKey: duplicateKeys.latestScan(),
    queryFn: ({ signal }) =>
      api.get<{ scan: DuplicateScan | null }>('/api/v1/customers/duplicate-scans/latest', undefined, signal),
    select: (data) => data.scan,
    refetchInterval: (query) => (isActive(query.state.data?.scan) ? 1000 : false),
  });

export const duplicateGroupsQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: duplicateKeys.groups(),
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: DuplicateGroup[]; nextCursor: string | null }>(
        '/api/v1/customers/duplicate-groups',
        { limit: duplicateGroupPageSize, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const startDuplicateScan = () => api.post<DuplicateScan>('/api/v1/customers/duplicate-scans', {});

export const dismissDuplicateGroup = (id: string) =>
  api.post<{ ok: true }>(`/api/v1/customers/duplicate-groups/${encodeURIComponent(id)}/dismiss`, {});

/** A scan finished, a group was merged or dismissed: the list changed. */
export const invalidateDuplicateGroups = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: duplicateKeys.groups() });

export const isScanActive = isActive;
