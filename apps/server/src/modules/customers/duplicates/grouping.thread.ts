/** The duplicate grouping's worker thread: one call of groupDuplicates, its groups posted back. */
import { parentPort, workerData } from 'node:worker_threads';
import { groupDuplicates } from './duplicate-grouping';
import { type GroupingInput, pairKey } from './grouping-in-worker';

const input = workerData as GroupingInput;
if (!parentPort) throw new Error('grouping.thread runs as a worker thread');
const dismissed = new Set(input.dismissed);
parentPort.postMessage(
  groupDuplicates(input.records, input.identityGroups, input.threshold, (a, b) =>
    dismissed.has(pairKey(a, b)),
  ),
);
