/** ISO-8601 UTC, the one timestamp format stored and returned. */
export const isoNow = (now: () => Date) => now().toISOString();
