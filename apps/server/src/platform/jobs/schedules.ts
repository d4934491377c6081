/** The next time after `from` that it is `hour`:`minute` UTC — for jobs.every(…) that run daily. */
export const dailyAtUtc =
  (hour: number, minute = 0) =>
  (from: Date): Date => {
    const next = new Date(from);
    next.setUTCHours(hour, minute, 0, 0);
    if (next <= from) next.setUTCDate(next.getUTCDate() + 1);
    return next;
  };
