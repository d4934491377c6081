/**
 * Lets the event loop run once: background jobs do between batches (JobContext.heartbeat).
 * better-sqlite3 answers synchronously, so a job's chain of awaited queries never reaches the event
 * loop on its own — no request would be read, nor any health check answered, until the job ended;
 * and the requests already waiting for the one SQLite connection get it before the next batch.
 */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * For long computations that have pause points (duplicate grouping): lets the event loop run when
 * `everyMs` of work went by since it last did, so requests wait at most that long.
 */
export function pacedYield(everyMs = 20): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < everyMs) return;
    await yieldToEventLoop();
    last = performance.now();
  };
}
