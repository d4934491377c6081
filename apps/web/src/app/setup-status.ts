import { queryOptions } from '@tanstack/react-query';
import { api } from './api-client';

export interface SetupStatus {
  needsSetup: boolean;
}

export const setupStatusQueryKey = ['setup', 'status'] as const;

export const setupStatusQueryOptions = queryOptions({
  queryKey: setupStatusQueryKey,
  queryFn: ({ signal }) => api.get<SetupStatus>('/api/v1/setup/status', undefined, signal),
  staleTime: Number.POSITIVE_INFINITY,
});
