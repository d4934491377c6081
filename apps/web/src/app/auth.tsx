import {
  hasPermission,
  type Locale,
  type MeResponse,
  type PermissionModule,
  type Permissions,
} from '@kehu/contracts';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorResult } from '../components/error-result';
import { FullPageSpin } from '../components/full-page-spin';
import { api, isApiError, setCsrfToken } from './api-client';
import { applyLocale, currentLocale, rememberLocale } from './i18n';

export const meQueryKey = ['auth', 'me'] as const;

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: async ({ signal }) => {
    const me = await api.get<MeResponse>('/api/v1/auth/me', undefined, signal);
    setCsrfToken(me.csrfToken);
    return me;
  },
  staleTime: 5 * 60_000,
  retry: false,
});

/** Stores a fresh session (after setup, login, profile change) and applies the user's language. */
export const useApplySession = () => {
  const queryClient = useQueryClient();
  return useCallback(
    (me: MeResponse) => {
      setCsrfToken(me.csrfToken);
      queryClient.setQueryData(meQueryKey, me);
      if (me.user.locale && me.user.locale !== currentLocale()) {
        rememberLocale(me.user.locale);
        void applyLocale(me.user.locale);
      }
    },
    [queryClient],
  );
};

/** The signed-in session; only under <RequireAuth>. */
export const useSession = (): MeResponse => {
  const { data } = useQuery(meQueryOptions);
  if (!data) throw new Error('useSession() used outside <RequireAuth>');
  return data;
};

export type Can = (module: PermissionModule, action: string) => boolean;

export const useCan = (): Can => {
  const { user } = useSession();
  return useCallback(
    (module: PermissionModule, action: string) =>
      user.isAdmin || hasPermission(user.permissions as Permissions, module, action),
    [user],
  );
};

/** Changes the UI language now and remembers it: on the user when signed in, else on this browser. */
export const useChangeLanguage = () => {
  const queryClient = useQueryClient();
  return useCallback(
    async (locale: Locale) => {
      rememberLocale(locale);
      await applyLocale(locale);
      const me = queryClient.getQueryData<MeResponse>(meQueryKey);
      if (!me) return;
      try {
        const updated = await api.patch<MeResponse>('/api/v1/auth/me', { locale });
        setCsrfToken(updated.csrfToken);
        queryClient.setQueryData(meQueryKey, updated);
      } catch {
        // The language still changes on this page; only remembering it on the account failed.
      }
      // Server-made texts (names of built-in roles, messages) follow the new language.
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
    },
    [queryClient],
  );
};

export const RequireAuth = ({ children }: { children: ReactNode }) => {
  const me = useQuery(meQueryOptions);
  const location = useLocation();
  const savedLocale = me.data?.user.locale;

  useEffect(() => {
    if (savedLocale && savedLocale !== currentLocale()) {
      rememberLocale(savedLocale);
      void applyLocale(savedLocale);
    }
  }, [savedLocale]);

  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      const redirect = `${location.pathname}${location.search}`;
      return <Navigate to={`/login?redirect=${encodeURIComponent(redirect)}`} replace />;
    }
    return <ErrorResult error={me.error} onRetry={() => void me.refetch()} />;
  }
  return children;
};
