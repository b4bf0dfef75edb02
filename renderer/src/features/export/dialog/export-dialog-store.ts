/**
 * Whether the export dialog is open and on which format. Its own tiny store (not ui-store) so
 * the operations registry can open it without loading any export code: the dialog and the
 * renderer load on demand when it opens.
 */
import { create } from 'zustand';
import { VISUAL_FORMATS, type VisualFormat } from '@shared/export-formats';

interface ExportDialogState {
  /** The format the dialog opens on; null when closed. */
  readonly open: VisualFormat | null;
  /** The last format used, so Ctrl/Cmd+E reopens on it. */
  readonly last: VisualFormat;
  show(format?: VisualFormat): void;
  close(): void;
}

/** Where the last format is kept between sessions (a preference, not map data). */
const LAST_FORMAT_KEY = 'touchmap.export.format';

function storedFormat(): VisualFormat {
  try {
    const saved = localStorage.getItem(LAST_FORMAT_KEY);
    return VISUAL_FORMATS.find((f) => f === saved) ?? 'pdf';
  } catch {
    return 'pdf';
  }
}

/** Remembers the format of an export that was made, for the next Ctrl/Cmd+E, also after a restart. */
export function rememberFormat(format: VisualFormat): void {
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
export function openExportDialog(format?: VisualFormat): boolean {
  useExportDialogStore.getState().show(format);
  return true;
}
