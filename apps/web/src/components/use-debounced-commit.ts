import { useEffect } from 'react';

/**
 * Search as you type: once typing pauses for `delay` ms, commits the trimmed text (undefined when
 * empty) unless it is what is already committed. Enter or a search button may commit at once.
 */
export const useDebouncedCommit = (
  text: string,
  committed: string | undefined,
  commit: (value: string | undefined) => void,
  delay = 400,
) => {
  useEffect(() => {
    const value = text.trim() || undefined;
    if (value === committed) return;
    const timer = window.setTimeout(() => commit(value), delay);
    return () => window.clearTimeout(timer);
  }, [text, committed, commit, delay]);
};
