/**
 * Keeps shared/'s message language (the refusals of a broken file, the import's notes, the limits)
 * the UI language: set from i18next's language now and on each `languageChanged`, so a person who
 * reads the app in Korean reads why a file was refused in Korean too. Imported once, for its effect,
 * by the app's entry (main.tsx) and the headless export's (export-entry.ts).
 */
import { setMessageLanguage } from '@shared/i18n/message-language';
import { i18n } from './index';

/** Follows the UI language from now on; returns the unsubscribe (for tests). */
export function syncMessageLanguage(): () => void {
  setMessageLanguage(i18n.language);
  const follow = (language: string) => setMessageLanguage(language);
  i18n.on('languageChanged', follow);
  return () => i18n.off('languageChanged', follow);
}

syncMessageLanguage();
