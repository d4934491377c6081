import type { Locale } from '@kehu/contracts';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type en from '../locales/en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/**
 * Each language's texts are their own chunk, loaded when first needed: only the one in use is
 * downloaded (the locale files grow with every feature; both together were ~30 KiB gzipped).
 */
const localeLoaders: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  'zh-CN': () => import('../locales/zh-CN.json'),
  en: () => import('../locales/en.json'),
};

const ensureLoaded = async (locale: Locale): Promise<void> => {
  if (i18n.hasResourceBundle(locale, 'translation')) return;
  const texts = await localeLoaders[locale]();
  i18n.addResourceBundle(locale, 'translation', texts.default, true, true);
};

const storageKey = 'kehu.locale';

export const supportedLocales: readonly Locale[] = ['zh-CN', 'en'];

export const isLocale = (value: unknown): value is Locale => value === 'zh-CN' || value === 'en';

const readStoredLocale = (): Locale | undefined => {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLocale(stored) ? stored : undefined;
  } catch {
    return undefined;
  }
};

/** Before anyone signs in: the locale stored on this browser, else the browser's language. */
export const detectInitialLocale = (): Locale => {
  const stored = readStoredLocale();
  if (stored) return stored;
  const browser = typeof navigator === 'undefined' ? '' : navigator.language.toLowerCase();
  return browser.startsWith('zh') ? 'zh-CN' : 'en';
};

export const rememberLocale = (locale: Locale): void => {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
};

const applyDocumentLocale = (locale: Locale): void => {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
};

export const i18n = i18next.createInstance();

const initialLocale = detectInitialLocale();
applyDocumentLocale(initialLocale);

/** Resolves when the first language's texts are in: main.tsx renders after it. */
export const i18nReady: Promise<void> = (async () => {
  await i18n.use(initReactI18next).init({
    resources: {},
    lng: initialLocale,
    // Both locale files hold the same keys (a check before every stop): no fallback download.
    fallbackLng: false,
    supportedLngs: [...supportedLocales],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  await ensureLoaded(initialLocale);
})();

export const currentLocale = (): Locale => (isLocale(i18n.language) ? i18n.language : 'en');

/** Switches i18next, dayjs and the document language (antd follows through the providers). */
export const applyLocale = async (locale: Locale): Promise<void> => {
  await ensureLoaded(locale);
  applyDocumentLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
};

/**
 * A key built at run time from server data (a field name in history, a permission module):
 * translated when the locale files know it, else the fallback.
 */
export const translateKey = (key: string, fallback: string, values?: Record<string, string>): string =>
  i18n.exists(key)
    ? (i18n.t as unknown as (key: string, values?: Record<string, string>) => string)(key, values)
    : fallback;
