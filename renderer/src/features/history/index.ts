/**
 * What other parts of the app use of history: Trash (its view, the library's Undo of a delete)
 * and the open map's restore points (the dialog, how to open it, the keeper of automatic ones).
 */
export { TrashView } from './TrashView';
export { canUndoTrashMove, forgetTrashMoves, moveMapToTrash, undoLastDelete, useTrashUndoStore } from './trash-undo-store';
export { RestorePointsHost } from './RestorePointsDialog';
export { openRestorePoints } from './restore-points-store';
export { openCompare } from './compare-store';
export { useRestorePointKeeper } from './useRestorePointKeeper';
export { useComparisonBadge, useRemovedCount, type ComparisonBadge } from './useComparisonBadge';
export { useComparisonPage, type ComparisonPage } from './comparison-page';
