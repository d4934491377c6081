/** The IANA name as the runtime spells it (asia/shanghai → Asia/Shanghai), or undefined when unknown. */
export const canonicalTimeZone = (value: string): string | undefined => {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
};

/** Whether the runtime knows an IANA time zone name (Asia/Shanghai, Europe/Berlin). */
export const isTimeZone = (value: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
};

/**
 * Calendar days in the organisation's time zone (the server's quotas and dates, the web's settings). Stored times are UTC; a "day" for a daily quota or
 * a date in a message is the day where the organisation works (in Beijing the UTC day starts at 08:00).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The wall-clock reading in `timeZone` at `at`, read as if it were UTC (ms). */
const wallClockMs = (timeZone: string, at: number): number => {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(at))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year as number,
    (parts.month as number) - 1,
    parts.day as number,
    parts.hour as number,
    parts.minute as number,
    parts.second as number,
  );
};

/** How far `timeZone` is ahead of UTC at `at`, in minutes (Asia/Shanghai: 480). */
export const utcOffsetMinutes = (timeZone: string, at: Date): number =>
  Math.round((wallClockMs(timeZone, at.getTime()) - Math.floor(at.getTime() / 1000) * 1000) / 60_000);

/** The calendar date (YYYY-MM-DD) that it is in `timeZone` at `at`. */
export const dateIn = (timeZone: string, at: Date): string =>
  new Date(wallClockMs(timeZone, at.getTime())).toISOString().slice(0, 10);

/**
 * The instant the clocks in `timeZone` read `hour`:`minute` on a calendar date (YYYY-MM-DD). A
 * reading the clocks skip (spring forward) falls an hour earlier; one they repeat, the first time.
 */
export const wallTimeIn = (timeZone: string, date: string, hour: number, minute = 0): Date => {
  const wanted = Date.parse(`${date}T00:00:00.000Z`) + (hour * 60 + minute) * 60_000;
  // The zone's offset at a guess, then at the corrected guess (the offset may change that night).
  let instant = wanted - (wallClockMs(timeZone, wanted) - wanted);
  instant = wanted - (wallClockMs(timeZone, instant) - Math.floor(instant / 1000) * 1000);
  return new Date(instant);
};

/** The instant a calendar date (YYYY-MM-DD) begins in `timeZone`: its local midnight. */
export const midnightIn = (timeZone: string, date: string): Date => wallTimeIn(timeZone, date, 0);

/** The first moment after `from` that the clocks in `timeZone` read `hour`:`minute` (daily jobs). */
export const nextWallTimeIn = (timeZone: string, from: Date, hour: number, minute = 0): Date => {
  const today = wallTimeIn(timeZone, dateIn(timeZone, from), hour, minute);
  return today > from ? today : wallTimeIn(timeZone, nextDate(dateIn(timeZone, from)), hour, minute);
};

/** The calendar date after `date` (YYYY-MM-DD). */
export const nextDate = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);

/** The instant the day holding `at` began in `timeZone` (its local midnight). */
export const startOfDayIn = (timeZone: string, at: Date): Date => midnightIn(timeZone, dateIn(timeZone, at));
