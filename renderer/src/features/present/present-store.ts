/**
 * Presentation mode: the map alone on the screen — no toolbar, no side panel — in full screen,
 * for a projector in a workshop. Esc (or leaving full screen) ends it. UI state only.
 */
import { create } from 'zustand';

export const usePresentStore = create<{ readonly presenting: boolean; set(presenting: boolean): void }>()((set) => ({
  presenting: false,
  set: (presenting) => set({ presenting }),
}));

export function startPresentation(): boolean {
  usePresentStore.getState().set(true);
  // full screen is a courtesy: a browser may refuse it outside a user gesture
  void document.documentElement.requestFullscreen?.().catch(() => undefined);
  return true;
}

export function stopPresentation(): boolean {
  if (!usePresentStore.getState().presenting) return false;
  usePresentStore.getState().set(false);
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  return true;
}

export function togglePresentation(): boolean {
  return usePresentStore.getState().presenting ? stopPresentation() : startPresentation();
}
