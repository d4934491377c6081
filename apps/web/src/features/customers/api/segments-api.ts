import type { CreateSegment, Segment, SegmentFilters } from '@kehu/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api-client';

export const segmentKeys = {
  all: ['segments'] as const,
  list: () => [...segmentKeys.all, 'list'] as const,
  count: (id: string) => [...segmentKeys.all, 'count', id] as const,
};

const segmentPath = (id: string) => `/api/v1/segments/${encodeURIComponent(id)}`;

/** My saved views and those shared with my department. */
export const segmentsQueryOptions = queryOptions({
  queryKey: segmentKeys.list(),
  queryFn: ({ signal }) => api.get<{ items: Segment[] }>('/api/v1/segments', undefined, signal),
  select: (data) => data.items,
});

/** How many customers a view holds now (capped by the server). */
export const segmentCountQueryOptions = (id: string) =>
  queryOptions({
    queryKey: segmentKeys.count(id),
    queryFn: ({ signal }) =>
      api.get<{ count: number; capped: boolean }>(`${segmentPath(id)}/count`, undefined, signal),
  });

export const createSegment = (body: CreateSegment) => api.post<Segment>('/api/v1/segments', body);
export const updateSegment = (
  id: string,
  body: { name?: string; filters?: SegmentFilters; visibility?: Segment['visibility'] },
) => api.patch<Segment>(segmentPath(id), body);
export const deleteSegment = (id: string) => api.delete<{ ok: true }>(segmentPath(id));
