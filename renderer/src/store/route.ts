/**
 * The screen shown, kept in the URL hash (`#/map/<id>`), so a reload — or the desktop app's
 * restart — comes back to the map that was open.
 */
import { useSyncExternalStore } from 'react';
import { mapIdFrom, type MapId } from '@shared/model/ids';

export type Route = { readonly screen: 'library' } | { readonly screen: 'editor'; readonly mapId: MapId };

export function parseRoute(hash: string): Route {
  const match = /^#\/map\/([^/?#]+)/.exec(hash);
  // The address names the map to open; opening it looks the id up and says so when no map has it.
  return match?.[1] ? { screen: 'editor', mapId: mapIdFrom(decodeURIComponent(match[1])) } : { screen: 'library' };
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
