/** What other parts of the app use of the exports: the data exports' menu and the visual export dialog (its code loads on first open). */
export { DataExportMenu } from './data/DataExportSection';
export { ExportDialogHost } from './dialog/ExportDialogHost';
