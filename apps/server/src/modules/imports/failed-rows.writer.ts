import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { safeCell } from '../../platform/files/safe-cell';

/** The failed rows of an import, appended batch by batch: the file's columns, then the reason. */
export class FailedRowsWriter {
  constructor(private readonly path: string) {}

  /** Writes the header once (a resumed import appends to what is there). */
  start(headers: string[], reasonHeader: string) {
    if (fs.existsSync(this.path) && fs.statSync(this.path).size > 0) return;
    // The BOM makes Excel read the UTF-8 file as UTF-8 (Chinese text intact).
    fs.writeFileSync(this.path, `\ufeff${stringify([[...headers, reasonHeader].map(safeCell)])}`);
  }

  append(rows: Array<{ cells: string[]; reason: string }>) {
    if (rows.length === 0) return;
    fs.appendFileSync(this.path, stringify(rows.map((row) => [...row.cells, row.reason].map(safeCell))));
  }
}
