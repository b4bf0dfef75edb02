/**
 * The theme the app shows now ('light' | 'dark'), read from the root element where the app puts
 * it, so the charts (drawn with the theme's tokens, not CSS variables) follow a theme change.
 */
import { useSyncExternalStore } from 'react';

const read = (): 'light' | 'dark' => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

export function useThemeName(): 'light' | 'dark' {
  return useSyncExternalStore(subscribe, read, () => 'light');
}
