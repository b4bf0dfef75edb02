/** Whether App settings (the theme; preferences of this computer, not of a map) is open. UI state only. */
import { create } from 'zustand';

export const useAppSettingsStore = create<{ readonly open: boolean; setOpen(open: boolean): void }>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));
