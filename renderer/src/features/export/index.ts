import type { SlidesFormat } from '@shared/export-formats';
/** What other parts of the app use of the exports: the data exports' menu and the visual export dialog (its code loads on first open). */
export { DataExportMenu } from './data/DataExportSection';
export { ExportDialogHost } from './dialog/ExportDialogHost';
/** The slides' pictures (the presenter draws with the export renderer), loaded on first use. */
export const loadSlideDrawing = () => import('./visual/slides/slide-drawing');
/** Exports the open map's slides (PDF deck or PowerPoint) and saves the file; the code loads on first use. */
export const exportSlideDeck = (format: SlidesFormat) => import('./visual/slides/save-slides').then((module) => module.saveSlideDeck(format));
