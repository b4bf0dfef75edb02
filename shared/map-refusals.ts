/**
 * Why a map inside a `.touchmap` file was refused, in the map's own names: `Map "Clinic":
 * touchpoint "Site" has our score 14; scores are 0–10.` The reader (file-format.ts) finds the
 * broken rule and keeps its technical text as details; this module only words it, looking the
 * names up in the file as read (after migrations), which the rule's keys point into.
 */
import type * as z from 'zod';
import { describeValue } from './model/schema';
import { FIX_THE_FILE, type FileRefusal } from './file-refusals';

/** Keys from the file's top down to the broken value, e.g. ['maps', 0, 'topics', 12, 'score']. */
export type FileKeys = readonly PropertyKey[];

/**
 * A broken rule the map-wide checks found, with what the message needs to name things.
 * `keys` point at the value at fault; the technical text is in `details`.
 */
export type MapRuleProblem =
  | { readonly rule: 'duplicate-id'; readonly keys: FileKeys; readonly earlier: number }
  | { readonly rule: 'no-root'; readonly keys: FileKeys }
  | { readonly rule: 'second-root'; readonly keys: FileKeys; readonly root: number }
  | { readonly rule: 'unknown-reference'; readonly keys: FileKeys; readonly to: 'topic' | 'stage' | 'segment' | 'competitor' }
  | { readonly rule: 'cycle'; readonly keys: FileKeys; readonly loop: readonly number[] };

type Raw = Readonly<Record<PropertyKey, unknown>>;

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at `keys` in the raw file, or undefined when the way there is broken. */
function valueAt(file: unknown, keys: FileKeys): unknown {
  let here: unknown = file;
  for (const key of keys) {
    if (Array.isArray(here) && typeof key === 'number') here = here[key];
    else if (isRecord(here) && typeof key !== 'symbol' && Object.hasOwn(here, key)) here = here[key];
    else return undefined;
  }
  return here;
}

/** A name as a message quotes it: straight quotes, cut short like describeValue. */
const quoted = (name: string) => describeValue(name);

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ordinal = (index: number) => ORDINALS[index] ?? `${index + 1}th`;

/** `Map "Clinic"`, or for a map with no usable title, `The file's second map`. */
function mapSubject(file: unknown, mapIndex: number): string {
  const title = valueAt(file, ['maps', mapIndex, 'title']);
  if (typeof title === 'string' && title.trim() !== '') return `Map ${quoted(title)}`;
  const count = (valueAt(file, ['maps']) as unknown[] | undefined)?.length ?? 1;
  return count > 1 ? `The file’s ${ordinal(mapIndex)} map (it has no title)` : 'The map (it has no title)';
}

/** What a topic is to the person: the centre topic, a touchpoint, or a detail of one. */
function topicKind(topics: readonly unknown[], topic: Raw): 'the centre topic' | 'touchpoint' | 'detail' | 'topic' {
  if (topic.parentId === null) return 'the centre topic';
  const parent = topics.find((t) => isRecord(t) && t.id === topic.parentId);
  if (!isRecord(parent)) return 'topic';
  return parent.parentId === null ? 'touchpoint' : 'detail';
}

/**
 * `touchpoint "Context ad"`, `detail "Form" (under "Site")`, `a touchpoint with no label (id "t-9")`;
 * `bare` leaves out "with no label" when the message is about the missing label itself.
 */
function topicSubject(file: unknown, mapIndex: number, topicIndex: number, bare = false): string {
  const topics = valueAt(file, ['maps', mapIndex, 'topics']);
  const topic = Array.isArray(topics) ? topics[topicIndex] : undefined;
  if (!Array.isArray(topics) || !isRecord(topic)) return `the ${ordinal(topicIndex)} topic`;
  const kind = topicKind(topics, topic);
  const label = labelOf(topic);
  const parent = kind === 'detail' ? labelOf(topics.find((t) => isRecord(t) && t.id === topic.parentId) as Raw) : undefined;
  const under = parent === undefined ? [] : [`under ${quoted(parent)}`];
  if (label === undefined) {
    // No label to name it by: its id and its parent are what a person can search the file for.
    const hints = [...(typeof topic.id === 'string' ? [`id ${quoted(topic.id)}`] : []), ...under];
    const where = hints.length > 0 ? ` (${hints.join(', ')})` : '';
    if (kind === 'the centre topic') return `the centre topic${where}`;
    return `a ${kind}${bare ? '' : ' with no label'}${where}`;
  }
  if (kind === 'the centre topic') return `the centre topic ${quoted(label)}`;
  return `${kind} ${quoted(label)}${under.length > 0 ? ` (${under[0]})` : ''}`;
}

function labelOf(topic: Raw): string | undefined {
  return typeof topic.label === 'string' && topic.label.trim() !== '' ? topic.label : undefined;
}

const RECORD_KINDS = { stages: 'stage', segments: 'segment', competitors: 'competitor', chains: 'chain' } as const;

/** `stage "Awareness"`, `chain "First visit"`, `a segment with no name (id "g-1")`. */
function recordSubject(file: unknown, mapIndex: number, list: keyof typeof RECORD_KINDS, index: number): string {
  const record = valueAt(file, ['maps', mapIndex, list, index]);
  const kind = RECORD_KINDS[list];
  if (!isRecord(record)) return `the ${ordinal(index)} ${kind}`;
  if (typeof record.name === 'string' && record.name.trim() !== '') return `${kind} ${quoted(record.name)}`;
  return `a ${kind} with no name${typeof record.id === 'string' ? ` (id ${quoted(record.id)})` : ''}`;
}

/** The thing the keys point into, below its map: a topic, a stage, a chain… or the map itself. */
function subjectOf(file: unknown, keys: FileKeys): { readonly map: string; readonly thing?: string; readonly field: FileKeys } {
  const mapIndex = keys[1] as number;
  const map = mapSubject(file, mapIndex);
  const [, , list, index, ...field] = keys;
  if (typeof index !== 'number') return { map, field: keys.slice(2) };
  if (list === 'topics') return { map, thing: topicSubject(file, mapIndex, index, field.length === 1 && field[0] === 'label'), field };
  if (list === 'stages' || list === 'segments' || list === 'competitors' || list === 'chains') {
    return { map, thing: recordSubject(file, mapIndex, list, index), field };
  }
  return { map, field: keys.slice(2) };
}

/** Field names as a facilitator says them. Unlisted keys are shown as written. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  id: 'id',
  parentId: 'parent',
  order: 'order',
  label: 'label',
  channel: 'channel',
  stageId: 'stage',
  kind: 'kind',
  segmentIds: 'segments',
  importance: 'importance',
  score: 'our score',
  competitorScores: 'competitor scores',
  reaction: 'reaction',
  attention: 'attention span',
  lifespan: 'lifespan',
  notes: 'notes',
  team: 'responsible team',
  process: 'supporting process',
  outcome: 'desired outcome',
  data: 'data it generates',
  action: 'improvement action',
  'action.what': 'action (what to do)',
  'action.owner': 'action owner',
  'action.due': 'action due date',
  'action.status': 'action status',
  position: 'position',
  'position.x': 'position',
  'position.y': 'position',
  collapsed: 'collapsed setting',
  title: 'title',
  locale: 'language',
  stages: 'list of stages',
  segments: 'list of segments',
  competitors: 'list of competitors',
  createdAt: 'creation date',
  updatedAt: 'last-change date',
  topics: 'list of topics',
  chains: 'list of chains',
  name: 'name',
  segmentId: 'segment',
  steps: 'steps',
};

function fieldWords(field: FileKeys): string {
  const named = field.filter((key): key is string => typeof key === 'string');
  return FIELD_WORDS[named.join('.')] ?? FIELD_WORDS[named[0] ?? ''] ?? (named.join(' ') || 'entry');
}

/** "Map "X": touchpoint "Y" has …" or "Map "X" has …", then what to do. */
function sentence(subject: { readonly map: string; readonly thing?: string }, predicate: string, fix = FIX_THE_FILE): string {
  const who = subject.thing === undefined ? subject.map : `${subject.map}: ${subject.thing}`;
  return `${who} ${predicate}. ${fix}`;
}

/** A score or importance outside its range, as the example of the method says it. */
function rangePredicate(field: FileKeys, value: unknown, file: unknown, keys: FileKeys): string | undefined {
  const whole = typeof value === 'number' && Number.isInteger(value);
  const scores = whole ? 'scores are 0–10' : 'scores are whole numbers, 0–10';
  if (field.length === 1 && field[0] === 'score') return `has our score ${describeValue(value)}; ${scores}`;
  if (field.length === 1 && field[0] === 'importance') {
    return `has importance ${describeValue(value)}; importance is ${whole ? '1–10' : 'a whole number, 1–10'}`;
  }
  if (field.length === 2 && field[0] === 'competitorScores' && typeof field[1] === 'string') {
    return `has a score of ${describeValue(value)} for ${competitorName(file, keys[1] as number, field[1])}; ${scores}`;
  }
  return undefined;
}

/** `competitor "City Clinic"`, or the id when the map does not name it. */
function competitorName(file: unknown, mapIndex: number, id: string): string {
  const competitors = valueAt(file, ['maps', mapIndex, 'competitors']);
  const found = Array.isArray(competitors) ? competitors.find((c) => isRecord(c) && c.id === id) : undefined;
  return isRecord(found) && typeof found.name === 'string' ? `competitor ${quoted(found.name)}` : `the competitor with id ${quoted(id)}`;
}

/**
 * A record that breaks its schema (shared/model/schema.ts), named by its map and its label.
 * @param file the file as read (after migrations), which the issue's path points into
 * @param details the technical text, e.g. `maps[0].topics[12].score: 14 is not 0–10`
 */
export function recordProblem(file: unknown, issue: z.core.$ZodIssue, details: string, path: string): FileRefusal {
  const keys = issue.path;
  if (keys[0] !== 'maps' || typeof keys[1] !== 'number') {
    const maps = valueAt(file, ['maps']);
    const error =
      Array.isArray(maps) && maps.length === 0
        ? `The file is a Touchmap file, but it holds no maps. ${FIX_THE_FILE}`
        : maps === undefined
          ? `The file is a Touchmap file, but its list of maps is missing. ${FIX_THE_FILE}`
          : `The file is a Touchmap file, but its ${fieldWords(keys)} is damaged. ${FIX_THE_FILE}`;
    return { error, details, path };
  }
  const subject = subjectOf(file, keys);
  const value = valueAt(file, keys);
  const range = issue.code === 'too_big' || issue.code === 'too_small' || issue.code === 'invalid_type' ? rangePredicate(subject.field, value, file, keys) : undefined;
  if (range !== undefined && typeof value === 'number') return { error: sentence(subject, range), details, path };

  const words = fieldWords(subject.field);
  const missing = /^is missing \((.*)\)$/.exec(issue.message);
  if (missing) {
    const predicate = words === 'label' ? 'has no label; every topic needs one, even an empty one ("label": "")' : `has no ${words}; it should be ${missing[1]}`;
    return { error: sentence(subject, predicate), details, path };
  }
  const prefix = `${describeValue(value)} is not `;
  if (subject.field.join('.') === 'action.due' && typeof value === 'string') {
    return { error: sentence(subject, `has an action due ${describeValue(value)}, which is not a calendar date; dates are written YYYY-MM-DD, e.g. 2026-12-06`), details, path };
  }
  const rule = issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message;
  return { error: sentence(subject, `has ${words} ${describeValue(value)}, which is not ${rule}`), details, path };
}

/** A map-wide rule (unique ids, one root, references), named by the map's own names. */
export function mapRuleProblem(file: unknown, problem: MapRuleProblem, details: string, path: string): FileRefusal {
  const { keys } = problem;
  const mapIndex = keys[1] as number;
  const map = mapSubject(file, mapIndex);
  // A competitor score's key is the competitor's id; everywhere else the value at fault is the id.
  const value = problem.rule === 'unknown-reference' && problem.to === 'competitor' ? keys[keys.length - 1] : valueAt(file, keys);
  const error = (() => {
    switch (problem.rule) {
      case 'no-root':
        return `${map} has no centre topic (the business, the one topic with "parentId": null); a map needs exactly one. ${FIX_THE_FILE}`;
      case 'second-root': {
        const first = topicLabel(file, mapIndex, problem.root);
        const second = topicLabel(file, mapIndex, keys[3] as number);
        return `${map} has two centre topics, ${first} and ${second} (both have "parentId": null); a map has exactly one. ${FIX_THE_FILE}`;
      }
      case 'duplicate-id': {
        const list = keys[2] as 'topics' | 'stages' | 'segments' | 'competitors' | 'chains';
        const name = (index: number) => (list === 'topics' ? topicSubject(file, mapIndex, index) : recordSubject(file, mapIndex, list, index));
        return `${map}: ${name(problem.earlier)} and ${name(keys[3] as number)} have the same id ${describeValue(value)}; every ${list === 'topics' ? 'topic' : RECORD_KINDS[list]} needs its own. ${FIX_THE_FILE}`;
      }
      case 'cycle': {
        const loop = problem.loop.map((index) => topicLabel(file, mapIndex, index)).join(' → ');
        return `${map}: topics hang under each other in a loop (${loop}), so they never reach the centre topic. ${FIX_THE_FILE}`;
      }
      case 'unknown-reference':
        return sentence(subjectOf(file, keys), referencePredicate(problem.to, keys, value));
    }
  })();
  return { error, details, path };
}

function referencePredicate(to: 'topic' | 'stage' | 'segment' | 'competitor', keys: FileKeys, value: unknown): string {
  const id = `(id ${describeValue(value)})`;
  const field = keys[4];
  if (keys[2] === 'chains') {
    if (field === 'steps') return `has${typeof keys[5] === 'number' ? `, as step ${keys[5] + 1},` : ''} a touchpoint that is not in the map ${id}`;
    return `is for a segment the map does not have ${id}`;
  }
  switch (to) {
    case 'topic':
      return `hangs under a topic that is not in the map ${id}`;
    case 'stage':
      return `is in a stage the map does not have ${id}`;
    case 'segment':
      return `is marked for a segment the map does not have ${id}`;
    case 'competitor':
      return `has a score for a competitor the map does not have ${id}`;
  }
}

/**
 * The note for a chain step that is kept though it is not a touchpoint (the root, or a detail — a
 * touchpoint later moved under another leaves exactly this), in the map's own names.
 * @example chainStepNote('Clinic', 'First visit', 1, 'Form', 'detail') // 'Map "Clinic": chain "First visit" has, as step 2, detail "Form", which is not a touchpoint; it was kept'
 */
export function chainStepNote(mapTitle: string, chainName: string, stepIndex: number, label: string, kind: 'the centre topic' | 'detail'): string {
  const map = mapTitle.trim() === '' ? 'A map with no title' : `Map ${quoted(mapTitle)}`;
  const chain = chainName.trim() === '' ? 'a chain with no name' : `chain ${quoted(chainName)}`;
  const step = label.trim() === '' ? `a ${kind === 'detail' ? 'detail' : 'centre topic'} with no label` : `${kind} ${quoted(label)}`;
  return `${map}: ${chain} has, as step ${stepIndex + 1}, ${step}, which is not a touchpoint; it was kept`;
}

/** A topic's label in quotes, or its id when it has none. */
function topicLabel(file: unknown, mapIndex: number, index: number): string {
  const topic = valueAt(file, ['maps', mapIndex, 'topics', index]);
  if (!isRecord(topic)) return `the ${ordinal(index)} topic`;
  if (typeof topic.label === 'string' && topic.label.trim() !== '') return quoted(topic.label);
  return typeof topic.id === 'string' ? `the topic with id ${quoted(topic.id)}` : `the ${ordinal(index)} topic`;
}
