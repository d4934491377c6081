import { customerKinds, customerLevels, customerTypes } from '@kehu/contracts';
import type { QueryParams } from '../../../app/api-client';

export const printLayouts = ['address', 'phone', 'labels'] as const;
export type PrintLayout = (typeof printLayouts)[number];

/** A label sheet (A4, sizes in mm) or one Chinese envelope per page. */
export interface LabelFormat {
  id: string;
  columns: number;
  rows: number;
  width: number;
  height: number;
  /** Sheet margins and gaps between labels, in mm. */
  top: number;
  side: number;
  columnGap: number;
  rowGap: number;
}

/** Avery/Zweckform A4 sheets: the sizes most label stock in offices comes in. */
export const labelFormats: readonly LabelFormat[] = [
  {
    id: 'L7163',
    columns: 2,
    rows: 7,
    width: 99.1,
    height: 38.1,
    top: 15.15,
    side: 4.65,
    columnGap: 2.5,
    rowGap: 0,
  },
  {
    id: 'L7160',
    columns: 3,
    rows: 7,
    width: 63.5,
    height: 38.1,
    top: 15.15,
    side: 7.25,
    columnGap: 2.5,
    rowGap: 0,
  },
  {
    id: 'L7165',
    columns: 2,
    rows: 4,
    width: 99.1,
    height: 67.7,
    top: 13.1,
    side: 4.65,
    columnGap: 2.5,
    rowGap: 0,
  },
];
/** The Chinese 5号 (DL) envelope, 220 × 110 mm, printed one per page. */
export const envelopeLabel = 'envelope';
/** Paper widths: an A4 label sheet, and a Chinese 5号 envelope (220 × 110 mm). */
export const a4WidthMm = 210;
export const envelopeWidthMm = 220;
export type LabelChoice = string;

/** The customer list filters the print page passes on to GET /api/v1/customers (as on the list page). */
const filterKeys = [
  'q',
  'type',
  'level',
  'kind',
  'ownerId',
  'departmentId',
  'tag',
  'industry',
  'source',
  'custom',
  'createdFrom',
  'createdTo',
  'sort',
  'deleted',
] as const;
export type FilterKey = (typeof filterKeys)[number];

const enumValues: Partial<Record<FilterKey, readonly string[]>> = {
  type: customerTypes,
  level: customerLevels,
  kind: customerKinds,
  deleted: ['true', 'false'],
};

export interface PrintParams {
  layout: PrintLayout;
  label: LabelChoice;
  filters: Partial<Record<FilterKey, string>>;
}

export const parsePrintParams = (params: URLSearchParams): PrintParams => {
  const layout = params.get('layout');
  const label = params.get('label');
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const key of filterKeys) {
    const value = params.get(key)?.trim();
    if (!value) continue;
    const allowed = enumValues[key];
    if (allowed && !allowed.includes(value)) continue;
    filters[key] = value;
  }
  return {
    layout: (printLayouts as readonly string[]).includes(layout ?? '') ? (layout as PrintLayout) : 'address',
    label:
      label === envelopeLabel || labelFormats.some((format) => format.id === label)
        ? (label as string)
        : (labelFormats[0] as LabelFormat).id,
    filters,
  };
};

export const filtersAsQuery = (filters: PrintParams['filters']): QueryParams => ({ ...filters });

/** The URL of the customer list with the same filters ("Back"). */
export const customersListUrl = (filters: PrintParams['filters']): string => {
  const search = new URLSearchParams(filters as Record<string, string>).toString();
  return search ? `/customers?${search}` : '/customers';
};
