import { DARK, LIGHT, themeCssVariables } from '../features/mindmap/theme';

export type ThemeName = 'light' | 'dark';

/** Puts the theme tokens on :root as CSS variables, so styles.css and the canvas read them. */
export function applyTheme(name: ThemeName): void {
  const root = document.documentElement;
  for (const [key, value] of Object.entries(themeCssVariables(name === 'dark' ? DARK : LIGHT))) {
    root.style.setProperty(key, value);
  }
  root.dataset.theme = name;
}
