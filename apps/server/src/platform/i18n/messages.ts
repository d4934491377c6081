import type { Locale } from '@kehu/contracts';
import en from './locales/en.json' with { type: 'json' };
import zhCN from './locales/zh-CN.json' with { type: 'json' };

type Catalogue = typeof en;
const catalogues: Record<Locale, Catalogue> = { en, 'zh-CN': zhCN };

export type MessageParams = Record<string, string | number>;

const fill = (template: string, params: MessageParams) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

/** `section.key` in the caller's language; English, then the key itself, when missing. */
export function translate(locale: Locale, key: string, params: MessageParams = {}): string {
  const [section, name] = key.split('.') as [keyof Catalogue, string];
  const lookup = (catalogue: Catalogue) => (catalogue[section] as Record<string, string> | undefined)?.[name];
  return fill(lookup(catalogues[locale]) ?? lookup(catalogues.en) ?? key, params);
}

/** Accept-Language → the closest supported locale (zh* → zh-CN, else en). */
export function localeFromHeader(header: string | undefined): Locale | undefined {
  if (!header) return undefined;
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('zh')) return 'zh-CN';
  if (first.startsWith('en')) return 'en';
  return undefined;
}
