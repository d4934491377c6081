import type { CustomField } from '@kehu/contracts';
import { AppError } from '../../platform/errors/app-error';

/** One custom-field condition of a list, checked against the field's definition. */
export type CustomFilter =
  | { key: string; kind: 'equals'; value: string | number | boolean }
  | { key: string; kind: 'contains'; value: string }
  | { key: string; kind: 'range'; min?: number; max?: number };

/**
 * Reads the `custom` query parameter (`{"size":"large","score":{"min":3}}`) into conditions: only
 * filterable fields, values of the field's type. 400 per `custom.<key>` otherwise.
 */
export function parseCustomFilters(json: string, definitions: CustomField[]): CustomFilter[] {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const byKey = new Map(
    definitions.filter((field) => field.filterable && !field.archived).map((field) => [field.key, field]),
  );
  const filters: CustomFilter[] = [];
  const problems: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = byKey.get(key);
    if (!field) {
      problems[`custom.${key}`] = 'unknown';
      continue;
    }
    const isNumeric = field.type === 'number' || field.type === 'money';
    if (isNumeric && typeof value === 'object' && value !== null) {
      const { min, max } = value as { min?: unknown; max?: unknown };
      if ((min !== undefined && typeof min !== 'number') || (max !== undefined && typeof max !== 'number')) {
        problems[`custom.${key}`] = 'invalid';
      } else
        filters.push({ key, kind: 'range', min: min as number | undefined, max: max as number | undefined });
    } else if (field.type === 'multiSelect') {
      if (typeof value !== 'string') problems[`custom.${key}`] = 'invalid';
      else filters.push({ key, kind: 'contains', value });
    } else if (field.type === 'boolean') {
      if (typeof value !== 'boolean') problems[`custom.${key}`] = 'invalid';
      else filters.push({ key, kind: 'equals', value });
    } else if (isNumeric) {
      if (typeof value !== 'number') problems[`custom.${key}`] = 'invalid';
      else filters.push({ key, kind: 'equals', value });
    } else if (typeof value !== 'string') problems[`custom.${key}`] = 'invalid';
    else filters.push({ key, kind: 'equals', value });
  }
  if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', 400, {}, problems);
  return filters;
}
