/**
 * Whether the palette is open, and where the focus was when it opened (so closing puts it back).
 * UI state of this feature only: the operations registry opens it by name.
 */
import { create } from 'zustand';

interface PaletteState {
  readonly open: boolean;
  readonly returnTo: HTMLElement | null;
}

export const usePaletteStore = create<PaletteState>()(() => ({ open: false, returnTo: null }));

export function openPalette(): boolean {
  if (usePaletteStore.getState().open) return true;
  const active = document.activeElement;
  usePaletteStore.setState({ open: true, returnTo: active instanceof HTMLElement ? active : null });
  return true;
}

/** Closes the palette; the focus goes back once its modal dialog is gone (see Palette.tsx). */
export function closePalette(): void {
  usePaletteStore.setState({ open: false });
}
