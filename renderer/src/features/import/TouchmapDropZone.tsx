/**
 * Drop a `.touchmap` file anywhere on the window to import it (files from the OS). While
 * a file is dragged over the window an overlay says what dropping will do. Mount it once per
 * screen (library and editor).
 *
 * Listens on the window in the capture phase, so no element under the pointer (the canvas, a
 * field) can swallow the drop — and so Chromium never navigates to the dropped file, which would
 * leave the app.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { t } from '../../i18n';
import { importDroppedFiles } from './import-flow';
import { useImportPreviewStore } from './import-preview-store';

// The preview (and the planning code behind it) is needed only once another tool's file was read.
const ImportPreview = lazy(() => import('./ImportPreviewDialog').then((m) => ({ default: m.ImportPreview })));

/** Only drags that carry files concern us; dragging a node or selected text passes through. */
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/** The drop target for `.touchmap` files, with its overlay. */
export function TouchmapDropZone() {
  const [dragging, setDragging] = useState(false);
  const previewing = useImportPreviewStore((state) => state.pending !== null);

  useEffect(() => {
    // dragenter/dragleave fire for every element crossed; the depth says whether the file is still over the window.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault(); // without it the drop event never fires
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length > 0) void importDroppedFiles(files);
    };
    const options = { capture: true };
    window.addEventListener('dragenter', onEnter, options);
    window.addEventListener('dragover', onOver, options);
    window.addEventListener('dragleave', onLeave, options);
    window.addEventListener('drop', onDrop, options);
    return () => {
      window.removeEventListener('dragenter', onEnter, options);
      window.removeEventListener('dragover', onOver, options);
      window.removeEventListener('dragleave', onLeave, options);
      window.removeEventListener('drop', onDrop, options);
    };
  }, []);

  // The preview of a dropped or chosen file of another tool lives here: this is mounted on every screen.
  return (
    <>
      {previewing && (
        <Suspense fallback={null}>
          <ImportPreview />
        </Suspense>
      )}
      {dragging && <DropOverlay />}
    </>
  );
}

function DropOverlay() {
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <div className="drop-overlay__card">
        <span className="drop-overlay__icon" aria-hidden="true" />
        <p className="drop-overlay__title">{t('import.drop.title')}</p>
        <p className="drop-overlay__hint">{t('import.drop.hintAll')}</p>
      </div>
    </div>
  );
}
