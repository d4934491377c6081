import type { Import } from '@kehu/contracts';

export interface ImportPace {
  /** Rows written per second since the import started. */
  rowsPerSecond: number;
  /** Seconds left at that pace (from the share of the file read), or null while too early to tell. */
  secondsLeft: number | null;
}

/** Below this, a pace is mostly start-up (reading the file's structure, the first batch). */
const minElapsedSeconds = 5;

/**
 * How fast a running import goes and when it should be done, from its start time and the share of
 * the file read so far: what a user waiting on a million-row file wants to know.
 */
export const importPace = (record: Pick<Import, 'startedAt' | 'progress'>, now: Date): ImportPace | null => {
  if (!record.startedAt) return null;
  const elapsed = (now.getTime() - Date.parse(record.startedAt)) / 1000;
  if (!(elapsed >= minElapsedSeconds) || record.progress.rowsDone === 0) return null;
  const share = record.progress.percent / 100;
  return {
    rowsPerSecond: record.progress.rowsDone / elapsed,
    secondsLeft: share >= 0.01 && share < 1 ? Math.round((elapsed * (1 - share)) / share) : null,
  };
};

/** "about 3 min" / "about 40 s", in whole units a person reads at a glance. */
export const roughDuration = (seconds: number): { unit: 'seconds' | 'minutes' | 'hours'; count: number } => {
  if (seconds < 60) return { unit: 'seconds', count: Math.max(5, Math.round(seconds / 5) * 5) };
  if (seconds < 3600) return { unit: 'minutes', count: Math.round(seconds / 60) };
  return { unit: 'hours', count: Math.round((seconds / 3600) * 10) / 10 };
};
