import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../../app/api-client';

export interface AppNotification {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

interface NotificationPage {
  items: AppNotification[];
  nextCursor: string | null;
  unread: number;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: () => [...notificationKeys.all, 'unread'] as const,
  list: () => [...notificationKeys.all, 'list'] as const,
};

/** The unread count for the bell: polled every minute and when the window regains focus. */
export const unreadQueryOptions = queryOptions({
  queryKey: notificationKeys.unread(),
  queryFn: async ({ signal }) =>
    (await api.get<NotificationPage>('/api/v1/notifications', { limit: 1 }, signal)).unread,
  refetchInterval: 60_000,
  refetchOnWindowFocus: true,
  staleTime: 10_000,
});

export const notificationListQueryOptions = infiniteQueryOptions({
  queryKey: notificationKeys.list(),
  queryFn: ({ pageParam, signal }) =>
    api.get<NotificationPage>('/api/v1/notifications', { limit: 20, cursor: pageParam }, signal),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
});

/** Marks these notifications read, or all of them when no ids are given. */
export const markRead = (ids?: string[]) =>
  api.post<{ ok: true }>('/api/v1/notifications/read', ids ? { ids } : {});
