/**
 * The screen shown, kept in the URL hash (`#/map/<id>`), so a reload — or the desktop app's
 * restart — comes back to the map that was open.
 */
import { useSyncExternalStore } from 'react';

export type Route = { readonly screen: 'library' } | { readonly screen: 'editor'; readonly mapId: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/map\/([^/?#]+)/.exec(hash);
  return match?.[1] ? { screen: 'editor', mapId: decodeURIComponent(match[1]) } : { screen: 'library' };
}

export function routeHash(route: Route): string {
  return route.screen === 'editor' ? `#/map/${encodeURIComponent(route.mapId)}` : '#/';
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  // parseRoute is cheap; the hash string is the stable snapshot
  return parseRoute(hash);
}
