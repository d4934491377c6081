/**
 * The import reader's worker thread: streams the file, converts its rows and posts them in batches
 * to the importing job, at most `ahead` batches before the job has taken them (memory stays flat).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { rowConverter } from './converted-rows';
import type { BatchRow } from './import-batch';
import { readRows } from './import-file';
import type { ReaderMessage, ReaderOptions } from './import-reader';

const options = workerData as ReaderOptions;
const port = parentPort;
if (!port) throw new Error('import-reader.thread runs as a worker thread');

let credits = options.ahead;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits += 1;
  wake?.();
  wake = null;
});
const post = async (message: ReaderMessage) => {
  while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits -= 1;
  port.postMessage(message);
};

/**
 * A fresh import first reads the whole file once, without converting it: a file broken half-way (a
 * quote opened and never closed) is refused before its first rows are written, so an import never
 * stops half-done on the file's structure. Parsing is a small part of an import's time.
 */
async function lineWhereUnreadable(): Promise<number | null> {
  let line = 1;
  try {
    for await (const row of readRows(options.path, options.sniffed)) line = row.rowNumber;
    return null;
  } catch {
    return line + 1;
  }
}

/** Converts the rows and posts them in batches, past the rows committed before a restart. */
async function streamBatches() {
  const convert = rowConverter(options.conversion);
  let bytes = 0;
  let seen = 0;
  let rows: BatchRow[] = [];
  for await (const fileRow of readRows(options.path, options.sniffed, (read) => {
    bytes = read;
  })) {
    seen += 1;
    if (seen === 1 || seen - 1 <= options.skip) continue; // the header; rows committed before a restart
    rows.push(convert(fileRow));
    if (rows.length >= options.batchSize) {
      await post({ kind: 'batch', rows, bytes });
      rows = [];
    }
  }
  if (rows.length > 0) await post({ kind: 'batch', rows, bytes });
  port?.postMessage({ kind: 'end' } satisfies ReaderMessage);
}

try {
  const line = options.skip === 0 ? await lineWhereUnreadable() : null;
  if (line !== null) port.postMessage({ kind: 'unreadable', line } satisfies ReaderMessage);
  else await streamBatches();
} catch (error) {
  port.postMessage({
    kind: 'error',
    message: error instanceof Error ? error.message : String(error),
  } satisfies ReaderMessage);
}
