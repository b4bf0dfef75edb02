/**
 * Pasting touchpoints with their details: a pure command, `(doc) => doc`, so a paste of one line
 * or of ten thousand is one undo step and one autosave write of exactly the new records.
 *
 * It builds every new topic first and adds them all at once (composing `addTouchpoint` per line
 * would rebuild the child index per topic: quadratic on big pastes). Every copied field passes the
 * same zod schema `setTopicFields` uses, so a hand-edited or foreign clipboard cannot put an
 * invalid value in the map: the paste is refused whole with a message naming the topic and field.
 *
 * Between maps, stages, segments and competitors are matched by name (case- and width-insensitive),
 * since ids differ; whatever has no counterpart in this map is dropped (the touchpoint then shows
 * as unsorted, or without that segment or competitor score). Manual positions are never pasted:
 * the copy is placed by the layout in its group.
 */
import { MAX_LABEL_LENGTH, MAX_TEXT_LENGTH, MAX_TOPIC_DEPTH, MAX_TOPICS_PER_MAP, limitText } from '@shared/limits';
import { CommandError } from '@shared/model/errors';
import { TOPIC_FIELD_SCHEMAS, describeValue, pathText, type TopicFieldName } from '@shared/model/schema';
import { isTouchpointUnder, rootOf, touchpointsOf } from '@shared/model/selectors';
import type { Channel, Competitor, MapDoc, MapId, Segment, Stage, StageId, Topic, TopicId } from '@shared/model/types';
import type { OutlineEntry } from './outline-text';

/** An entry of the clipboard: a plain-text line, or a copied topic with its fields. */
export interface ClipboardTopic extends OutlineEntry {
  /** The topic's other fields as copied (unchecked: they come from outside the app's control). */
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly children: readonly ClipboardTopic[];
}

/** The map the topics were copied from: its stages, segments and competitors, to match by name. */
export interface PasteSource {
  readonly mapId: MapId;
  readonly stages: readonly Stage[];
  readonly segments: readonly Segment[];
  readonly competitors: readonly Competitor[];
}

export interface PasteOptions {
  /**
   * The group pasted into: a key set here overrides every pasted touchpoint's own value (`null`
   * clears it, = unsorted); a key left out keeps what was copied.
   */
  readonly target: { readonly channel?: Channel | null; readonly stageId?: StageId | null };
  /** Where JSON entries came from; absent for plain text. */
  readonly source?: PasteSource;
  /** Makes a fresh topic id (newId('t') in the app; a counter in tests). */
  readonly newId: () => TopicId;
}

export interface PasteResult {
  readonly doc: MapDoc;
  /** The new touchpoints, in order: what the app selects after pasting. */
  readonly touchpointIds: readonly TopicId[];
}

// Structure is the paste's to decide; the copy goes where the user pastes, without a pin.
const NOT_PASTED: ReadonlySet<string> = new Set(['id', 'parentId', 'order', 'label', 'position']);
// Only touchpoints have a channel and a stage; a detail takes its touchpoint's.
const TOUCHPOINT_ONLY: ReadonlySet<string> = new Set(['channel', 'stageId']);

const fold = (name: string) => name.normalize('NFKC').trim().toLowerCase();

/** Maps a copied id to this map's record of the same name (or the same id, within one map). */
function matcher<T extends { readonly id: string; readonly name: string }>(doc: MapDoc, own: readonly T[], copied: readonly T[] | undefined): (id: string) => string | undefined {
  const byName = new Map<string, string>();
  for (const record of own) if (!byName.has(fold(record.name))) byName.set(fold(record.name), record.id);
  const ownIds = new Set(own.map((record) => record.id));
  const copiedById = new Map((copied ?? []).map((record) => [record.id, record]));
  return (id) => {
    const record = copiedById.get(id);
    if (record) return byName.get(fold(record.name)) ?? undefined;
    return ownIds.has(id) ? id : undefined; // no source list: ids of this very map
  };
}

/**
 * Adds the entries as new touchpoints (top level) with their details (nested), after the last
 * touchpoint, in the target group. Throws a CommandError naming the entry and field when a copied
 * value is invalid; returns the same doc when there is nothing to paste.
 * @example pasteTopics(doc, parseOutlineText(text), { target: { channel: 'online', stageId }, newId: () => newId('t') })
 */
export function pasteTopics(doc: MapDoc, entries: readonly ClipboardTopic[], options: PasteOptions): PasteResult {
  if (entries.length === 0) return { doc, touchpointIds: [] };
  const { target, source } = options;
  if (target.stageId != null && !doc.map.stages.some((stage) => stage.id === target.stageId)) {
    throw new CommandError('stageId', `${describeValue(target.stageId)} is not a stage of this map`);
  }
  const sameMap = source?.mapId === doc.map.id;
  const stageOf = matcher(doc, doc.map.stages, sameMap ? undefined : source?.stages);
  const segmentOf = matcher(doc, doc.map.segments, sameMap ? undefined : source?.segments);
  const competitorOf = matcher(doc, doc.map.competitors, sameMap ? undefined : source?.competitors);

  const fieldsOf = (entry: ClipboardTopic, pathOf: () => string, isTouchpoint: boolean): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(entry.fields ?? {})) {
      if (NOT_PASTED.has(key) || !Object.hasOwn(TOPIC_FIELD_SCHEMAS, key) || value === undefined) continue;
      if (!isTouchpoint && TOUCHPOINT_ONLY.has(key)) continue;
      const parsed = TOPIC_FIELD_SCHEMAS[key as TopicFieldName].safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new CommandError(pathText(issue?.path ?? [], `${pathOf()}.${key}`), issue?.message ?? 'is not valid');
      }
      const checked: unknown = parsed.data;
      for (const [text, name] of longTexts(key, checked)) {
        if (text.length > MAX_TEXT_LENGTH) throw tooLong(`${pathOf()}.${name}`, text.length, MAX_TEXT_LENGTH);
      }
      if (key === 'stageId') {
        const stageId = stageOf(checked as string);
        if (stageId !== undefined) out.stageId = stageId;
      } else if (key === 'segmentIds') {
        const ids = [...new Set((checked as string[]).map(segmentOf).filter((id): id is string => id !== undefined))];
        if (ids.length > 0) out.segmentIds = ids;
      } else if (key === 'competitorScores') {
        const scores: Record<string, number> = {};
        for (const [id, score] of Object.entries(checked as Record<string, number>)) {
          const own = competitorOf(id);
          if (own !== undefined) scores[own] = score;
        }
        if (Object.keys(scores).length > 0) out.competitorScores = scores;
      } else if (key !== 'collapsed' || checked === true) {
        out[key] = checked;
      }
    }
    if (isTouchpoint) {
      for (const key of ['channel', 'stageId'] as const) {
        if (target[key] === undefined) continue;
        if (target[key] === null) delete out[key];
        else out[key] = target[key];
      }
    }
    return out;
  };

  const root = rootOf(doc);
  const existing = touchpointsOf(doc);
  const firstOrder = existing.length === 0 ? 0 : (existing[existing.length - 1] as Topic).order + 1;
  const added: Record<TopicId, Topic> = {};
  const touchpointIds: TopicId[] = [];
  // The path names an entry in an error only, so it is built then: a string per entry would cost
  // the square of a deep paste's depth.
  const stack: { entry: ClipboardTopic; parentId: TopicId; order: number; depth: number; pathOf: () => string }[] = [];
  entries.forEach((entry, i) => stack.push({ entry, parentId: root.id, order: firstOrder + i, depth: 1, pathOf: () => `topics[${i}]` }));
  stack.reverse();
  let count = Object.keys(doc.topics).length;
  while (stack.length > 0) {
    const { entry, parentId, order, depth, pathOf } = stack.pop() as (typeof stack)[number];
    const path = pathOf;
    if (typeof entry.label !== 'string') throw new CommandError(`${path()}.label`, `${describeValue(entry.label)} is not text`);
    // The limits a .touchmap file is read with (limits.ts): what is pasted must save and import again.
    if (entry.label.length > MAX_LABEL_LENGTH) throw tooLong(`${path()}.label`, entry.label.length, MAX_LABEL_LENGTH);
    if (depth > MAX_TOPIC_DEPTH) throw new CommandError(path(), `is ${limitText(depth)} levels deep; details nest up to ${limitText(MAX_TOPIC_DEPTH)} levels`);
    count += 1;
    if (count > MAX_TOPICS_PER_MAP) throw new CommandError('topics', `the map would have more than ${limitText(MAX_TOPICS_PER_MAP)} topics, the most a map holds`);
    const id = options.newId();
    if (Object.hasOwn(doc.topics, id) || Object.hasOwn(added, id)) throw new CommandError('id', `${describeValue(id)} is already a topic of this map`);
    const isTouchpoint = isTouchpointUnder(root.id, { parentId });
    added[id] = { ...fieldsOf(entry, path, isTouchpoint), id, parentId, order, label: entry.label } as Topic;
    if (isTouchpoint) touchpointIds.push(id);
    const children = Array.isArray(entry.children) ? entry.children : [];
    for (let c = children.length - 1; c >= 0; c -= 1) {
      stack.push({ entry: children[c] as ClipboardTopic, parentId: id, order: c, depth: depth + 1, pathOf: () => `${path()}.children[${c}]` });
    }
  }
  return { doc: { ...doc, topics: { ...doc.topics, ...added } }, touchpointIds };
}

/** The long texts of a pasted field, with their names: the text fields themselves, an action's what and owner. */
function longTexts(key: string, value: unknown): [string, string][] {
  if (typeof value === 'string') return [[value, key]];
  if (key !== 'action') return [];
  const action = value as { readonly what: string; readonly owner?: string };
  return action.owner === undefined ? [[action.what, 'action.what']] : [[action.what, 'action.what'], [action.owner, 'action.owner']];
}

function tooLong(path: string, length: number, limit: number): CommandError {
  return new CommandError(path, `is ${limitText(length)} characters long; it may be up to ${limitText(limit)}`);
}
