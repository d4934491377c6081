import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retry only network trouble and server hiccups, never a 4xx answer.
      retry: (failureCount, error) =>
        failureCount < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
    },
    mutations: { retry: false },
  },
});

/** After signing out: forget everything the previous user loaded (the setup status stays). */
export const clearSessionData = (): void => {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'setup' });
};
