import { Worker } from 'node:worker_threads';
import type { ConversionSettings } from './converted-rows';
import type { BatchRow } from './import-batch';
import type { SniffedFile } from './import-file';

export interface ReaderOptions {
  path: string;
  sniffed: SniffedFile;
  /** Data rows already imported (a restarted job): read past, not converted. */
  skip: number;
  batchSize: number;
  /** How many batches the thread may read ahead of the writer. */
  ahead: number;
  conversion: ConversionSettings;
}

export type ReaderMessage =
  | { kind: 'batch'; rows: BatchRow[]; bytes: number }
  | { kind: 'end' }
  | { kind: 'error'; message: string }
  /** The file cannot be read from this line on (found before any row was written). */
  | { kind: 'unreadable'; line: number };

/** A file whose structure breaks at `line`: nothing of it was imported. */
export class UnreadableFileError extends Error {
  constructor(readonly line: number) {
    super(`the file cannot be read from line ${line} on`);
  }
}

/**
 * The file's data rows, converted and in batches, from a worker thread: parsing the file and
 * normalising its rows (libphonenumber, zod) take as long as writing them, so they run on another
 * core while this thread writes the previous batch. `bytes` is how far into the file the reader is.
 */
export async function* convertedBatches(
  options: ReaderOptions,
): AsyncGenerator<{ rows: BatchRow[]; bytes: number }> {
  const worker = new Worker(new URL('./import-reader.worker.mjs', import.meta.url), { workerData: options });
  const queue: ReaderMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (message: ReaderMessage) => {
    queue.push(message);
    wake?.();
    wake = null;
  };
  worker.on('message', (message: ReaderMessage) => push(message));
  worker.on('error', (error) => push({ kind: 'error', message: error.message }));
  worker.on('exit', (code) =>
    push({ kind: 'error', message: `the import reader stopped (exit code ${code})` }),
  );
  try {
    for (;;) {
      while (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const message = queue.shift() as ReaderMessage;
      if (message.kind === 'end') return;
      if (message.kind === 'error') throw new Error(message.message);
      if (message.kind === 'unreadable') throw new UnreadableFileError(message.line);
      yield { rows: message.rows, bytes: message.bytes };
      worker.postMessage('more');
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
