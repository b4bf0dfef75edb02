/**
 * Reading other tools' files (XMind, FreeMind/Freeplane, OPML, Markdown, CSV/TSV, Excel) into
 * new touchpoint maps: read → plan (every guess visible and changeable) → build. Pure; shared by
 * the renderer's import, the desktop shell and `npm run import`.
 */
export { readImportFile, formatByName, formatName, fileTitle, IMPORT_EXTENSIONS } from './read-import';
export { planTree, changeTouchpoint, plannedTopicCount, sheetLocale, type ImportPlan, type PlannedTouchpoint, type PlannedDetail, type TreePlanOptions, type TreeStructure, type MarkerScores } from './plan';
export { planTable, guessColumns, competitorName, COLUMN_ROLES, type ColumnRole, type TablePlanOptions } from './table-plan';
export { buildMapFromPlan, type BuildResult, type BuildDeps } from './build-map';
export { DROPPED_KINDS, type DroppedKind, type Dropped, type ImportFormat, type ImportNode, type ImportSheet, type ImportTable, type ImportSource, type ReadResult } from './source';
