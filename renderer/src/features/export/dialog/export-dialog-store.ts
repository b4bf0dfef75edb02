/**
 * Whether the export dialog is open and on which format. Its own tiny store (not ui-store) so
 * the operations registry can open it without loading any export code: the dialog and the
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

/** Where the last format is kept between sessions (a preference, not map data). */
const LAST_FORMAT_KEY = 'touchmap.export.format';
const FORMATS: readonly ExportFormat[] = ['png', 'jpeg', 'svg', 'pdf'];

function storedFormat(): ExportFormat {
  try {
    const saved = localStorage.getItem(LAST_FORMAT_KEY);
    return FORMATS.find((f) => f === saved) ?? 'pdf';
  } catch {
    return 'pdf';
  }
}

/** Remembers the format of an export that was made, for the next Ctrl/Cmd+E, also after a restart. */
export function rememberFormat(format: ExportFormat): void {
  useExportDialogStore.setState({ last: format });
  try {
    localStorage.setItem(LAST_FORMAT_KEY, format);
  } catch {
    // storage may be unavailable (private window); remembering for this session is enough then
  }
}

export const useExportDialogStore = create<ExportDialogState>()((set, get) => ({
  open: null,
  last: storedFormat(),
  show: (format) => set({ open: format ?? get().last }),
  close: () => set({ open: null }),
}));

/** Opens the export dialog (on `format`, or the last one used). Returns true: the action always acts. */
export function openExportDialog(format?: ExportFormat): boolean {
  useExportDialogStore.getState().show(format);
  return true;
}
