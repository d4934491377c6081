import type { CustomField } from '@kehu/contracts';

/** One custom-field list filter: exact value, "contains" for multi-select, a range for numbers. */
export type CustomFilterValue = string | number | boolean | { min?: number; max?: number };
export type CustomFilters = Record<string, CustomFilterValue>;

const isValue = (value: unknown): value is CustomFilterValue => {
  if (typeof value === 'string') return value !== '';
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean') return true;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { min, max } = value as { min?: unknown; max?: unknown };
  return (
    (min !== undefined || max !== undefined) &&
    (min === undefined || typeof min === 'number') &&
    (max === undefined || typeof max === 'number')
  );
};

/** The `custom` query parameter (JSON) read back; anything malformed is dropped. */
export const parseCustomFilters = (json: string | undefined): CustomFilters => {
  if (!json) return {};
  try {
    const raw: unknown = JSON.parse(json);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    const result: CustomFilters = {};
    for (const [key, value] of Object.entries(raw)) if (isValue(value)) result[key] = value;
    return result;
  } catch {
    return {};
  }
};

/** Filters → the `custom` parameter (undefined when there are none: no parameter at all). */
export const serializeCustomFilters = (filters: CustomFilters): string | undefined => {
  const entries = Object.entries(filters).filter(([, value]) => isValue(value));
  return entries.length > 0 ? JSON.stringify(Object.fromEntries(entries)) : undefined;
};

/** Only the filters the server takes now (a field made unfilterable or archived drops out). */
export const applicableCustomFilters = (
  filters: CustomFilters,
  fields: readonly CustomField[],
): CustomFilters => {
  const allowed = new Set(fields.filter((field) => field.filterable && !field.archived).map((f) => f.key));
  return Object.fromEntries(Object.entries(filters).filter(([key]) => allowed.has(key)));
};
