import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The page's URL query, and a change to it that starts from the URL as it is now.
 *
 * React Router's functional `setSearchParams` hands the updater the query of the last render. A
 * navigation renders in a transition, so a change made before that render lands (a type picked, then a
 * debounced text filter firing on a busy machine) would start from the old query and drop the first
 * change. The browser's location is updated as soon as the router navigates, so it is read instead.
 */
export const useUrlParams = () => {
  const [params, setParams] = useSearchParams();
  const changeParams = useCallback(
    (change: (current: URLSearchParams) => URLSearchParams) =>
      setParams(change(new URLSearchParams(window.location.search)), { replace: true }),
    [setParams],
  );
  return [params, changeParams] as const;
};
