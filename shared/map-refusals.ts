/**
 * Why a map inside a `.touchmap` file was refused, in the map's own names: `Map "Clinic":
 * touchpoint "Site" has our score 14; scores are 0–10.` The reader (file-format.ts) finds the
 * broken rule and keeps its technical text as details; this module only words it, looking the
 * names up in the file as read (after migrations), which the rule's keys point into. The sentence is
 * in the message language (shared/i18n/message-language.ts); the details stay English.
 */
import type * as z from 'zod';
import { describeValue } from './model/schema';
import { isRoot } from './model/selectors';
import { refusalWords, type FileRefusal } from './file-refusals';
import { fill, messageLanguage, quoteName, wordsOf } from './i18n/message-language';
import { FIELD_WORDS } from './i18n/refusal-words';

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

/** A name as a message of the current language quotes it (shared/i18n/message-language.ts). */
const quoted = (name: string) => quoteName(name);

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
/** `second` in English; the other languages write the number (`2`) into their own ordinal form. */
const ordinal = (index: number) => (messageLanguage() === 'en' ? (ORDINALS[index] ?? `${index + 1}th`) : String(index + 1));

/** `Map "Clinic"`, or for a map with no usable title, `The file's second map`. */
function mapSubject(file: unknown, mapIndex: number): string {
  const words = refusalWords();
  const title = valueAt(file, ['maps', mapIndex, 'title']);
  if (typeof title === 'string' && title.trim() !== '') return fill(words.mapTitled, { title: quoted(title) });
  const count = (valueAt(file, ['maps']) as unknown[] | undefined)?.length ?? 1;
  return count > 1 ? fill(words.mapNth, { ordinal: ordinal(mapIndex) }) : words.mapUntitled;
}

type TopicKind = 'centre' | 'touchpoint' | 'detail' | 'topic';

/** What a topic is to the person: the centre topic, a touchpoint, or a detail of one. */
function topicKind(topics: readonly unknown[], topic: Raw): TopicKind {
  if (isRoot(topic)) return 'centre';
  const parent = topics.find((t) => isRecord(t) && t.id === topic.parentId);
  if (!isRecord(parent)) return 'topic';
  return isRoot(parent) ? 'touchpoint' : 'detail';
}

const KIND_WORDS = { touchpoint: 'kindTouchpoint', detail: 'kindDetail', topic: 'kindTopic' } as const;

/** ` (id "t-9", under "Site")`, or nothing when there is no hint. */
function hintsText(hints: readonly string[]): string {
  const words = refusalWords();
  return hints.length > 0 ? fill(words.hints, { list: hints.join(words.hintSeparator) }) : '';
}

/**
 * `touchpoint "Context ad"`, `detail "Form" (under "Site")`, `a touchpoint with no label (id "t-9")`;
 * `bare` leaves out "with no label" when the message is about the missing label itself.
 */
function topicSubject(file: unknown, mapIndex: number, topicIndex: number, bare = false): string {
  const words = refusalWords();
  const topics = valueAt(file, ['maps', mapIndex, 'topics']);
  const topic = Array.isArray(topics) ? topics[topicIndex] : undefined;
  if (!Array.isArray(topics) || !isRecord(topic)) return fill(words.topicNth, { ordinal: ordinal(topicIndex) });
  const kind = topicKind(topics, topic);
  const label = labelOf(topic);
  const parent = kind === 'detail' ? labelOf(topics.find((t) => isRecord(t) && t.id === topic.parentId) as Raw) : undefined;
  const under = parent === undefined ? [] : [fill(words.hintUnder, { parent: quoted(parent) })];
  if (label === undefined) {
    // No label to name it by: its id and its parent are what a person can search the file for.
    const hints = hintsText([...(typeof topic.id === 'string' ? [fill(words.hintId, { id: quoted(topic.id) })] : []), ...under]);
    if (kind === 'centre') return fill(words.centreUnnamed, { hints });
    return fill(bare ? words.thingBare : words.thingUnlabelled, { kind: words[KIND_WORDS[kind]], hints });
  }
  if (kind === 'centre') return fill(words.centreNamed, { label: quoted(label) });
  return fill(words.thingNamed, { kind: words[KIND_WORDS[kind]], label: quoted(label), hints: hintsText(under) });
}

function labelOf(topic: Raw): string | undefined {
  return typeof topic.label === 'string' && topic.label.trim() !== '' ? topic.label : undefined;
}

const RECORD_KINDS = { stages: 'kindStage', segments: 'kindSegment', competitors: 'kindCompetitor', chains: 'kindChain' } as const;

/** `stage "Awareness"`, `chain "First visit"`, `a segment with no name (id "g-1")`. */
function recordSubject(file: unknown, mapIndex: number, list: keyof typeof RECORD_KINDS, index: number): string {
  const words = refusalWords();
  const record = valueAt(file, ['maps', mapIndex, list, index]);
  const kind = words[RECORD_KINDS[list]];
  if (!isRecord(record)) return fill(words.thingNth, { ordinal: ordinal(index), kind });
  if (typeof record.name === 'string' && record.name.trim() !== '') return fill(words.thingNamed, { kind, label: quoted(record.name), hints: '' });
  return fill(words.thingUnnamed, { kind, hints: hintsText(typeof record.id === 'string' ? [fill(words.hintId, { id: quoted(record.id) })] : []) });
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

/** Field names as a facilitator says them (shared/i18n/refusal-words.ts). Unlisted keys are shown as written. */
function fieldWords(field: FileKeys): string {
  const words: Readonly<Record<string, string>> = wordsOf(FIELD_WORDS);
  const named = field.filter((key): key is string => typeof key === 'string');
  const at = (key: string) => (Object.hasOwn(words, key) ? words[key] : undefined);
  return at(named.join('.')) ?? at(named[0] ?? '') ?? (named.join(' ') || words.entry!);
}

/** "Map "X": touchpoint "Y" has …" or "Map "X" has …", then what to do. */
function sentence(subject: { readonly map: string; readonly thing?: string }, predicate: string): string {
  const words = refusalWords();
  const who = subject.thing === undefined ? subject.map : fill(words.mapAndThing, { map: subject.map, thing: subject.thing });
  return fill(words.sentence, { who, predicate, fix: words.fixTheFile });
}

/** A score or importance outside its range, as the example of the method says it. */
function rangePredicate(field: FileKeys, value: unknown, file: unknown, keys: FileKeys): string | undefined {
  const words = refusalWords();
  const whole = typeof value === 'number' && Number.isInteger(value);
  const scores = whole ? words.scoresRule : words.scoresWholeRule;
  if (field.length === 1 && field[0] === 'score') return fill(words.scoreRange, { value: describeValue(value), rule: scores });
  if (field.length === 1 && field[0] === 'importance') {
    return fill(words.importanceRange, { value: describeValue(value), rule: whole ? words.importanceRule : words.importanceWholeRule });
  }
  if (field.length === 2 && field[0] === 'competitorScores' && typeof field[1] === 'string') {
    return fill(words.competitorRange, { value: describeValue(value), competitor: competitorName(file, keys[1] as number, field[1]), rule: scores });
  }
  return undefined;
}

/** `competitor "City Clinic"`, or the id when the map does not name it. */
function competitorName(file: unknown, mapIndex: number, id: string): string {
  const words = refusalWords();
  const competitors = valueAt(file, ['maps', mapIndex, 'competitors']);
  const found = Array.isArray(competitors) ? competitors.find((c) => isRecord(c) && c.id === id) : undefined;
  return isRecord(found) && typeof found.name === 'string' ? fill(words.competitorNamed, { name: quoted(found.name) }) : fill(words.competitorById, { id: quoted(id) });
}

/**
 * A record that breaks its schema (shared/model/schema.ts), named by its map and its label.
 * @param file the file as read (after migrations), which the issue's path points into
 * @param details the technical text, e.g. `maps[0].topics[12].score: 14 is not 0–10`
 */
export function recordProblem(file: unknown, issue: z.core.$ZodIssue, details: string, path: string): FileRefusal {
  const words = refusalWords();
  const keys = issue.path;
  if (keys[0] !== 'maps' || typeof keys[1] !== 'number') {
    const maps = valueAt(file, ['maps']);
    const error =
      Array.isArray(maps) && maps.length === 0
        ? fill(words.noMaps, { fix: words.fixTheFile })
        : maps === undefined
          ? fill(words.mapsMissing, { fix: words.fixTheFile })
          : fill(words.fileFieldDamaged, { field: fieldWords(keys), fix: words.fixTheFile });
    return { error, details, path };
  }
  const subject = subjectOf(file, keys);
  const value = valueAt(file, keys);
  const range = issue.code === 'too_big' || issue.code === 'too_small' || issue.code === 'invalid_type' ? rangePredicate(subject.field, value, file, keys) : undefined;
  if (range !== undefined && typeof value === 'number') return { error: sentence(subject, range), details, path };

  const field = fieldWords(subject.field);
  const missing = /^is missing \((.*)\)$/.exec(issue.message);
  if (missing) {
    const isLabel = subject.field.length === 1 && subject.field[0] === 'label';
    return { error: sentence(subject, isLabel ? words.noLabel : fill(words.fieldMissing, { field, rule: missing[1] ?? '' })), details, path };
  }
  const prefix = `${describeValue(value)} is not `;
  if (subject.field.join('.') === 'action.due' && typeof value === 'string') {
    return { error: sentence(subject, fill(words.dueNotADate, { value: describeValue(value) })), details, path };
  }
  // The schema's own phrase: `one of online, offline` is said in the message language, the values as written;
  // a rarer rule (`text`, `an id`) stays as the schema words it.
  const schemaRule = issue.message.startsWith(prefix) ? issue.message.slice(prefix.length) : issue.message;
  const oneOf = /^one of (.+)$/.exec(schemaRule);
  const rule = oneOf ? fill(words.ruleOneOf, { list: oneOf[1] ?? '' }) : schemaRule;
  return { error: sentence(subject, fill(words.fieldBad, { field, value: describeValue(value), rule })), details, path };
}

/** A map-wide rule (unique ids, one root, references), named by the map's own names. */
export function mapRuleProblem(file: unknown, problem: MapRuleProblem, details: string, path: string): FileRefusal {
  const words = refusalWords();
  const fix = words.fixTheFile;
  const { keys } = problem;
  const mapIndex = keys[1] as number;
  const map = mapSubject(file, mapIndex);
  // A competitor score's key is the competitor's id; everywhere else the value at fault is the id.
  const value = problem.rule === 'unknown-reference' && problem.to === 'competitor' ? keys[keys.length - 1] : valueAt(file, keys);
  const error = (() => {
    switch (problem.rule) {
      case 'no-root':
        return fill(words.noRoot, { map, fix });
      case 'second-root':
        return fill(words.twoRoots, { map, first: topicLabel(file, mapIndex, problem.root), second: topicLabel(file, mapIndex, keys[3] as number), fix });
      case 'duplicate-id': {
        const list = keys[2] as 'topics' | 'stages' | 'segments' | 'competitors' | 'chains';
        const name = (index: number) => (list === 'topics' ? topicSubject(file, mapIndex, index) : recordSubject(file, mapIndex, list, index));
        const kind = list === 'topics' ? words.kindTopic : words[RECORD_KINDS[list]];
        return fill(words.duplicateId, { map, first: name(problem.earlier), second: name(keys[3] as number), id: describeValue(value), kind, fix });
      }
      case 'cycle': {
        const loop = problem.loop.map((index) => topicLabel(file, mapIndex, index)).join(' → ');
        return fill(words.cycle, { map, loop, fix });
      }
      case 'unknown-reference':
        return sentence(subjectOf(file, keys), referencePredicate(problem.to, keys, value));
    }
  })();
  return { error, details, path };
}

function referencePredicate(to: 'topic' | 'stage' | 'segment' | 'competitor', keys: FileKeys, value: unknown): string {
  const words = refusalWords();
  const id = fill(words.idInBrackets, { id: describeValue(value) });
  const field = keys[4];
  if (keys[2] === 'chains') {
    if (field === 'steps') return typeof keys[5] === 'number' ? fill(words.chainStepGone, { step: keys[5] + 1, id }) : fill(words.chainStepsGone, { id });
    return fill(words.chainSegmentGone, { id });
  }
  switch (to) {
    case 'topic':
      return fill(words.parentGone, { id });
    case 'stage':
      return fill(words.stageGone, { id });
    case 'segment':
      return fill(words.segmentGone, { id });
    case 'competitor':
      return fill(words.competitorGone, { id });
  }
}

/**
 * The note for a chain step that is kept though it is not a touchpoint (the root, or a detail — a
 * touchpoint later moved under another leaves exactly this), in the map's own names.
 * @example chainStepNote('Clinic', 'First visit', 1, 'Form', 'detail') // 'Map "Clinic": chain "First visit" has, as step 2, detail "Form", which is not a touchpoint; it was kept'
 */
export function chainStepNote(mapTitle: string, chainName: string, stepIndex: number, label: string, kind: 'the centre topic' | 'detail'): string {
  const words = refusalWords();
  const map = mapTitle.trim() === '' ? words.noteMapUntitled : fill(words.mapTitled, { title: quoted(mapTitle) });
  const chain = chainName.trim() === '' ? words.noteChainUnnamed : fill(words.thingNamed, { kind: words.kindChain, label: quoted(chainName), hints: '' });
  const detail = kind === 'detail';
  const step =
    label.trim() === ''
      ? detail
        ? words.noteDetailUnlabelled
        : words.noteCentreUnlabelled
      : fill(detail ? words.noteDetailNamed : words.noteCentreNamed, { label: quoted(label) });
  return fill(words.chainStepNote, { map, chain, step: stepIndex + 1, topic: step });
}

/** A topic's label in quotes, or its id when it has none. */
function topicLabel(file: unknown, mapIndex: number, index: number): string {
  const words = refusalWords();
  const topic = valueAt(file, ['maps', mapIndex, 'topics', index]);
  if (!isRecord(topic)) return fill(words.topicNth, { ordinal: ordinal(index) });
  if (typeof topic.label === 'string' && topic.label.trim() !== '') return quoted(topic.label);
  return typeof topic.id === 'string' ? fill(words.topicWithId, { id: quoted(topic.id) }) : fill(words.topicNth, { ordinal: ordinal(index) });
}
