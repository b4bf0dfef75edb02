/**
 * Whether the export dialog is open and on which format. Its own tiny store (not ui-store) so
 * the action registry can open it without loading any export code: the dialog and the
 * renderer load on demand when it opens.
 */
import { create } from 'zustand';

export type ExportFormat = 'png' | 'jpeg' | 'svg' | 'pdf';

interface ExportDialogState {
  /** The format the dialog opens on; null when closed. */
  readonly open: ExportFormat | null;
  /** The last format used, so Ctrl/Cmd+E reopens on it. */
  readonly last: ExportFormat;
  show(format?: ExportFormat): void;
  close(): void;
}

export const useExportDialog = create<ExportDialogState>()((set, get) => ({
  open: null,
  last: 'pdf',
  show: (format) => set({ open: format ?? get().last, ...(format ? { last: format } : {}) }),
  close: () => set({ open: null }),
}));

/** Opens the export dialog (on `format`, or the last one used). Returns true: the action always acts. */
export function openExportDialog(format?: ExportFormat): boolean {
  useExportDialog.getState().show(format);
  return true;
}
