/**
 * The language of the messages shared/ builds — refusals of a file, import notes, the command
 * lines' words. shared/ cannot reach the renderer's i18next, so the side that knows the person's
 * language says it here once: the renderer when the UI language is chosen or changes
 * (renderer/src/i18n/message-language-sync.ts), a command line from `--lang` or the locale
 * (`cliMessageLanguage`). Until then, and for anything unknown, English — so the tests, the CLI
 * default and every caller that never sets it read what they always read. Pure: no DOM, no Node.
 */
import type { Locale } from '../model/types';
import { isUiLanguage, matchLanguage } from './languages';

let current: Locale = 'en';

/** Sets the language of shared/'s messages; anything that is not one of the four gives English. */
export function setMessageLanguage(language: string | undefined): void {
  current = isUiLanguage(language) ? language : matchLanguage([language]);
}

/** The language shared/'s messages are built in now. */
export const messageLanguage = (): Locale => current;

/** The words of the current message language from a table of all four. */
export function wordsOf<T>(table: Readonly<Record<Locale, T>>): T {
  return table[current];
}

/**
 * A template with `{name}` placeholders filled; a placeholder with no value is left as written,
 * so a missing value shows in the message instead of vanishing.
 * @example fill('The file is {size} MB', { size: '51.0' }) // 'The file is 51.0 MB'
 */
export function fill(template: string, vars: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? String(vars[name]) : whole));
}

/** The placeholders of a template, sorted: what a word table's test compares across languages. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}

/** The environment variables a POSIX program takes its message language from, in their order of precedence. */
export const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const;

/**
 * A command line's message language: `--lang ru` (or `--lang=ru`) first, else the first set of
 * LC_ALL, LC_MESSAGES, LANG (`ko_KR.UTF-8` → ko), else the `fallback` tags (Electron's
 * app.getLocale()), else English. A `--lang` that is not one of the four is left to the argument
 * parser to refuse; the message that refuses it is English.
 * @example cliMessageLanguage(['map.touchmap'], { LANG: 'ru_RU.UTF-8' }) // 'ru'
 */
export function cliMessageLanguage(args: readonly string[], env: Readonly<Record<string, string | undefined>>, fallback: readonly (string | undefined)[] = []): Locale {
  const asked = langArgument(args);
  if (asked !== undefined) return isUiLanguage(asked) ? asked : 'en';
  // POSIX: the first variable that is set and not empty decides; C and POSIX mean no translation.
  const set = LOCALE_VARIABLES.map((name) => env[name]).find((value) => value !== undefined && value !== '');
  if (set !== undefined) return matchLanguage([set]);
  return matchLanguage(fallback);
}

/** The value of `--lang` in the arguments, if there is one. */
export function langArgument(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--lang') return args[i + 1];
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

/**
 * A name as a message of the current language quotes it, cut short at 40 characters like the
 * technical text's describeValue: "Clinic" in English (straight quotes, as the file writes it),
 * «Клиника» in Russian, “클리닉” in Korean, 「クリニック」 in Japanese.
 */
export function quoteName(name: string): string {
  const short = name.length > 40 ? `${name.slice(0, 40)}…` : name;
  switch (current) {
    case 'ru':
      return `«${short}»`;
    case 'ko':
      return `“${short}”`;
    case 'ja':
      return `「${short}」`;
    default:
      return JSON.stringify(short);
  }
}

/**
 * A count for a sentence of the current language: `100,000` in English, Korean and Japanese,
 * `100 000` in Russian (where a comma is the decimal point). Details keep en-US digits.
 */
export function countText(value: number, fractionDigits?: number): string {
  const digits = fractionDigits === undefined ? {} : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
  return value.toLocaleString(current === 'ru' ? 'ru-RU' : 'en-US', digits);
}
