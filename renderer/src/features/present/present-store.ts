/**
 * Presentation mode: the map's slides alone on the screen — no toolbar, no side panel — in full
 * screen, for a projector in a workshop. Esc (or leaving full screen) ends it. UI state only:
 * where the presenter is in the deck and whether the screen is blacked out never enter undo.
 */
import { create } from 'zustand';
import type { DeckPosition } from '@shared/model/presentation';

interface PresentState {
  readonly presenting: boolean;
  /** The slide on screen and its step (a chain's walk lights one step at a time). */
  readonly position: DeckPosition;
  /** The screen blacked out (B or .), as PowerPoint does, so the room looks at the speaker. */
  readonly black: boolean;
  /** The slide editor (pick and order slides) is open. */
  readonly editorOpen: boolean;
  set(presenting: boolean): void;
  moveTo(position: DeckPosition): void;
  toggleBlack(): void;
  setEditorOpen(open: boolean): void;
}

const START: DeckPosition = { slide: 0, step: 0 };

export const usePresentStore = create<PresentState>()((set) => ({
  presenting: false,
  position: START,
  black: false,
  editorOpen: false,
  // every presentation starts at the first slide, with the screen lit
  set: (presenting) => set({ presenting, position: START, black: false }),
  moveTo: (position) => set({ position, black: false }),
  toggleBlack: () => set((s) => ({ black: !s.black })),
  setEditorOpen: (editorOpen) => set({ editorOpen }),
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

/** Opens the slide editor (pick and order the slides). */
export function openSlideEditor(): boolean {
  usePresentStore.getState().setEditorOpen(true);
  return true;
}
