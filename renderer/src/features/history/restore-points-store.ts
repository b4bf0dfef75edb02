/**
 * Whether the Restore points dialog is open. UI state of this feature only: the operations
 * registry opens it through `openRestorePoints`.
 */
import { create } from 'zustand';

export const useRestorePointsStore = create<{ readonly open: boolean }>()(() => ({ open: false }));

/** Opens the dialog; returns true so the operation reports it acted. */
export function openRestorePoints(): boolean {
  useRestorePointsStore.setState({ open: true });
  return true;
}

export function closeRestorePoints(): void {
  useRestorePointsStore.setState({ open: false });
}
