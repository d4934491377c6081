import fs from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { safeCell } from '../../platform/files/safe-cell';

/** A table written row by row to a file (never all in memory): CSV or a streamed xlsx workbook. */
export interface TableFileWriter {
  row(cells: string[]): Promise<void>;
  close(): Promise<void>;
}

export function csvWriter(path: string, headers: string[]): TableFileWriter {
  const out = fs.createWriteStream(path);
  // The BOM makes Excel read the UTF-8 file as UTF-8 (Chinese text intact).
  out.write(`\ufeff${stringify([headers.map(safeCell)])}`);
  return {
    async row(cells) {
      if (!out.write(stringify([cells.map(safeCell)])))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    },
    close: () =>
      new Promise<void>((resolve, reject) =>
        out.end((error?: Error | null) => (error ? reject(error) : resolve())),
      ),
  };
}

export function xlsxWriter(path: string, headers: string[], sheetName: string): TableFileWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.commit();
  return {
    async row(cells) {
      // Cells are written as text (string cells), never as formulas: no apostrophe is needed, and
      // one would become part of the value (a phone would read '+86…).
      sheet.addRow(cells).commit();
    },
    async close() {
      sheet.commit();
      await workbook.commit();
    },
  };
}
