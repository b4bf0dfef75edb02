/**
 * Exports the open map's slides and saves the file: the PDF deck through Chromium's PDF printer
 * (the desktop app's Save dialog; a browser's print dialog, whose "Save as PDF" gives the same
 * pages), the PowerPoint file through the Save dialog or a download. Says what happened in a notice.
 */
import { EXPORT_FORMAT_INFO, extensionOf, type SlidesFormat } from '@shared/export-formats';
import { useDocumentStore } from '../../../../store/document-store';
import { useUiStore } from '../../../../store/ui-store';
import { t } from '../../../../i18n';
import { safeFileName } from '../../../../platform/files';
import { saveBinaryFile, savePdf } from '../../../../platform/print';
import { exportSlides } from './slide-export';

export async function saveSlideDeck(format: SlidesFormat): Promise<boolean> {
  const doc = useDocumentStore.getState().doc;
  if (!doc) return false;
  const ui = useUiStore.getState();
  const name = safeFileName(`${doc.map.title}${EXPORT_FORMAT_INFO[format].fileSuffix ?? ''}`, extensionOf(format), t('export.data.untitled'));
  ui.notify('info', t('slides.exporting'));
  try {
    const result = await exportSlides(doc, format, { grouping: ui.grouping });
    const outcome =
      result.kind === 'pdf'
        ? await savePdf(result.print.job, name)
        : await saveBinaryFile({
            name,
            blob: new Blob([result.bytes as Uint8Array<ArrayBuffer>], { type: EXPORT_FORMAT_INFO[format].mimeType }),
            kind: format,
            filter: { name: t(`export.slides.filter.${format}`), extensions: [extensionOf(format)] },
          });
    if (outcome.saved && outcome.via !== 'print-dialog') ui.notify('info', t('slides.exported', { n: result.slides, name }));
    else useUiStore.getState().dismissNotice();
    return outcome.saved;
  } catch (error) {
    ui.notify('error', t('slides.failed', { reason: error instanceof Error ? error.message : String(error) }));
    return false;
  }
}
