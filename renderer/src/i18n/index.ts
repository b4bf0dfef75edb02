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
import type { Locale } from '@shared/model/types';
import { en, type MessageKey } from './en';
import { ru } from './ru';
import { ko } from './ko';
import { ja } from './ja';

export type { MessageKey };

/** Every language's table, for the checks in tests and the settings' list. */
export const RESOURCES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = { en, ru, ko, ja };

/** One i18next instance for the app (not the global one, so nothing else can reconfigure it). */
export const i18n: I18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries(Object.entries(RESOURCES).map(([lng, table]) => [lng, { translation: table }])),
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: Object.keys(RESOURCES),
  // Keys are flat strings with dots in them ("library.title"), not paths into nested objects.
  keySeparator: false,
  nsSeparator: false,
  // Resources are inline: init is synchronous, so t() works from the first line of the app.
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

export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  return String(i18n.t(key, vars as never));
}

/** The language the UI speaks now. */
export const currentLanguage = (): Locale => (i18n.language in RESOURCES ? (i18n.language as Locale) : 'en');

/** Speaks `language` from now on: every component reading `useLanguage()` re-renders. */
export function setLanguage(language: Locale): void {
  if (language !== i18n.language) void i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/**
 * The UI language, as a subscription: a component that calls this re-renders when the language
 * changes. The app root reads it, so the whole tree follows; a memoised component whose props do
 * not change reads it too, so it does not keep the old language.
 */
export function useLanguage(): Locale {
  // react-i18next re-renders the caller on i18next's languageChanged event.
  const { i18n: instance } = useTranslation(undefined, { i18n, useSuspense: false });
  return instance.language in RESOURCES ? (instance.language as Locale) : 'en';
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
