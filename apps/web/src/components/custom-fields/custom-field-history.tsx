import type { CustomField, HistoryEntry } from '@kehu/contracts';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { customFieldDisplay } from './custom-field-display';

type Change = HistoryEntry['changes'][number];

const isValues = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A change of the `custom` JSON (stored whole) as one change per custom field that differs, so a
 * history reads "Employees: 320 → 321", not the object before and after.
 */
export const expandCustomChanges = (entries: readonly HistoryEntry[]): HistoryEntry[] =>
  entries.map((entry) => ({
    ...entry,
    changes: entry.changes.flatMap((change): Change[] => {
      if (change.field !== 'custom') return [change];
      const before = isValues(change.old) ? change.old : {};
      const after = isValues(change.new) ? change.new : {};
      return [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
        .map((key) => ({ field: `custom.${key}`, old: before[key] ?? null, new: after[key] ?? null }));
    }),
  }));

/** Label and value of a `custom.<key>` history field by its definition (archived ones included). */
export const customHistoryField = (fields: readonly CustomField[] | undefined, t: TFunction) => {
  const byKey = (field: string) =>
    field.startsWith('custom.')
      ? fields?.find((definition) => `custom.${definition.key}` === field)
      : undefined;
  return {
    label: (field: string): string | undefined =>
      field.startsWith('custom.') ? (byKey(field)?.label ?? field.slice(7)) : undefined,
    value: (field: string, value: unknown): ReactNode | undefined => {
      const definition = byKey(field);
      return definition ? customFieldDisplay(definition, value, t) : undefined;
    },
  };
};
