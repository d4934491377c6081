import { Worker } from 'node:worker_threads';
import type { FoundGroup, ScanRecord } from './duplicate-grouping';

export interface GroupingInput {
  records: ScanRecord[];
  identityGroups: Array<{ kind: 'phone' | 'email'; ids: string[] }>;
  threshold: number;
  /** Dismissed pairs, as pairKey(a, b). */
  dismissed: string[];
}

/** One unordered pair of customer ids as one string (dismissals are per pair, either order). */
export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * groupDuplicates in a worker thread: at a million customers it computes for ~20 s, which on the
 * server's own thread would leave every request unanswered meanwhile. The input is copied to the
 * thread when it starts, so the caller may drop its records right after calling.
 */
export function groupDuplicatesInWorker(input: GroupingInput): Promise<FoundGroup[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./grouping.worker.mjs', import.meta.url), { workerData: input });
    let settled = false;
    worker.once('message', (groups: FoundGroup[]) => {
      settled = true;
      resolve(groups);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the duplicate grouping thread stopped (exit code ${code})`));
    });
  });
}
