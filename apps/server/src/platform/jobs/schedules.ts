import { nextWallTimeIn } from '@kehu/contracts';

/**
 * The next time after `from` that the clocks read `hour`:`minute` where the organisation works —
 * for jobs.every(…) that run daily (the time zone is read at each scheduling, so a change of the
 * organisation's time zone moves the next run; see JobRunner.reschedule).
 */
export const dailyAt =
  (hour: number, timeZone: () => Promise<string>, minute = 0) =>
  async (from: Date): Promise<Date> =>
    nextWallTimeIn(await timeZone(), from, hour, minute);
