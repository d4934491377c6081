import type { App, FormInstance, FormRule } from 'antd';
import type { z } from 'zod';
import { isApiError } from './api-client';
import { i18n } from './i18n';

type Issue = z.core.$ZodIssue;
type NamePath = (string | number)[];
export type MessageInstance = ReturnType<typeof App.useApp>['message'];

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** A zod issue in the user's language (the same schema the server uses; our own words). */
export const translateIssue = (issue: Issue, value: unknown): string => {
  const t = i18n.t;
  if (issue.message === 'phone') return t('validation.phone');
  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_value':
      return isEmpty(value) ? t('validation.required') : t('validation.invalid');
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.minLength', { count: Number(issue.minimum) });
      }
      if (issue.origin === 'array') return t('validation.minItems', { count: Number(issue.minimum) });
      return t('validation.minValue', { count: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxLength', { count: Number(issue.maximum) });
      if (issue.origin === 'array') return t('validation.maxItems', { count: Number(issue.maximum) });
      return t('validation.maxValue', { count: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'url') return t('validation.url');
      if (issue.format === 'date') return t('validation.date');
      return isEmpty(value) ? t('validation.required') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
};

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown => {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
};

/** An antd rule that checks one field with (a part of) a contracts schema. Blank text counts as null. */
export const zodRule = (
  schema: z.ZodType,
  options: { skipEmpty?: boolean; normalize?: (value: unknown) => unknown } = {},
): FormRule => ({
  validator: async (_rule, input: unknown) => {
    if (options.skipEmpty && isEmpty(input)) return;
    const raw = options.normalize ? options.normalize(input) : input;
    const value = typeof raw === 'string' && raw.trim() === '' ? null : raw;
    const result = schema.safeParse(value);
    if (result.success) return;
    const issue = result.error.issues[0];
    if (issue) throw new Error(translateIssue(issue, valueAt(value, issue.path)));
  },
});

const toNamePath = (path: readonly PropertyKey[] | string): NamePath =>
  (typeof path === 'string' ? path.split('.') : path.map(String)).map((segment) =>
    /^\d+$/.test(segment) ? Number(segment) : segment,
  );

/**
 * Parses a form's payload with the contracts schema (the server's own); on failure marks the fields,
 * shows the first problem as a message and returns undefined.
 */
export const parseWithSchema = <S extends z.ZodType>(
  schema: S,
  payload: unknown,
  form: FormInstance,
  message: MessageInstance,
): z.output<S> | undefined => {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  form.setFields(
    result.error.issues.map((issue) => ({
      name: toNamePath(issue.path),
      errors: [translateIssue(issue, valueAt(payload, issue.path))],
    })),
  );
  const first = result.error.issues[0];
  if (first) void message.error(translateIssue(first, valueAt(payload, first.path)));
  return undefined;
};

/**
 * Shows an API error on a form: `fields` messages on the matching items (paths like `phones.0`),
 * anything else (and fields without an item) as a message.
 */
export const showFormError = (
  error: unknown,
  form: FormInstance,
  message: MessageInstance,
  fieldNames?: readonly string[],
): void => {
  if (isApiError(error) && error.fields && Object.keys(error.fields).length > 0) {
    const onForm: { name: NamePath; errors: string[] }[] = [];
    const elsewhere: string[] = [];
    for (const [path, text] of Object.entries(error.fields)) {
      const name = toNamePath(path);
      if (!fieldNames || fieldNames.includes(String(name[0]))) onForm.push({ name, errors: [text] });
      else elsewhere.push(text);
    }
    form.setFields(onForm);
    void message.error(elsewhere.length > 0 ? elsewhere.join(' ') : error.message);
    return;
  }
  void message.error(error instanceof Error && error.message ? error.message : i18n.t('errors.unexpected'));
};

/** A mutation error outside a form. */
export const showError = (error: unknown, message: MessageInstance): void => {
  void message.error(error instanceof Error && error.message ? error.message : i18n.t('errors.unexpected'));
};
