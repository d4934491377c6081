import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

type Texts = { [key: string]: string | Texts };

const read = (path: string) => JSON.parse(fs.readFileSync(new URL(path, import.meta.url), 'utf8')) as Texts;
/** Every text by its dotted key. */
const flatten = (texts: Texts, prefix = ''): Map<string, string> =>
  new Map(
    Object.entries(texts).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : [...flatten(value, `${prefix}${key}.`)],
    ),
  );
/** The {{placeholders}} a text fills in, sorted. */
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

// Both languages of the web app and of the server's messages say the same things with the same
// placeholders: a key missing in one language shows the raw key to its users.
describe.each([
  ['web app', './en.json', './zh-CN.json'],
  [
    'server',
    '../../../server/src/platform/i18n/locales/en.json',
    '../../../server/src/platform/i18n/locales/zh-CN.json',
  ],
])('%s texts', (_name, enPath, zhPath) => {
  const en = flatten(read(enPath));
  const zh = flatten(read(zhPath));

  it('has the same keys in English and Chinese', () => {
    expect([...zh.keys()].filter((key) => !en.has(key))).toEqual([]);
    expect([...en.keys()].filter((key) => !zh.has(key))).toEqual([]);
  });

  it('fills in the same placeholders in both', () => {
    const differing = [...en].filter(
      ([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(zh.get(key) ?? '')),
    );
    expect(differing.map(([key]) => key)).toEqual([]);
  });
});
