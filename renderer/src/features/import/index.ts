/**
 * Importing `.touchmap` files: Import…, drop on the window, files from the OS. Nothing already in
 * the library is ever overwritten; a refused file changes nothing and says exactly why.
 */
export { importFiles, importFromPicker, importTouchmapText, importOpenedFile, importDroppedFiles, onMapsImported } from './import-flow';
export { importTouchmap, describeImports, describeImportDetails, isTouchmapFileName, refuseUnread } from './import-maps';
export type { ImportOutcome, ImportedMap, ImportDeps, TouchmapFileInput } from './import-maps';
export { TouchmapDropZone } from './TouchmapDropZone';
export { LibraryFileActions } from './LibraryFileActions';
export { prefetchOtherFormatImport } from './load-other-format';
