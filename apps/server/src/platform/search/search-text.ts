/**
 * Text prepared for customer search. SQLite FTS5 `trigram` serves queries of 3+ characters but finds
 * nothing for 1–2, so names also get a gram document (unigrams and bigrams) for short queries such as
 * 科技 (DESIGN.md §6). PostgreSQL searches the same document with pg_trgm.
 */

import { nationalDigits } from '../normalize/phone.normalize';

const tokenChars = /[\p{L}\p{N}]/u;

/** Letters and digits only, lower-cased: what both documents and queries are cut from. */
const letters = (value: string) => Array.from(value.toLowerCase()).filter((char) => tokenChars.test(char));

/**
 * Name, email and phones (as stored, as bare digits and as dialled nationally) in one lower-cased
 * line. A digit form already inside the line is left out: the search is by substring, so
 * +8613800138000 already finds 13800138000, and every extra character costs the index a trigram.
 */
export function searchDocument(fields: { name: string; email?: string | null; phones?: string[] }): string {
  const phones = fields.phones ?? [];
  const parts = [fields.name, fields.email ?? '', ...phones];
  for (const phone of phones) {
    for (const form of [phone.replace(/\D/g, ''), nationalDigits(phone)]) {
      if (form && !parts.some((part) => part.includes(form))) parts.push(form);
    }
  }
  return parts.join(' ').toLowerCase();
}

/** Space-separated unigrams and bigrams of the name, each an FTS5 unicode61 token. */
export function nameGrams(name: string): string {
  const chars = letters(name);
  const grams = new Set<string>();
  for (let index = 0; index < chars.length; index++) {
    grams.add(chars[index] as string);
    if (index + 1 < chars.length) grams.add(`${chars[index]}${chars[index + 1]}`);
  }
  return [...grams].join(' ');
}

export type SearchPlan =
  | { kind: 'none' }
  /** A short query with no letters or digits (e.g. `%`): nothing can match it. */
  | { kind: 'nothing' }
  /** 1–2 letters: match a gram of the name. */
  | { kind: 'gram'; gram: string }
  /** 3+ characters: substring of the search document. */
  | { kind: 'substring'; text: string }
  /** A whole email address: an exact, indexed lookup (its trigrams, such as `com`, are everywhere). */
  | { kind: 'email'; email: string };

const wholeEmail = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** What to look for: a query that looks like a phone number is searched as its digits. */
export function planSearch(query: string | undefined): SearchPlan {
  const trimmed = (query ?? '').trim().toLowerCase();
  if (!trimmed) return { kind: 'none' };
  if (wholeEmail.test(trimmed)) return { kind: 'email', email: trimmed };
  const text =
    /^[\d\s()+.-]+$/.test(trimmed) && /\d{3}/.test(trimmed.replace(/\D/g, ''))
      ? trimmed.replace(/\D/g, '')
      : trimmed;
  if (Array.from(text).length >= 3) return { kind: 'substring', text };
  const chars = letters(text);
  if (chars.length === 0) return { kind: 'nothing' };
  return { kind: 'gram', gram: chars.join('') };
}

/** An FTS5 phrase: double quotes inside are doubled. */
export const ftsPhrase = (text: string) => `"${text.replace(/"/g, '""')}"`;
