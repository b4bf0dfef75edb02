/**
 * UI strings, through i18next: `t(key, vars)` fills `{name}` placeholders (i18next's interpolation,
 * set to single braces so the tables read as before), picks the plural form of a key by `count`
 * with the language's `Intl.PluralRules` (`_one`, `_few`, `_many`, `_other`…), and takes a
 * `context` var (`key_<context>`) where a language needs one. English (en.ts) is the reference and
 * the fallback: a key another language lacks shows in English, never as a raw key.
 *
 * The UI language is the person's (App settings), not the map's: a map's own locale still decides
 * its stage names and the words on its exports (shared/templates/map-words.ts).
 */
import i18next, { type i18n as I18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@shared/model/types';
import { en, type MessageKey } from './en';

export type { MessageKey };

type Table = Readonly<Record<string, string>>;

/**
 * The other languages' tables, fetched when that language is first spoken: English is in the
 * first bundle (it is the fallback of every key), and a Russian, Korean or Japanese table is
 * about as heavy as English, so a person who never leaves English never downloads them.
 */
const LOADERS: Readonly<Record<Exclude<Locale, 'en'>, () => Promise<Table>>> = {
  ru: () => import('./ru').then((m) => m.ru),
  ko: () => import('./ko').then((m) => m.ko),
  ja: () => import('./ja').then((m) => m.ja),
};

/** One i18next instance for the app (not the global one, so nothing else can reconfigure it). */
export const i18n: I18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  // Keys are flat strings with dots in them ("library.title"), not paths into nested objects.
  keySeparator: false,
  nsSeparator: false,
  // English is inline: init is synchronous, so t() works from the first line of the app.
  initAsync: false,
  returnNull: false,
  returnEmptyString: false,
  interpolation: {
    prefix: '{',
    suffix: '}',
    // React escapes what it renders; SVG and file writers escape for their own formats.
    escapeValue: false,
  },
});

const isLocale = (language: string): language is Locale => (LOCALES as readonly string[]).includes(language);

/** Whether `language`'s table is here, so switching to it is immediate. */
export const isLanguageLoaded = (language: Locale): boolean => language === 'en' || i18n.hasResourceBundle(language, 'translation');

/** Fetches a language's table once (a second call while the first is under way shares it). */
const pending = new Map<Locale, Promise<void>>();
export function loadLanguage(language: Locale): Promise<void> {
  if (language === 'en' || isLanguageLoaded(language)) return Promise.resolve();
  const known = pending.get(language);
  if (known) return known;
  const loading = LOADERS[language]()
    .then((table) => {
      i18n.addResourceBundle(language, 'translation', table, true, true);
    })
    .finally(() => pending.delete(language));
  pending.set(language, loading);
  return loading;
}

export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  return String(i18n.t(key, vars as never));
}

/** The language the UI speaks now. */
export const currentLanguage = (): Locale => (isLocale(i18n.language) ? i18n.language : 'en');

/** The language asked for last: a table that arrives after a later choice does not win. */
let wanted: Locale = 'en';

function speak(language: Locale): void {
  if (language !== i18n.language) void i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/**
 * Speaks `language` from now on: every component reading `useLanguage()` re-renders. A table
 * already here applies at once; otherwise the UI keeps its language until the table has arrived
 * (no half-English screen), then switches. If the table cannot be fetched the UI stays as it was
 * and the promise rejects with the reason.
 */
export function setLanguage(language: Locale): Promise<void> {
  wanted = language;
  if (isLanguageLoaded(language)) {
    speak(language);
    return Promise.resolve();
  }
  return loadLanguage(language).then(() => {
    if (wanted === language) speak(language);
  });
}

/**
 * The UI language, as a subscription: a component that calls this re-renders when the language
 * changes. The app root reads it, so the whole tree follows; a memoised component whose props do
 * not change reads it too, so it does not keep the old language.
 */
export function useLanguage(): Locale {
  // react-i18next re-renders the caller on i18next's languageChanged event.
  const { i18n: instance } = useTranslation(undefined, { i18n, useSuspense: false });
  return isLocale(instance.language) ? instance.language : 'en';
}

/** A number in the UI language's digits and separators (1 234 in Russian, 1,234 in English). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(currentLanguage(), options).format(value);
}

/** A date (and time) in the UI language. */
export function formatDate(value: string | number | Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '' : new Intl.DateTimeFormat(currentLanguage(), options).format(date);
}

/** "3 minutes ago"-style relative time, in the UI language. */
export function formatWhen(iso: string, now = Date.now()): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(currentLanguage(), { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 86400 * 30) return rtf.format(Math.round(seconds / 86400), 'day');
  return formatDate(then);
}
