import type { CustomField, CustomValues } from '@kehu/contracts';
import dayjs, { type Dayjs } from 'dayjs';

/** A form value of a custom field: money in yuan, dates as dayjs, the rest as stored. */
export type CustomFormValue = string | number | boolean | string[] | Dayjs | null | undefined;
export type CustomFormValues = Record<string, CustomFormValue>;

/** Minor units (分) → yuan with two decimals. */
export const moneyToMajor = (minor: number): number => minor / 100;
/** Yuan → minor units (an integer). */
export const moneyToMinor = (major: number): number => Math.round(major * 100);

/** A stored value as the form edits it. */
export const toCustomFormValue = (field: CustomField, value: unknown): CustomFormValue => {
  if (value === null || value === undefined) return undefined;
  switch (field.type) {
    case 'money':
      return typeof value === 'number' ? moneyToMajor(value) : undefined;
    case 'date':
      return typeof value === 'string' && dayjs(value).isValid() ? dayjs(value) : undefined;
    case 'multiSelect':
      return Array.isArray(value) ? value.map(String) : undefined;
    default:
      return value as CustomFormValue;
  }
};

/** A form value as the API takes it (null: no value). */
export const fromCustomFormValue = (field: CustomField, value: CustomFormValue): unknown => {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case 'money':
      return typeof value === 'number' ? moneyToMinor(value) : null;
    case 'date':
      return dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : null;
    case 'multiSelect':
      return Array.isArray(value) && value.length > 0 ? value : null;
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    default: {
      if (typeof value !== 'string') return null;
      const trimmed = value.trim();
      return trimmed === '' ? null : trimmed;
    }
  }
};

/** For a new record: the values given (undefined when there are none). */
export const customValuesForCreate = (
  fields: readonly CustomField[],
  form: CustomFormValues | undefined,
): CustomValues | undefined => {
  if (!form) return undefined;
  const values: CustomValues = {};
  for (const field of fields) {
    const value = fromCustomFormValue(field, form[field.key]);
    if (value !== null) values[field.key] = value;
  }
  return Object.keys(values).length > 0 ? values : undefined;
};

/** For an edit: only the keys whose value changed (null clears one); undefined when none did. */
export const customValuesForUpdate = (
  fields: readonly CustomField[],
  form: CustomFormValues | undefined,
  stored: CustomValues,
): CustomValues | undefined => {
  if (!form) return undefined;
  const changes: CustomValues = {};
  for (const field of fields) {
    if (!(field.key in form)) continue;
    const value = fromCustomFormValue(field, form[field.key]);
    const before = stored[field.key] ?? null;
    if (JSON.stringify(value) !== JSON.stringify(before)) changes[field.key] = value;
  }
  return Object.keys(changes).length > 0 ? changes : undefined;
};
