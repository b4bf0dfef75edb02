/**
 * Mounts the export dialog when it is opened. The dialog (and with it the SVG renderer, the
 * rasteriser and the print layout) is a separate chunk, loaded the first time it opens.
 */
import { lazy, Suspense } from 'react';
import { useExportDialogStore } from './export-dialog-store';

const ExportDialog = lazy(() => import('./ExportDialog'));

export function ExportDialogHost() {
  const open = useExportDialogStore((s) => s.open);
  if (open === null) return null;
  return (
    <Suspense fallback={null}>
      <ExportDialog initialFormat={open} />
    </Suspense>
  );
}
