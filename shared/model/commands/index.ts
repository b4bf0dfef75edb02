/**
 * The commands: the only way a map document changes. Each is pure, `(doc, args) => doc`:
 * - the result shares every record it did not touch by reference (autosave writes only records
 *   whose reference changed; undo history stores whole docs cheaply);
 * - nothing changed → the same doc is returned, so the store records no undo step;
 * - bad input → a CommandError is thrown and the caller's doc stays as it was;
 * - callers pass new ids (made with newId), so a command is deterministic;
 * - no command touches `map.updatedAt`: it does not know the time (the save path stamps it).
 */
export { createMap, renameMap, setPresentationSlides, type CreateMapArgs } from './map';
export {
  addTouchpoint,
  addDetail,
  renameTopic,
  setTopicFields,
  setCompetitorScore,
  setPosition,
  setCollapsed,
  type AddTouchpointArgs,
  type AddDetailArgs,
} from './topics';
export { moveTopic, moveToGroup, reorderTopic, deleteTopics, type MoveTopicArgs, type GroupTarget } from './structure';
export { addStage, renameStage, removeStage, reorderStage } from './stages';
export { addSegment, renameSegment, removeSegment, addCompetitor, renameCompetitor, removeCompetitor } from './segments';
export {
  addChain,
  renameChain,
  setChainSegment,
  appendChainStep,
  moveChainStep,
  removeChainStep,
  deleteChain,
  reorderChain,
} from './chains';
