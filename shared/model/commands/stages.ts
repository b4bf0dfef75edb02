/** Commands on the map's lifecycle stages: presets are only a start, every stage is editable. */
import { CommandError } from '../errors';
import { describeValue } from '../schema';
import type { MapDoc, Stage, StageId, Topic } from '../types';
import { MAX_STAGES } from '../../limits';
import { omitKeys, requireIndex, requireName, requireNewId, requireRoomFor, withMap, withTopics } from './internal';

function requireStage(doc: MapDoc, id: StageId, field = 'id'): number {
  const index = doc.map.stages.findIndex((stage) => stage.id === id);
  if (index < 0) throw new CommandError(field, `${describeValue(id)} is not a stage of this map`);
  return index;
}

function withStages(doc: MapDoc, stages: readonly Stage[]): MapDoc {
  return withMap(doc, { ...doc.map, stages });
}

/** Adds a stage at `index` (0…stage count), last when omitted. */
export function addStage(doc: MapDoc, args: { readonly id: StageId; readonly name: string; readonly index?: number }): MapDoc {
  const { stages } = doc.map;
  requireRoomFor(stages.length, MAX_STAGES, 'stages', 'stages');
  const id = requireNewId(args.id, (s) => stages.some((stage) => stage.id === s), 'a stage');
  const name = requireName(args.name);
  const index = args.index === undefined ? stages.length : requireIndex(args.index, stages.length + 1);
  return withStages(doc, [...stages.slice(0, index), { id, name }, ...stages.slice(index)]);
}

/** Renames a stage; names are trimmed and never empty. */
export function renameStage(doc: MapDoc, id: StageId, name: string): MapDoc {
  const index = requireStage(doc, id);
  const next = requireName(name);
  const stage = doc.map.stages[index] as Stage;
  if (stage.name === next) return doc;
  return withStages(doc, doc.map.stages.map((s, i) => (i === index ? { ...s, name: next } : s)));
}

/**
 * Removes a stage. Its touchpoints move to `moveTo` (another stage) or, with null, become
 * unsorted — never lost, since a facilitator merging two stages wants to keep their touchpoints.
 * @example removeStage(doc, knowledgeId, considerationId) // merge "Knowledge" into "Consideration"
 */
export function removeStage(doc: MapDoc, id: StageId, moveTo: StageId | null): MapDoc {
  requireStage(doc, id);
  if (moveTo !== null) {
    if (moveTo === id) throw new CommandError('moveTo', `${describeValue(moveTo)} is the stage being removed`);
    requireStage(doc, moveTo, 'moveTo');
  }
  const moved: Topic[] = [];
  for (const topic of Object.values(doc.topics)) {
    if (topic.stageId !== id) continue;
    moved.push(moveTo === null ? omitKeys(topic, ['stageId']) : { ...topic, stageId: moveTo });
  }
  return withTopics(
    withStages(doc, doc.map.stages.filter((stage) => stage.id !== id)),
    moved,
  );
}

/** Moves a stage to position `index` (0…stage count − 1). */
export function reorderStage(doc: MapDoc, id: StageId, index: number): MapDoc {
  const from = requireStage(doc, id);
  const { stages } = doc.map;
  requireIndex(index, stages.length);
  if (from === index) return doc;
  const rest = stages.filter((stage) => stage.id !== id);
  return withStages(doc, [...rest.slice(0, index), stages[from] as Stage, ...rest.slice(index)]);
}
