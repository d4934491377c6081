import type {
  CreateWebForm,
  Pool,
  PublicWebForm,
  UpdateWebForm,
  User,
  WebForm,
  webFormSubmissionSchema,
} from '@kehu/contracts';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../app/api-client';
import type { RemoteOption } from '../../../components/remote-select';

export type WebFormSubmission = z.infer<typeof webFormSubmissionSchema>;

export const webFormKeys = {
  all: ['web-forms'] as const,
  list: () => [...webFormKeys.all, 'list'] as const,
  submissions: (id: string) => [...webFormKeys.all, 'submissions', id] as const,
  userLookup: ['web-forms', 'lookup', 'users'] as const,
  pools: ['web-forms', 'lookup', 'pools'] as const,
};

const formPath = (id: string) => `/api/v1/web-forms/${encodeURIComponent(id)}`;

export const webFormsQueryOptions = queryOptions({
  queryKey: webFormKeys.list(),
  queryFn: ({ signal }) => api.get<{ items: WebForm[] }>('/api/v1/web-forms', undefined, signal),
  select: (data) => data.items,
});

export const webFormSubmissionsQueryOptions = (id: string) =>
  infiniteQueryOptions({
    queryKey: webFormKeys.submissions(id),
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: WebFormSubmission[]; nextCursor: string | null }>(
        `${formPath(id)}/submissions`,
        { limit: 50, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const poolOptionsQueryOptions = queryOptions({
  queryKey: webFormKeys.pools,
  queryFn: ({ signal }) => api.get<{ items: Pool[] }>('/api/v1/pools', undefined, signal),
  select: (data) => data.items.map((pool) => ({ value: pool.id, label: pool.name })),
  staleTime: 60_000,
});

export const searchUsers = async (q: string, signal: AbortSignal): Promise<RemoteOption[]> => {
  const page = await api.get<{ items: User[] }>('/api/v1/users', { q, status: 'active', limit: 20 }, signal);
  return page.items.map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }));
};

export const createWebForm = (body: CreateWebForm) => api.post<WebForm>('/api/v1/web-forms', body);
export const updateWebForm = (id: string, body: UpdateWebForm) => api.patch<WebForm>(formPath(id), body);
export const deleteWebForm = (id: string) => api.delete<{ ok: true }>(formPath(id));

/** The public side: no session needed. */
const publicPath = (key: string) => `/api/v1/public/forms/${encodeURIComponent(key)}`;
export const publicFormQueryOptions = (key: string) =>
  queryOptions({
    queryKey: ['public-form', key] as const,
    queryFn: ({ signal }) => api.get<PublicWebForm>(publicPath(key), undefined, signal),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
export const submitPublicForm = (
  key: string,
  body: { values: Record<string, unknown>; website_url: string },
) =>
  api.post<{ thankYou: string }>(`${publicPath(key)}/submissions`, body, { redirectOnUnauthorized: false });

export const publicUrlOf = (publicKey: string) => `${window.location.origin}/f/${publicKey}`;
export const embedSnippetOf = (publicKey: string) =>
  `<iframe src="${publicUrlOf(publicKey)}" style="width:100%;min-height:640px;border:0" loading="lazy"></iframe>`;
