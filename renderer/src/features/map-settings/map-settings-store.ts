/**
 * Whether the map settings dialog is open. UI state of this feature only: the operations registry,
 * the toolbar and the inspector open it through `openMapSettings`.
 */
import { create } from 'zustand';

interface MapSettingsState {
  readonly open: boolean;
  /** The section to scroll to on open ("competitors" from the inspector's empty competitor list). */
  readonly focus?: 'stages' | 'segments' | 'competitors';
}

export const useMapSettingsStore = create<MapSettingsState>()(() => ({ open: false }));

/** Opens the dialog, optionally at one section; returns true so actions can report they acted. */
export function openMapSettings(focus?: MapSettingsState['focus']): boolean {
  useMapSettingsStore.setState({ open: true, focus });
  return true;
}

export function closeMapSettings(): void {
  useMapSettingsStore.setState({ open: false, focus: undefined });
}
