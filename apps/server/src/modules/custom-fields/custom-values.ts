import type { CustomField, CustomValues } from '@kehu/contracts';
import { normalizeEmail } from '../../platform/normalize/email.normalize';
import { type CountryCode, normalizePhone } from '../../platform/normalize/phone.normalize';
import { cleanText } from '../../platform/normalize/text.normalize';

/** A value's problem, as a field message key (the same keys the schema messages use). */
type Problem = string;

const maxText = { text: 500, longText: 10_000 } as const;
const urlPattern = /^https?:\/\/[^\s]+$/i;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD of a day that exists (Date.parse would roll 02-31 over into March). */
const isCalendarDate = (value: string): boolean => {
  if (!datePattern.test(value)) return false;
  const parsed = Date.parse(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === value;
};

/**
 * One custom value, checked and normalised by its definition's type; `null` clears it. Money is
 * stored in minor units (an integer), like every amount (DESIGN.md §4).
 */
export function normalizeCustomValue(
  field: Pick<CustomField, 'type' | 'options'>,
  value: unknown,
  phoneRegion: CountryCode,
): { value: unknown } | { problem: Problem } {
  // Blank is empty: spaces do not fill a required field, nor make a number 0.
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    return { value: null };
  }
  switch (field.type) {
    case 'text':
    case 'longText': {
      if (typeof value !== 'string') return { problem: 'invalid' };
      const text = field.type === 'text' ? cleanText(value) : value.trim();
      if (text.length > maxText[field.type]) return { problem: `${field.type}TooLong` };
      return { value: text || null };
    }
    case 'number': {
      const number = typeof value === 'string' ? Number(value.trim()) : value;
      if (typeof number !== 'number' || !Number.isFinite(number)) return { problem: 'invalid' };
      return { value: number };
    }
    case 'money': {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) return { problem: 'notInteger' };
      return { value };
    }
    case 'date': {
      if (typeof value !== 'string' || !isCalendarDate(value)) return { problem: 'date' };
      return { value };
    }
    case 'boolean':
      if (typeof value !== 'boolean') return { problem: 'invalid' };
      return { value };
    case 'select':
      if (typeof value !== 'string' || !field.options.some((option) => option.value === value)) {
        return { problem: 'option' };
      }
      return { value };
    case 'multiSelect': {
      if (!Array.isArray(value)) return { problem: 'invalid' };
      const allowed = new Set(field.options.map((option) => option.value));
      if (!value.every((item) => typeof item === 'string' && allowed.has(item))) return { problem: 'option' };
      const unique = [...new Set(value as string[])];
      return { value: unique.length > 0 ? unique : null };
    }
    case 'phone': {
      if (typeof value !== 'string') return { problem: 'phone' };
      const phone = normalizePhone(value, phoneRegion);
      return phone ? { value: phone } : { problem: 'phone' };
    }
    case 'email': {
      if (typeof value !== 'string') return { problem: 'email' };
      const email = normalizeEmail(value);
      return email ? { value: email } : { problem: 'email' };
    }
    case 'url':
      if (typeof value !== 'string' || value.length > 500 || !urlPattern.test(value.trim())) {
        return { problem: 'url' };
      }
      return { value: value.trim() };
  }
}

/**
 * Checks the values sent against the active definitions and merges them over the record's stored
 * values. Unknown keys are refused; a required field must have a value after the merge (on update
 * only when it is sent or was never set, so that adding a required field does not lock every old
 * record). Problems are keyed `custom.<key>`.
 */
export function mergeCustomValues(
  definitions: CustomField[],
  sent: CustomValues | undefined,
  stored: CustomValues,
  mode: 'create' | 'update',
  phoneRegion: CountryCode,
): { values: CustomValues; problems: Record<string, Problem> } {
  const problems: Record<string, Problem> = {};
  const values: CustomValues = { ...stored };
  const byKey = new Map(definitions.map((field) => [field.key, field]));
  for (const [key, raw] of Object.entries(sent ?? {})) {
    const field = byKey.get(key);
    if (!field || field.archived) {
      problems[`custom.${key}`] = 'unknown';
      continue;
    }
    const result = normalizeCustomValue(field, raw, phoneRegion);
    if ('problem' in result) problems[`custom.${key}`] = result.problem;
    else if (result.value === null) delete values[key];
    else values[key] = result.value;
  }
  for (const field of definitions) {
    if (!field.required || field.archived) continue;
    const checked = mode === 'create' || (sent !== undefined && field.key in sent);
    if (
      checked &&
      (values[field.key] === undefined || values[field.key] === null) &&
      !problems[`custom.${field.key}`]
    ) {
      problems[`custom.${field.key}`] = 'required';
    }
  }
  return { values, problems };
}
