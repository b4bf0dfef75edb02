/**
 * The UI language: English, Russian, Korean, Japanese, or the system's (the default). One
 * preference, remembered on this computer, chosen in App settings; it applies at once, without a
 * reload (i18n/index.ts `setLanguage`: components re-render through `useLanguage`), sets
 * `<html lang>`, and reaches the desktop menu (desktop.ts).
 *
 * "The system's" is the first of the browser's preferred languages the app speaks; the desktop
 * shell adds the OS locale it reads with `app.getLocale()` (through getAppInfo).
 */
import { useSyncExternalStore } from 'react';
import type { Locale } from '@shared/model/types';
import { isUiLanguage, matchLanguage } from '@shared/i18n/languages';
import { setLanguage, t } from '../i18n';
import { useUiStore } from '../store/ui-store';
import { LANGUAGE_NAMES } from '@shared/i18n/languages';

export type LanguagePreference = Locale | 'system';

/** Where the chosen language is remembered between sessions (a UI preference, not map data). */
const LANGUAGE_KEY = 'touchmap.language';

/** The OS locale the desktop shell reported, ahead of the browser's list. */
let shellLocale: string | undefined;

const browserLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language]);

/** The language "Follow the system" speaks now. */
export const systemLanguage = (): Locale => matchLanguage([shellLocale, ...browserLanguages()]);

/** The remembered preference; anything else (nothing saved, a damaged value) follows the system. */
export function languagePreference(): LanguagePreference {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  return isUiLanguage(saved) ? saved : 'system';
}

export const resolveLanguage = (preference: LanguagePreference): Locale => (preference === 'system' ? systemLanguage() : preference);

const listeners = new Set<() => void>();

/**
 * Speaks the remembered language (or the system's). Called before the first render, which waits
 * for it: on a Russian system the first screen is Russian, never English first. A table that
 * cannot be fetched leaves the UI in English (resolved all the same) and says why.
 */
export function applyLanguagePreference(): Promise<void> {
  const language = resolveLanguage(languagePreference());
  return setLanguage(language).catch((error: unknown) => {
    useUiStore.getState().notify('error', t('appSettings.languageFailed', { language: LANGUAGE_NAMES[language], reason: error instanceof Error ? error.message : String(error) }));
  });
}

/** Remembers the preference and applies it at once: every screen re-renders in that language. */
export function setLanguagePreference(preference: LanguagePreference): void {
  if (preference === 'system') localStorage.removeItem(LANGUAGE_KEY);
  else localStorage.setItem(LANGUAGE_KEY, preference);
  void applyLanguagePreference();
  listeners.forEach((listener) => listener());
}

/** The desktop shell's OS locale (app.getLocale()); under "Follow the system" it wins at once. */
export function setShellLocale(locale: string): void {
  shellLocale = locale;
  if (languagePreference() === 'system') void applyLanguagePreference();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The preference, for the settings dialog. */
export function useLanguagePreference(): LanguagePreference {
  return useSyncExternalStore(subscribe, languagePreference);
}
