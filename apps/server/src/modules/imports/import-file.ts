import fs from 'node:fs';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors/app-error';

export type ImportFormat = 'csv' | 'xlsx';
export type ImportEncoding = 'utf-8' | 'gb18030' | 'shift_jis' | 'utf-16le' | 'binary';

export interface SniffedFile {
  format: ImportFormat;
  encoding: ImportEncoding;
  delimiter: string;
}

const sampleBytes = 64 * 1024;
const fileError = (code: string) => new AppError(code, 400, {}, { file: code });

/**
 * What an uploaded file is, from its first bytes (never its name): xlsx is a zip; the old binary
 * .xls is refused with a hint; CSV text is UTF-8 (with or without BOM), UTF-16 with BOM, or — what
 * Excel in Chinese (Japanese) Windows writes — GBK/GB18030 (Shift-JIS): sniffLegacyEncoding.
 */
export function sniffFile(path: string): SniffedFile {
  const handle = fs.openSync(path, 'r');
  const buffer = Buffer.alloc(sampleBytes);
  const length = fs.readSync(handle, buffer, 0, sampleBytes, 0);
  fs.closeSync(handle);
  const bytes = buffer.subarray(0, length);
  if (length === 0) throw fileError('IMPORT_FILE_EMPTY');
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { format: 'xlsx', encoding: 'binary', delimiter: ',' };
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw fileError('IMPORT_FILE_XLS');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = new TextDecoder('utf-16le').decode(bytes);
    return { format: 'csv', encoding: 'utf-16le', delimiter: detectDelimiter(text) };
  }
  // A multi-byte character may be cut at the end of the sample: leave its bytes out of the check.
  const whole = length === sampleBytes ? bytes.subarray(0, trimPartialUtf8(bytes)) : bytes;
  if (whole.includes(0)) throw fileError('IMPORT_FILE_NOT_TEXT');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(whole);
    return { format: 'csv', encoding: 'utf-8', delimiter: detectDelimiter(text) };
  } catch {
    return sniffLegacyEncoding(length === sampleBytes ? toLastLineEnd(bytes) : bytes);
  }
}

/** How much of a text is in a character class, of its non-ASCII characters. */
const shareOf = (text: string, characters: RegExp): number => {
  const nonAscii = Array.from(text).filter((char) => (char.codePointAt(0) as number) > 0x7f).length;
  return nonAscii === 0 ? 0 : (text.match(characters) ?? []).length / nonAscii;
};

const decodes = (encoding: string, bytes: Uint8Array): string | null => {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
};

/**
 * Text that is not UTF-8: Chinese Excel's GBK/GB18030 when it decodes into mostly Chinese text, or
 * Japanese Excel's Shift-JIS when it decodes into kana (GBK read as Shift-JIS gives half-width
 * katakana at most, never hiragana). Anything else is refused: guessing would garble every name.
 */
function sniffLegacyEncoding(bytes: Uint8Array): SniffedFile {
  const japanese = decodes('shift_jis', bytes);
  if (japanese !== null && shareOf(japanese, /[\u3040-\u30ff]/g) > 0.2) {
    return { format: 'csv', encoding: 'shift_jis', delimiter: detectDelimiter(japanese) };
  }
  const chinese = decodes('gb18030', bytes);
  if (chinese !== null && shareOf(chinese, /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g) > 0.8) {
    return { format: 'csv', encoding: 'gb18030', delimiter: detectDelimiter(chinese) };
  }
  throw fileError('IMPORT_FILE_ENCODING');
}

/**
 * A sample cut at its last line feed: the byte 0x0a is never part of a GBK or Shift-JIS character,
 * so no character is cut in two (the sample's end may fall between a character's two bytes).
 */
function toLastLineEnd(bytes: Buffer): Buffer {
  const end = bytes.lastIndexOf(0x0a);
  return end > 0 ? bytes.subarray(0, end + 1) : bytes;
}

function trimPartialUtf8(bytes: Buffer): number {
  const end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = bytes[end - back] as number;
    if ((byte & 0xc0) === 0xc0) return end - back; // a lead byte: its sequence is cut
    if ((byte & 0x80) === 0) break;
  }
  return end;
}

/** Comma, semicolon or tab: whichever the header line holds most of (outside quotes, roughly). */
function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map(
    (delimiter) => [delimiter, firstLine.split(delimiter).length - 1] as const,
  );
  const best = counts.sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ',';
}

export interface FileRow {
  /** 1-based line of the data row in the file (the header is row 1). */
  rowNumber: number;
  cells: string[];
}

/** Decodes GB18030 / UTF-16 to UTF-8 on the way to the CSV parser, chunk by chunk. */
function decoder(encoding: ImportEncoding): Transform {
  const text = new TextDecoder(encoding === 'binary' ? 'utf-8' : encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, text.decode(chunk, { stream: true }));
    },
    flush(callback) {
      callback(null, text.decode());
    },
  });
}

/**
 * Rows of the file, streamed (a 1M-row file never sits in memory), header first. `onBytes` reports
 * how far into the file the reader is (the progress bar). Empty lines are skipped.
 */
export async function* readRows(
  path: string,
  sniffed: SniffedFile,
  onBytes: (bytes: number) => void = () => {},
): AsyncGenerator<FileRow> {
  const source = fs.createReadStream(path, { highWaterMark: 256 * 1024 });
  source.on('data', () => onBytes(source.bytesRead));
  if (sniffed.format === 'xlsx') {
    yield* readXlsxRows(source);
    return;
  }
  const parser = source.pipe(decoder(sniffed.encoding)).pipe(
    parse({
      bom: true,
      delimiter: sniffed.delimiter,
      relax_column_count: true,
      // Files saved by hand carry stray quotes (=HYPERLINK("…") unquoted): read them as text.
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: 1024 * 1024,
      info: true,
    }),
  );
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { rowNumber: record.info.lines, cells: record.record };
  }
}

async function* readXlsxRows(source: fs.ReadStream): AsyncGenerator<FileRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  for await (const worksheet of workbook) {
    for await (const row of worksheet) {
      // Array.from, not map: the values are a sparse array (no entry for an empty cell), and map
      // would keep its holes — null in the JSON of a sample.
      const values = Array.from((row.values as unknown[]).slice(1), cellText);
      if (values.every((value) => value === '')) continue;
      yield { rowNumber: row.number, cells: values };
    }
    return; // the first sheet only
  }
}

/** A cell as the text a person sees: rich text joined, a formula's result, dates as YYYY-MM-DD. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const cell = value as {
      richText?: Array<{ text: string }>;
      result?: unknown;
      text?: unknown;
      error?: string;
    };
    if (cell.richText) return cell.richText.map((part) => part.text).join('');
    if ('result' in cell) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
    if (cell.error) return '';
    return '';
  }
  return String(value);
}
