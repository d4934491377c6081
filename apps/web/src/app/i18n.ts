import type { Locale } from '@kehu/contracts';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

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
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initialLocale,
  fallbackLng: 'en',
  supportedLngs: [...supportedLocales],
  interpolation: { escapeValue: false },
  initAsync: false,
});

export const currentLocale = (): Locale => (isLocale(i18n.language) ? i18n.language : 'en');

/** Switches i18next, dayjs and the document language (antd follows through the providers). */
export const applyLocale = async (locale: Locale): Promise<void> => {
  applyDocumentLocale(locale);
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
};

/**
 * A key built at run time from server data (a field name in history, a permission module):
 * translated when the locale files know it, else the fallback.
 */
export const translateKey = (key: string, fallback: string): string =>
  i18n.exists(key) ? (i18n.t as unknown as (key: string) => string)(key) : fallback;
