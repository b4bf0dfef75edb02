/**
 * The languages Touchmap's own words (UI, native menu, command line) come in, and how one is
 * picked from what the system prefers. The same four are the map languages (`LOCALES`): a map's
 * language names its stages and the words on its exports; the UI language is the person's own.
 * Pure: no DOM, no Node.
 */
import { LOCALES, type Locale } from '../model/types';

export const UI_LANGUAGES: readonly Locale[] = LOCALES;

/** Each language in its own name, as language pickers show them. */
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', ru: 'Русский', ko: '한국어', ja: '日本語' };

export const isUiLanguage = (value: unknown): value is Locale => typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);

/**
 * The first of the preferred language tags (BCP 47 like `ru-RU`, or POSIX like `ko_KR.UTF-8`)
 * that Touchmap speaks, else English.
 * @example matchLanguage(['de-DE', 'ja-JP', 'en']) // 'ja'
 */
export function matchLanguage(preferred: readonly (string | undefined)[]): Locale {
  for (const tag of preferred) {
    const primary = tag?.split(/[-_.@]/)[0]?.toLowerCase();
    if (isUiLanguage(primary)) return primary;
  }
  return 'en';
}
