import type { SegmentFilters } from '@kehu/contracts';
import type { CustomerFilters } from '../api/customers-api';

/** The list query keys a saved view keeps (everything in the URL but the recycle bin switch). */
export const viewFilterKeys = [
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
] as const;

const defaultSort = '-updatedAt';

/** The set filters as plain strings, the default sort left out (the server fills it in). */
const normalized = (filters: Readonly<Record<string, unknown>>): Record<string, string> => {
  const result: Record<string, string> = {};
  for (const key of viewFilterKeys) {
    const value = filters[key];
    if (typeof value !== 'string' || value === '') continue;
    if (key === 'sort' && value === defaultSort) continue;
    result[key] = value;
  }
  return result;
};

/** What "Save view" stores for the list as it is filtered now. */
export const viewFiltersOf = (filters: CustomerFilters): SegmentFilters =>
  normalized(filters as Record<string, unknown>) as SegmentFilters;

/** A saved view's filters as URL parameters (every list key, unset ones undefined). */
export const urlFiltersOf = (saved: Readonly<Record<string, unknown>>): Record<string, string> =>
  normalized(saved);

/** Whether the list shows exactly what the view saved. */
export const sameFilters = (saved: Readonly<Record<string, unknown>>, current: CustomerFilters): boolean => {
  const a = normalized(saved);
  const b = normalized(current as Record<string, unknown>);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
};
