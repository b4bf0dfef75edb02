/**
 * File ▸ Print… (Ctrl/Cmd+P): the open map, fitted on one landscape A4 page with its title and
 * legend — the same print layout as the PDF export — in the system print dialog.
 */
import { useDocumentStore } from '../../../../store/document-store';
import { useUiStore } from '../../../../store/ui-store';
import { printJob } from '../../../../platform/print';
import { DEFAULT_VISUAL_OPTIONS, exportVisual } from '../visual-export';

export async function printOpenMap(): Promise<void> {
  const doc = useDocumentStore.getState().doc;
  if (!doc) return;
  try {
    // The print dialog prints a page, not a file: always the print document, never the PDF writer's bytes.
    const result = await exportVisual(doc, { ...DEFAULT_VISUAL_OPTIONS, format: 'pdf', printDocument: true });
    if (result.kind !== 'pdf') return;
    await printJob({ ...result.print.job, html: result.print.html });
  } catch (error) {
    useUiStore.getState().notify('error', `The map could not be printed: ${(error as Error).message}`);
  }
}
