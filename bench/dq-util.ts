/** Helpers of the data-quality benchmarks (import.ts, dup-scan.ts, dup-check.ts). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { type DatabaseHandle, openDatabase } from '../apps/server/src/db/database';
import { createServices } from '../apps/server/src/modules/services';
import type { Actor } from '../apps/server/src/platform/permissions/actor';
import { formatBytes } from './bench-util';
import { BENCH_ADMIN } from './load';

export const NOTES_MARKER =
  '<!-- notes: everything below this line is kept when the benchmark rewrites the file -->';

/** Peak resident set size, sampled every `everyMs` (200 ms) while a phase runs. */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  peak = 0;
  constructor(private readonly everyMs = 200) {}
  start() {
    this.peak = process.memoryUsage().rss;
    this.timer = setInterval(() => {
      this.peak = Math.max(this.peak, process.memoryUsage().rss);
    }, this.everyMs);
    this.timer.unref();
    return this;
  }
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
    return this.peak;
  }
}

/**
 * The app's services on a bench database (as the server builds them), and the admin's actor.
 * `dataDir` holds the file store (uploads).
 */
export async function openApp(
  file: string,
  options: { dataDir?: string; importMaxBytes?: number } = {},
): Promise<{ handle: DatabaseHandle; services: ReturnType<typeof createServices>; admin: Actor }> {
  const handle = openDatabase({ sqlitePath: file });
  const services = createServices(handle, () => new Date(), options);
  const row = await sql<{ id: string }>`select id from users where email = ${BENCH_ADMIN.email}`.execute(
    handle.db,
  );
  const adminId = row.rows[0]?.id;
  if (!adminId) throw new Error(`no admin ${BENCH_ADMIN.email} in ${file}`);
  const admin = await services.sessions.actorForUser(handle.db, adminId);
  if (!admin) throw new Error('admin actor not found');
  return { handle, services, admin };
}

export const seconds = (fromMs: number) => (performance.now() - fromMs) / 1000;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export const fmt = (value: number, digits = 1) =>
  Number.isFinite(value) ? value.toLocaleString('en', { maximumFractionDigits: digits }) : 'n/a';

export const machineLines = () => [
  `- ${os.cpus().length} CPUs (nproc), ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${formatBytes(os.totalmem())} memory`,
  `- Node.js ${process.version}, Linux ${os.release()}`,
];

/** Rewrites a results file, keeping the hand-written notes below the marker. */
export function writeResults(file: string, body: string) {
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const notes = previous.includes(NOTES_MARKER)
    ? previous.slice(previous.indexOf(NOTES_MARKER))
    : `${NOTES_MARKER}\n`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${body.trimEnd()}\n\n${notes}`);
}

export function removeDatabase(file: string) {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}
