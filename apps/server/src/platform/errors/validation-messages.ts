import type { Locale } from '@kehu/contracts';
import type { z } from 'zod';
import { translate } from '../i18n/messages';

/** The parts of a zod issue that decide its message (what fastify-type-provider-zod keeps). */
export interface IssueLike {
  code: string;
  message?: string;
  path: string;
  params: Record<string, unknown>;
}

const formatKeys: Record<string, string> = {
  email: 'email',
  url: 'url',
  uuid: 'uuid',
  date: 'date',
  datetime: 'dateTime',
};

/**
 * Whether an invalid_type issue is about a value that is not there at all. Zod leaves the input out
 * of its issues unless asked; its message says what it received ("… received undefined").
 */
const isMissing = (issue: IssueLike): boolean =>
  'input' in issue.params
    ? issue.params.input === undefined
    : /received undefined\b/.test(issue.message ?? '');

/** "string" → "text" / "文本" (the name zod gives a type, in the caller's language where known). */
const typeName = (locale: Locale, type: string): string => {
  const name = translate(locale, `valueTypes.${type}`);
  return name === `valueTypes.${type}` ? type : name;
};

/** A zod issue as thrown by `schema.parse` → the shape the messages are chosen from. */
export const issueLikeOf = (issue: z.core.$ZodIssue): IssueLike => {
  const { code, message, path, ...params } = issue;
  return { code, message, path: path.map(String).join('.'), params };
};

/** A zod issue → one message in the caller's language. */
export function issueMessage(locale: Locale, issue: IssueLike): string {
  const p = issue.params;
  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate(locale, `fields.${key}`, params);
  // Schemas name a message key directly where a built-in one would say too little (e.g. 'phone').
  if (
    issue.message &&
    /^[a-zA-Z_]+$/.test(issue.message) &&
    translate(locale, `fields.${issue.message}`) !== `fields.${issue.message}`
  )
    return t(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      return isMissing(issue)
        ? t('required')
        : t('wrongType', { expected: typeName(locale, String(p.expected)) });
    case 'too_small': {
      const minimum = Number(p.minimum);
      if (p.origin === 'string') return minimum <= 1 ? t('required') : t('tooShort', { minimum });
      if (p.origin === 'array' || p.origin === 'set') return t('tooFewItems', { minimum });
      return t('tooSmall', { minimum });
    }
    case 'too_big': {
      const maximum = Number(p.maximum);
      if (p.origin === 'string') return t('tooLong', { maximum });
      if (p.origin === 'array' || p.origin === 'set') return t('tooManyItems', { maximum });
      return t('tooBig', { maximum });
    }
    case 'invalid_format':
      return t(formatKeys[String(p.format)] ?? 'invalid');
    case 'invalid_value':
      return Array.isArray(p.values)
        ? t('oneOf', { options: p.values.map(String).join(', ') })
        : t('invalid');
    case 'unrecognized_keys':
      return t('unknown');
    default:
      return t('invalid');
  }
}

/** Every issue keyed by its field path; unknown keys are reported under their own names. */
export function fieldsFromIssues(locale: Locale, issues: IssueLike[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
      for (const key of issue.params.keys) {
        fields[[issue.path, String(key)].filter(Boolean).join('.')] = issueMessage(locale, issue);
      }
      continue;
    }
    const path = issue.path || '_';
    fields[path] ??= issueMessage(locale, issue);
  }
  return fields;
}
