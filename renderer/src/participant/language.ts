/**
 * The phone page's language: the one the person picked on this phone, else the first of the
 * phone's preferred languages Touchmap speaks (navigator.languages), else English — as the app
 * follows the system. Russian, Korean and Japanese tables are fetched on demand (i18n/index.ts),
 * so the page waits for its table before the first render: a Japanese phone never shows English
 * first. A table that cannot be fetched leaves the page in English rather than blank.
 */
import type { Locale } from '@shared/model/types';
import { isUiLanguage, matchLanguage } from '@shared/i18n/languages';
import { setLanguage, t } from '../i18n';

/** Where this phone remembers a language picked on the page (per phone, not per room). */
const LANGUAGE_KEY = 'touchmap.room.language';

const phoneLanguages = (): readonly string[] => (navigator.languages?.length ? navigator.languages : [navigator.language]);

function savedLanguage(): Locale | undefined {
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    return isUiLanguage(saved) ? saved : undefined;
  } catch {
    // Private browsing can refuse storage; the phone's own languages still apply.
    return undefined;
  }
}

/** The language the page speaks: the one picked here, else the phone's. */
export const phoneLanguage = (): Locale => savedLanguage() ?? matchLanguage(phoneLanguages());

/** Speaks `language`, and names the browser tab in it. Never rejects: a missing table keeps English. */
async function speak(language: Locale): Promise<void> {
  try {
    await setLanguage(language);
  } catch (error: unknown) {
    console.warn(`The ${language} texts could not be loaded; the page stays in English.`, error);
  }
  document.title = t('participant.pageTitle');
}

/** Before the first render: the phone's language, table and all. */
export const applyPhoneLanguage = (): Promise<void> => speak(phoneLanguage());

/** The person's own pick on the page: remembered on this phone, applied at once. */
export function choosePhoneLanguage(language: Locale): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Not remembered, but still applied for this visit.
  }
  return speak(language);
}
