/** Which help dialog is open (Keyboard shortcuts, About): UI state, outside the document. */
import { create } from 'zustand';

export type HelpDialog = 'shortcuts' | 'about' | null;

export const useHelpStore = create<{ readonly open: HelpDialog; show(dialog: HelpDialog): void }>()((set) => ({
  open: null,
  show: (open) => set({ open }),
}));

export const showHelp = (dialog: Exclude<HelpDialog, null>): boolean => (useHelpStore.getState().show(dialog), true);
