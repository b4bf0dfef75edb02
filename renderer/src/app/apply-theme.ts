/**
 * The app's theme: light, dark, or the system's (the default). One preference, remembered, set
 * from App settings (both builds) and from the desktop menu's View ▸ Theme, which toggles light
 * ↔ dark; both go through here, so the settings dialog always shows what the menu chose.
 */
import { useSyncExternalStore, useEffect } from 'react';
import { DARK, LIGHT, themeCssVariables } from '../drawing/theme';

export type ThemeName = 'light' | 'dark';
export type ThemePreference = ThemeName | 'system';
export const THEME_PREFERENCES: readonly ThemePreference[] = ['light', 'dark', 'system'];

/** Where the chosen theme is remembered between sessions (a UI preference, not map data). */
const THEME_KEY = 'touchmap.theme';
const SYSTEM_DARK = '(prefers-color-scheme: dark)';

/** Puts the theme tokens on :root as CSS variables, so styles.css and the canvas read them. */
export function applyTheme(name: ThemeName): void {
  const root = document.documentElement;
  for (const [key, value] of Object.entries(themeCssVariables(name === 'dark' ? DARK : LIGHT))) {
    root.style.setProperty(key, value);
  }
  root.dataset.theme = name;
  root.style.colorScheme = name;
}

export function currentTheme(): ThemeName {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

const systemTheme = (): ThemeName => (window.matchMedia?.(SYSTEM_DARK).matches ? 'dark' : 'light');

/** The remembered preference; anything else (nothing saved yet, a damaged value) follows the system. */
export function themePreference(): ThemePreference {
  const saved = localStorage.getItem(THEME_KEY);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

/** The theme a preference shows now. */
export const resolveTheme = (preference: ThemePreference): ThemeName => (preference === 'system' ? systemTheme() : preference);

/** The remembered theme, else the OS preference. */
export function initialTheme(): ThemeName {
  return resolveTheme(themePreference());
}

const listeners = new Set<() => void>();

/** Remembers the preference and applies it at once. */
export function setThemePreference(preference: ThemePreference): void {
  localStorage.setItem(THEME_KEY, preference);
  applyTheme(resolveTheme(preference));
  listeners.forEach((listener) => listener());
}

/** View ▸ Theme: light ↔ dark, remembered. */
export function toggleTheme(): boolean {
  setThemePreference(currentTheme() === 'dark' ? 'light' : 'dark');
  return true;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The preference, for the settings dialog (follows the menu's toggle too). */
export function useThemePreference(): ThemePreference {
  return useSyncExternalStore(subscribe, themePreference);
}

/** Mounted once by the app: under "Follow the system", the theme changes when the OS's does. */
export function useSystemThemeFollower(): void {
  useEffect(() => {
    const query = window.matchMedia?.(SYSTEM_DARK);
    if (!query) return;
    const onChange = () => {
      if (themePreference() === 'system') applyTheme(systemTheme());
    };
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
}
