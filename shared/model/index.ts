/**
 * The domain layer's public API: record types, schemas, commands, selectors, restore.
 * Pure TypeScript; imported by the renderer and the Electron shell alike.
 */
export * from './types';
export {
  newId,
  idsOf,
  entriesOf,
  type IdPrefix,
  type IdOf,
  type IdMaker,
  mapIdFrom,
  topicIdFrom,
  stageIdFrom,
  segmentIdFrom,
  competitorIdFrom,
  chainIdFrom,
} from './ids';
export * from './errors';
export * from './schema';
export {
  topicOf,
  isTopicIdOf,
  compareSiblings,
  buildChildIndex,
  rootOf,
  childrenOf,
  touchpointsOf,
  countTouchpoints,
  isRoot,
  isBelowRoot,
  isTouchpoint,
  isTouchpointUnder,
  isDetail,
  roleOf,
  type TopicRole,
  depthOf,
  touchpointOf,
  effectiveChannel,
  effectiveStageId,
  descendantIds,
  chainsOf,
  scoreBand,
  weakLink,
  unscoredSteps,
  type ChildIndex,
  type ScoreBand,
  type ChainStepRef,
} from './selectors';
export * from './commands';
export { restoreMapDoc, type RawMapRows, type RestoreOptions, type Restored } from './restore';
export {
  STAGE_PRESETS,
  PRESET_IDS,
  DEFAULT_PRESET_ID,
  presetStages,
  presetName,
  stagePreset,
  type PresetId,
  type StagePreset,
} from '../templates/presets';
