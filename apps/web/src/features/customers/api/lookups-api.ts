import type { Department, User } from '@kehu/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api-client';
import type { RemoteOption } from '../../../components/remote-select';

/** Users for the owner picker (any signed-in user may list them). */
export const searchOwners = async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
  const page = await api.get<{ items: User[] }>('/api/v1/users', { q, status: 'active', limit: 20 }, signal);
  return page.items.map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }));
};

export const ownerLookupKey = ['customers', 'lookup', 'owners'] as const;

export const departmentsLookupQueryOptions = queryOptions({
  queryKey: ['customers', 'lookup', 'departments'] as const,
  queryFn: ({ signal }) => api.get<{ items: Department[] }>('/api/v1/departments', undefined, signal),
  staleTime: 5 * 60_000,
  retry: false,
});
