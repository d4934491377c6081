import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { suggestMapping } from './import-fields';
import { sniffFile } from './import-file';
import { convertedBatches, type ReaderOptions, UnreadableFileError } from './import-reader';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-reader-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fileOf(name: string, text: string): Omit<ReaderOptions, 'skip' | 'batchSize'> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const headers = text.split('\n')[0]?.split(',') ?? [];
  return {
    path: file,
    sniffed: sniffFile(file),
    ahead: 2,
    conversion: {
      mapping: suggestMapping(headers, []),
      headers,
      customFields: [],
      phoneRegion: 'CN',
      locale: 'en',
    },
  };
}

async function collect(options: ReaderOptions) {
  const batches: Array<{ rows: number[]; bytes: number; failed: string[] }> = [];
  for await (const batch of convertedBatches(options)) {
    batches.push({
      rows: batch.rows.map((row) => row.rowNumber),
      bytes: batch.bytes,
      failed: batch.rows.flatMap((row) => (row.reason ? [row.reason] : [])),
    });
  }
  return batches;
}

describe('import reader thread', () => {
  const lines = Array.from({ length: 12 }, (_, index) =>
    index === 3 ? `,1380013800${index % 10}` : `客户${index + 1},13800138${String(index).padStart(3, '0')}`,
  );
  const file = fileOf('twelve.csv', `客户名称,电话\n${lines.join('\n')}\n`);

  it('converts the rows in another thread and hands them over in batches, failures with reasons', async () => {
    const batches = await collect({ ...file, skip: 0, batchSize: 5 });
    expect(batches.map((batch) => batch.rows)).toEqual([
      [2, 3, 4, 5, 6],
      [7, 8, 9, 10, 11],
      [12, 13],
    ]);
    expect(batches.flatMap((batch) => batch.failed)).toEqual([expect.stringContaining('客户名称')]);
    expect(batches.at(-1)?.bytes).toBe(fs.statSync(file.path).size);
  });

  it('reads past the rows a restarted import already wrote', async () => {
    const batches = await collect({ ...file, skip: 7, batchSize: 5 });
    expect(batches.map((batch) => batch.rows)).toEqual([[9, 10, 11, 12, 13]]);
  });

  it('refuses a file that breaks off before any batch, naming the line', async () => {
    const broken = fileOf('broken.csv', `客户名称,电话\n好公司,13800138000\n"没有结束的引号,1\n`);
    const error = await collect({ ...broken, skip: 0, batchSize: 5 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnreadableFileError);
    expect((error as UnreadableFileError).line).toBe(3);
  });
});
