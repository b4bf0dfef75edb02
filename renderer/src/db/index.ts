/**
 * Storage of Touchmap in IndexedDB: the schema, the map library (repository) and autosave.
 * Import from here, not from the files: `import { createMapRepository } from '../db'`.
 */
export { DB_NAME, MIGRATIONS, SCHEMA_VERSION, TouchmapDB, mapKeyRange } from './schema';
export type { ChainRow, IndexedDBDeps, MapRow, Migration, TopicRow } from './schema';
export { createMapRepository } from './repository';
export type { LoadedMap, MapRepository, MapRepositoryOptions, MapSummary } from './repository';
export { PERSIST_THROTTLE_MS, RETRY_BASE_MS, RETRY_MAX_MS, startAutosave } from './autosave';
export type { Autosave, AutosaveOptions, AutosaveSource, SaveState, SaveStatus, WriteReport } from './autosave';
export { diffDocs, hasChanges, savedStateOf } from './diff';
export type { DocChanges, SavedState } from './diff';
export { countTouchpoints } from './rows';
export type { RepairOriginalRow, RestorePointKind, RestorePointRow } from './schema';
export { REPAIR_ORIGINALS_KEPT_DAYS, REPAIR_ORIGINALS_KEPT_PER_MAP, createRepairOriginals, repairOriginalFile } from './repair-originals';
export type { RepairOriginals } from './repair-originals';
export { TRASH_DAYS, createTrash } from './trash';
export type { Trash, TrashOptions, TrashedMap } from './trash';
export { EDITING_POINT_EVERY_MS, MAX_POINT_NAME, createRestorePoints } from './restore-points';
export type { RestorePointOptions, RestorePointSummary, RestorePoints } from './restore-points';
export { MAX_AUTOMATIC_POINTS, pointsToThin } from './restore-point-thinning';
