import type { CustomField, Locale } from '@kehu/contracts';
import type { CountryCode } from '../../platform/normalize/phone.normalize';
import type { BatchRow } from './import-batch';
import type { ImportTarget } from './import-fields';
import type { FileRow } from './import-file';
import { convertRow } from './import-row';

/** What turning a file row into a batch row needs: all plain data, so a worker thread can have it. */
export interface ConversionSettings {
  mapping: Array<ImportTarget | null>;
  headers: string[];
  customFields: CustomField[];
  phoneRegion: CountryCode;
  locale: Locale;
}

/** A file row → a batch row: the converted record, or the reason it cannot be imported. */
export function rowConverter(settings: ConversionSettings): (fileRow: FileRow) => BatchRow {
  return (fileRow) => {
    const converted = convertRow(
      fileRow.cells,
      settings.mapping,
      settings.headers,
      settings.customFields,
      settings.phoneRegion,
      settings.locale,
    );
    return converted.ok
      ? { rowNumber: fileRow.rowNumber, cells: fileRow.cells, record: converted.record }
      : { rowNumber: fileRow.rowNumber, cells: fileRow.cells, reason: converted.reason };
  };
}
