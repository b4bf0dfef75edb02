/**
 * Mounts the export dialog when it is opened. The dialog (and with it the SVG renderer, the
 * rasteriser and the print layout) is a separate chunk, loaded the first time it opens.
 */
import { lazy, Suspense } from 'react';
import { useExportDialog } from './export-dialog-state';

const ExportDialog = lazy(() => import('./ExportDialog'));

export function ExportDialogHost() {
  const open = useExportDialog((s) => s.open);
  if (open === null) return null;
  return (
    <Suspense fallback={null}>
      <ExportDialog initialFormat={open} />
    </Suspense>
  );
}
