import { DARK, LIGHT, themeCssVariables } from '../features/mindmap/theme';

export type ThemeName = 'light' | 'dark';

/** Where the chosen theme is remembered between sessions (a UI preference, not map data). */
const THEME_KEY = 'touchmap.theme';

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

/** The remembered theme, else the OS preference. */
export function initialTheme(): ThemeName {
  const saved = localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** View ▸ Theme: light ↔ dark, remembered. */
export function toggleTheme(): boolean {
  const next: ThemeName = currentTheme() === 'dark' ? 'light' : 'dark';
  applyTheme(next);
  localStorage.setItem(THEME_KEY, next);
  return true;
}
