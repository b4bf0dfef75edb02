/**
 * The `.touchmap` file (design/FILE-FORMAT.md): how maps leave the app and come back — export,
 * import, backup, sharing. The file is a contract with users' files: every version-1 file must
 * stay importable by every later Touchmap, so this module is deliberately strict about what it
 * writes and about the rules it checks, and lenient only where FILE-FORMAT.md says so (unknown
 * fields are ignored).
 *
 * Reading is one path: size → JSON → format → version → migrations → schemas (shared/model/schema.ts,
 * the same rules the DB loader and the commands use) → the map-wide rules a record schema cannot
 * see (one root, parents, cycles, unique ids, references). The first broken rule refuses the whole
 * file, so nothing already in the app changes. A refusal says it twice: for people, naming the map
 * and the touchpoint by their labels and what to do (file-refusals.ts), and as technical details
 * with the exact path and rule, for the "Details" disclosure and for whoever fixes the file.
 * (file-refusals.ts words refusals of the file as a whole, map-refusals.ts those inside a map.)
 */
import * as z from 'zod';
import { entriesOf, idsOf, type IdMaker, type IdOf, type IdPrefix } from './model/ids';
import { ChainSchema, MapMetaSchema, TopicSchema, describeValue, issueText, pathText } from './model/schema';
import { badVersion, newerVersion, notAnObject, notJson, tooLarge, wrongFormat, type FileRefusal } from './file-refusals';
import { chainStepNote, mapRuleProblem, recordProblem, type FileKeys, type MapRuleProblem } from './map-refusals';
import { compareSiblings, isRoot, isTouchpointUnder } from './model/selectors';
import { checkDepthLimit, checkSizeLimits } from './file-limits';
import { MAX_FILE_BYTES } from './limits';
import type { Chain, ChainId, ImprovementAction, MapDoc, MapMeta, Topic, TopicId } from './model/types';

/** The `format` every Touchmap file carries. */
export const FILE_FORMAT = 'touchmap';

/** Files up to 50 MB import (FILE-FORMAT.md); every size limit is in limits.ts. */
export { MAX_FILE_BYTES } from './limits';

/** A raw file as JSON.parse gave it, before validation. */
export type RawFile = Record<string, unknown>;

/** Upgrades a raw file of version N to version N + 1. Works on unvalidated JSON, so it must not trust shapes. */
export type FileMigration = (file: RawFile) => RawFile;

/**
 * Up-only migrations, keyed by the version a file is written in: `migrations[n]` turns a version-n
 * file into version n + 1. The current version's entry is `null` (nothing to do). The current
 * version is the highest key, so a version 2 slots in as `{ 1: v1ToV2, 2: null }` and every
 * version-1 file keeps importing through it.
 */
export const migrations: Readonly<Record<number, FileMigration | null>> = {
  // Version 1 is the first format and the current one.
  1: null,
};

/** The version this app writes and the newest it reads. */
export const CURRENT_FILE_VERSION = Math.max(...Object.keys(migrations).map(Number));

/**
 * What `parseTouchmapFile` gives: the maps, or why the whole file was refused — `error` for people
 * (labels, what to do), `details` the technical text (path and rule), `path` where it is.
 */
export type ParseResult = { readonly ok: true; readonly docs: MapDoc[]; readonly warnings: string[] } | ({ readonly ok: false } & FileRefusal);

export { refusalText, type FileRefusal } from './file-refusals';

// ───────────────────────────────────────────── writing

/**
 * Writes maps as a `.touchmap` file: pretty JSON exactly per FILE-FORMAT.md. Topics are an array,
 * parents before children (root first, then depth-first by sibling `order`), so the file reads
 * like the map; chains follow `chainOrder`. Only the fields of the format are written, in the
 * order the format shows them, and absent fields are omitted — so the same maps always give the
 * same bytes and a backup diffs cleanly.
 *
 * @param docs one map, or all maps for a full backup
 * @param exportedAt ISO timestamp; passed in so the function stays pure and testable
 * @example
 * const text = serializeTouchmapFile([doc], new Date().toISOString());
 * // '{\n  "format": "touchmap",\n  "version": 1,\n  "exportedAt": "…",\n  "maps": [ … ]\n}\n'
 */
export function serializeTouchmapFile(docs: readonly MapDoc[], exportedAt: string): string {
  const file = {
    format: FILE_FORMAT,
    version: CURRENT_FILE_VERSION,
    exportedAt,
    maps: docs.map(writeMap),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Builds an object in the given key order, leaving out keys whose value is undefined. */
function defined(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) if (value !== undefined) out[key] = value;
  return out;
}

function writeMap(doc: MapDoc): Record<string, unknown> {
  const { map } = doc;
  const competitorOrder = map.competitors.map((c) => c.id);
  return defined([
    ['id', map.id],
    ['title', map.title],
    ['locale', map.locale],
    ['stages', map.stages.map((s) => ({ id: s.id, name: s.name }))],
    ['segments', map.segments.map((s) => ({ id: s.id, name: s.name }))],
    ['competitors', map.competitors.map((c) => ({ id: c.id, name: c.name }))],
    ['createdAt', map.createdAt],
    ['updatedAt', map.updatedAt],
    // optional (FILE-FORMAT.md allows optional fields in version 1): a map with no saved deck writes none
    ['presentation', map.presentation && { slides: map.presentation.slides.map((slide) => ({ ...slide })) }],
    ['topics', topicsInFileOrder(doc.topics).map((t) => writeTopic(t, competitorOrder))],
    ['chains', chainsInOrder(doc).map(writeChain)],
  ]);
}

function writeTopic(t: Topic, competitorOrder: readonly string[]): Record<string, unknown> {
  return defined([
    ['id', t.id],
    ['parentId', t.parentId],
    ['order', t.order],
    ['label', t.label],
    ['channel', t.channel],
    ['stageId', t.stageId],
    ['kind', t.kind],
    ['segmentIds', t.segmentIds && [...t.segmentIds]],
    ['importance', t.importance],
    ['score', t.score],
    ['competitorScores', t.competitorScores && writeCompetitorScores(t.competitorScores, competitorOrder)],
    ['reaction', t.reaction],
    ['attention', t.attention],
    ['lifespan', t.lifespan],
    ['notes', t.notes],
    ['action', t.action && writeAction(t.action)],
    ['team', t.team],
    ['process', t.process],
    ['outcome', t.outcome],
    ['data', t.data],
    ['position', t.position && { x: t.position.x, y: t.position.y }],
    ['collapsed', t.collapsed],
  ]);
}

/** Keys in the map's competitor order (then any others by id), not edit order, so output is stable. */
function writeCompetitorScores(scores: Readonly<Record<string, number>>, competitorOrder: readonly string[]): Record<string, number> {
  const rank = new Map(competitorOrder.map((id, i) => [id, i]));
  const entries = Object.entries(scores).sort(([a], [b]) => {
    const ra = rank.get(a) ?? Infinity;
    const rb = rank.get(b) ?? Infinity;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  });
  // fromEntries, not assignment: an id such as "__proto__" must stay a plain key.
  return Object.fromEntries(entries);
}

function writeAction(a: ImprovementAction): Record<string, unknown> {
  return defined([
    ['what', a.what],
    ['owner', a.owner],
    ['due', a.due],
    ['status', a.status],
  ]);
}

function writeChain(c: Chain): Record<string, unknown> {
  return defined([
    ['id', c.id],
    ['name', c.name],
    ['segmentId', c.segmentId],
    ['steps', [...c.steps]],
  ]);
}

/**
 * Root first, then depth-first by sibling order: every parent precedes its children. Topics no
 * root reaches (a broken doc) are appended by id rather than dropped — a backup never loses data,
 * and the reader will name the problem.
 */
function topicsInFileOrder(topics: Readonly<Record<TopicId, Topic>>): Topic[] {
  const all = Object.values(topics);
  const children = new Map<TopicId | null, Topic[]>();
  for (const t of all) {
    // A topic whose parent is missing is left for the "unreached" tail below.
    if (t.parentId !== null && !Object.hasOwn(topics, t.parentId)) continue;
    const list = children.get(t.parentId) ?? [];
    list.push(t);
    children.set(t.parentId, list);
  }
  for (const list of children.values()) list.sort(compareSiblings);

  const out: Topic[] = [];
  const seen = new Set<TopicId>();
  // An explicit stack, not recursion: a 2,000-deep chain of details must not overflow the call stack.
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const t = stack.pop() as Topic;
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    out.push(t);
    const kids = children.get(t.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Topic);
  }
  const unreached = all.filter((t) => !seen.has(t.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return [...out, ...unreached];
}

/** Chains in `chainOrder`; chains missing from it are appended by id so none is lost. */
function chainsInOrder(doc: MapDoc): Chain[] {
  const out: Chain[] = [];
  const listed = new Set<ChainId>();
  for (const id of doc.chainOrder) {
    if (Object.hasOwn(doc.chains, id) && !listed.has(id)) {
      out.push(doc.chains[id] as Chain);
      listed.add(id);
    }
  }
  const rest = idsOf(doc.chains)
    .filter((id) => !listed.has(id))
    .sort();
  for (const id of rest) out.push(doc.chains[id] as Chain);
  return out;
}

// ───────────────────────────────────────────── reading

/** Same wording as schema.ts: `is missing (a list of maps)`, `"x" is not a list of maps`. */
const because = (rule: string) => ({
  error: (issue: { readonly input?: unknown }) => (issue.input === undefined ? `is missing (${rule})` : `${describeValue(issue.input)} is not ${rule}`),
});

// In the file a map carries its topics and chains as arrays; the app keeps them by id (MapDoc).
const FileMapSchema = MapMetaSchema.extend({
  topics: z.array(TopicSchema, because('a list of topics')),
  chains: z.array(ChainSchema, because('a list of chains')),
});

const FileSchema = z.object({
  exportedAt: z.string(because('text')).optional(),
  maps: z.array(FileMapSchema, because('a list of maps')).min(1, { error: 'is an empty list; a file holds one or more maps' }),
});

/**
 * Reads a `.touchmap` file. Refuses the whole file — nothing is half-imported — when it is larger
 * than `MAX_FILE_BYTES`, not JSON, not `"format": "touchmap"`, of a newer version, or breaks any rule
 * of FILE-FORMAT.md. `error` names the problem with the map's and the touchpoint's own names and
 * says what to do; `details` keeps the exact path and rule; `path` repeats the where. Fields this version does not know are ignored (a later version may add them).
 * `warnings` lists, in the same words for people, what was accepted but looks odd (a chain step on a
 * detail or on the root).
 *
 * @param options.sizeBytes the file's size on disk, when the caller knows it (saves measuring the text)
 * @example
 * const result = parseTouchmapFile(text, { sizeBytes: file.size });
 * if (!result.ok) showError(result.error, result.details);
 * // 'Map "Clinic": touchpoint "Site" has our score 14; scores are 0–10. Fix it in a text editor, …'
 * // 'maps[0].topics[12].score: 14 is not 0–10'
 * else importMaps(remapForImport(result.docs, { mapIds }, newId));
 */
export function parseTouchmapFile(text: string, options: { readonly sizeBytes?: number } = {}): ParseResult {
  // Checked before JSON.parse: parsing is what costs the memory the limit protects.
  const size = options.sizeBytes ?? utf8ByteLength(text);
  if (size > MAX_FILE_BYTES) {
    return refuse(tooLarge(size, MAX_FILE_BYTES));
  }

  let raw: unknown;
  try {
    // Editors such as Notepad may save a byte-order mark; JSON.parse rejects it, a person would not.
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return refuse(notJson(text, error));
  }

  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return refuse(notAnObject(raw));
  }
  const file = raw as RawFile;
  if (file.format !== FILE_FORMAT) return refuse(wrongFormat(file));

  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return refuse(badVersion(version));
  if (version > CURRENT_FILE_VERSION) return refuse(newerVersion(version, CURRENT_FILE_VERSION));

  const upgraded = upgradeFile(file, version);
  const parsed = FileSchema.safeParse(upgraded);
  if (!parsed.success) {
    // One exact message beats a list: report the first issue zod met (it walks the file top-down).
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    return refuse(recordProblem(upgraded, issue, issueText(issue), pathText(issue.path)));
  }

  const warnings: string[] = [];
  const docs: MapDoc[] = [];
  for (const [index, fileMap] of parsed.data.maps.entries()) {
    const { topics, chains, ...meta } = fileMap;
    const overSize = checkSizeLimits(meta, topics, chains, index);
    if (overSize) return refuse(overSize);
    const problem = checkMapRules(meta, topics, chains, ['maps', index], warnings);
    if (problem) {
      const path = pathText(problem.keys);
      return refuse(mapRuleProblem(upgraded, problem, `${path}: ${problem.message}`, path));
    }
    const tooDeep = checkDepthLimit(meta, topics, index);
    if (tooDeep) return refuse(tooDeep);
    docs.push({
      map: meta,
      topics: Object.fromEntries(topics.map((t) => [t.id, t])),
      chains: Object.fromEntries(chains.map((c) => [c.id, c])),
      chainOrder: chains.map((c) => c.id),
    });
  }
  return { ok: true, docs, warnings };
}

/**
 * Runs the up-migrations from `version` to the current version. Exported with its table as a
 * parameter so tests can show that a later version slots in without touching the reader.
 *
 * @example
 * upgradeFile({ format: 'touchmap', version: 1, maps: [] }, 1); // unchanged: 1 is current
 */
export function upgradeFile(file: RawFile, version: number, table: Readonly<Record<number, FileMigration | null>> = migrations): RawFile {
  const current = Math.max(...Object.keys(table).map(Number));
  let out = file;
  for (let v = version; v < current; v++) {
    const step = table[v];
    // A gap in the table is our bug, not the user's: fail loudly rather than misread a file.
    if (!step) throw new Error(`No migration from .touchmap version ${v} to ${v + 1}.`);
    out = { ...step(out), version: v + 1 };
  }
  return out;
}

/** A broken map-wide rule: what the message needs to name things, and the rule in technical words. */
type RuleProblem = MapRuleProblem & { readonly message: string };

/**
 * The rules no single record's schema can check: unique ids, exactly one root, parents that exist,
 * no cycles, and references to the map's stages, segments, competitors and topics.
 */
function checkMapRules(
  meta: MapMeta,
  topics: readonly Topic[],
  chains: readonly Chain[],
  at: FileKeys,
  warnings: string[],
): RuleProblem | undefined {
  const duplicate =
    firstDuplicate(meta.stages, [...at, 'stages']) ??
    firstDuplicate(meta.segments, [...at, 'segments']) ??
    firstDuplicate(meta.competitors, [...at, 'competitors']) ??
    firstDuplicate(topics, [...at, 'topics']) ??
    firstDuplicate(chains, [...at, 'chains']);
  if (duplicate) return duplicate;

  const indexOf = new Map(topics.map((t, i) => [t.id, i]));
  const roots = topics.flatMap((t, i) => (t.parentId === null ? [i] : []));
  if (roots.length === 0) {
    return { rule: 'no-root', keys: [...at, 'topics'], message: 'no root topic (parentId null); a map has exactly one, the business at the centre' };
  }
  if (roots.length > 1) {
    return {
      rule: 'second-root',
      keys: [...at, 'topics', roots[1] as number, 'parentId'],
      root: roots[0] as number,
      message: `null makes a second root (topics[${roots[0]}] is the root); a map has exactly one`,
    };
  }
  for (const [i, t] of topics.entries()) {
    if (t.parentId !== null && !indexOf.has(t.parentId)) {
      return { rule: 'unknown-reference', to: 'topic', keys: [...at, 'topics', i, 'parentId'], message: `${describeValue(t.parentId)} is not a topic of this map` };
    }
  }
  const cycle = firstCycle(topics, indexOf);
  if (cycle) return { rule: 'cycle', keys: [...at, 'topics', cycle.index, 'parentId'], loop: cycle.loop, message: cycle.message };

  const stageIds = new Set(meta.stages.map((s) => s.id));
  const segmentIds = new Set(meta.segments.map((s) => s.id));
  const competitorIds = new Set(meta.competitors.map((c) => c.id));
  for (const [i, t] of topics.entries()) {
    const here = [...at, 'topics', i];
    if (t.stageId !== undefined && !stageIds.has(t.stageId)) {
      return { rule: 'unknown-reference', to: 'stage', keys: [...here, 'stageId'], message: `${describeValue(t.stageId)} is not a stage of this map` };
    }
    for (const [k, segmentId] of (t.segmentIds ?? []).entries()) {
      if (!segmentIds.has(segmentId)) {
        return { rule: 'unknown-reference', to: 'segment', keys: [...here, 'segmentIds', k], message: `${describeValue(segmentId)} is not a segment of this map` };
      }
    }
    for (const competitorId of idsOf(t.competitorScores ?? {})) {
      if (!competitorIds.has(competitorId)) {
        return {
          rule: 'unknown-reference',
          to: 'competitor',
          keys: [...here, 'competitorScores', competitorId],
          message: `${describeValue(competitorId)} is not a competitor of this map`,
        };
      }
    }
  }

  const rootId = (topics[roots[0] as number] as Topic).id;
  for (const [i, chain] of chains.entries()) {
    const here = [...at, 'chains', i];
    if (chain.segmentId !== undefined && !segmentIds.has(chain.segmentId)) {
      return { rule: 'unknown-reference', to: 'segment', keys: [...here, 'segmentId'], message: `${describeValue(chain.segmentId)} is not a segment of this map` };
    }
    for (const [k, step] of chain.steps.entries()) {
      const topicIndex = indexOf.get(step);
      if (topicIndex === undefined) {
        return { rule: 'unknown-reference', to: 'topic', keys: [...here, 'steps', k], message: `${describeValue(step)} is not a topic of this map` };
      }
      // The rule says steps are touchpoints. A step on the root or a detail still names a real topic
      // (a touchpoint later moved under another leaves exactly this), so it is kept, not refused —
      // refusing would make a whole backup unimportable over one stale step.
      const topic = topics[topicIndex] as Topic;
      if (isRoot(topic)) warnings.push(chainStepNote(meta.title, chain.name, k, topic.label, 'the centre topic'));
      else if (!isTouchpointUnder(rootId, topic)) warnings.push(chainStepNote(meta.title, chain.name, k, topic.label, 'detail'));
    }
  }
  return undefined;
}

function firstDuplicate(records: readonly { readonly id: string }[], at: FileKeys): RuleProblem | undefined {
  const first = new Map<string, number>();
  for (const [i, record] of records.entries()) {
    const earlier = first.get(record.id);
    if (earlier !== undefined) {
      const list = String(at[at.length - 1]);
      return {
        rule: 'duplicate-id',
        keys: [...at, i, 'id'],
        earlier,
        message: `${describeValue(record.id)} is used twice (also ${list}[${earlier}]); ids are unique within a map`,
      };
    }
    first.set(record.id, i);
  }
  return undefined;
}

/**
 * With one root and every parent present, a topic whose ancestry never reaches the root sits on
 * (or hangs below) a cycle. Reports the cycle at its member that comes first in the file.
 */
function firstCycle(topics: readonly Topic[], indexOf: ReadonlyMap<TopicId, number>): { index: number; loop: number[]; message: string } | undefined {
  const reachesRoot = new Set<TopicId>();
  for (const start of topics) {
    const walk: TopicId[] = [];
    const onWalk = new Set<TopicId>();
    let current: Topic | undefined = start;
    while (current && current.parentId !== null && !reachesRoot.has(current.id)) {
      if (onWalk.has(current.id)) {
        const members = walk.slice(walk.indexOf(current.id));
        const index = Math.min(...members.map((id) => indexOf.get(id) as number));
        const first = topics[index] as Topic;
        const loop = [...members.slice(members.indexOf(first.id)), ...members.slice(0, members.indexOf(first.id)), first.id];
        return {
          index,
          loop: loop.map((id) => indexOf.get(id) as number),
          message: `${describeValue(first.parentId)} makes a cycle (${loop.map((id) => describeValue(id)).join(' → ')} by parentId); every topic must lead up to the root`,
        };
      }
      walk.push(current.id);
      onWalk.add(current.id);
      current = topics[indexOf.get(current.parentId) as number];
    }
    for (const id of walk) reachesRoot.add(id);
  }
  return undefined;
}

function refuse(refusal: FileRefusal): ParseResult {
  return { ok: false, ...refusal };
}

/** Counts UTF-8 bytes without allocating an encoded copy (shared/ has no TextEncoder typing). */
function utf8ByteLength(text: string): number {
  // Every UTF-16 unit is at least one byte: a text this long is over the limit whatever it holds.
  if (text.length > MAX_FILE_BYTES) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one 4-byte code point.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// ───────────────────────────────────────────── importing

/**
 * Makes imported maps safe to add next to the existing ones: importing never overwrites.
 *
 * Decision: a map keeps its ids unless its map id is taken — by a map already in the app or by an
 * earlier map of the same import (a file may hold the same map twice). Then the map gets a fresh
 * map id and EVERY id inside it is renewed too (topics, stages, segments, competitors, chains),
 * each reference following consistently: `parentId`, `stageId`, `segmentIds`, `competitorScores`
 * keys, chain `segmentId`, chain `steps`, `chainOrder`. Renewing all of them, not only the map id,
 * keeps the copy distinct whatever the storage keys records by. Restoring a backup into an empty
 * app keeps every id, so references to a map by id (e.g. `--map <id>`) keep working.
 *
 * @param newId the id maker (`newId` of shared/model/ids.ts); injected so tests are deterministic
 * @example
 * const docs = remapForImport(result.docs, { mapIds: new Set(maps.map((m) => m.id)) }, newId);
 */
export function remapForImport(
  docs: readonly MapDoc[],
  existing: { readonly mapIds: ReadonlySet<string> },
  newId: IdMaker,
): MapDoc[] {
  const takenMapIds = new Set(existing.mapIds);
  return docs.map((doc) => {
    const out = takenMapIds.has(doc.map.id) ? renewIds(doc, takenMapIds, newId) : doc;
    takenMapIds.add(out.map.id);
    return out;
  });
}

/** A fresh id per record of the map, every reference rewritten through the same table. */
function renewIds(doc: MapDoc, takenMapIds: ReadonlySet<string>, newId: IdMaker): MapDoc {
  const { map } = doc;
  // Fresh ids avoid every old id of the map too, so an old and a new id can never be confused.
  const used = new Set<string>([
    map.id,
    ...map.stages.map((s) => s.id),
    ...map.segments.map((s) => s.id),
    ...map.competitors.map((c) => c.id),
    ...Object.keys(doc.topics),
    ...Object.keys(doc.chains),
  ]);
  const fresh = <P extends IdPrefix>(prefix: P, alsoAvoid?: ReadonlySet<string>): IdOf<P> => {
    // newId is random; the retry guards against a collision (and a careless test id maker) anyway.
    for (let attempt = 0; attempt < 1000; attempt++) {
      const id = newId(prefix);
      if (!used.has(id) && !alsoAvoid?.has(id)) {
        used.add(id);
        return id;
      }
    }
    throw new Error(`Could not make a fresh "${prefix}" id: the id maker keeps repeating ids.`);
  };
  const table = <P extends IdPrefix>(ids: Iterable<IdOf<P>>, prefix: P) => new Map([...ids].map((id) => [id, fresh(prefix)]));

  const stageIds = table(
    map.stages.map((s) => s.id),
    's',
  );
  const segmentIds = table(
    map.segments.map((s) => s.id),
    'g',
  );
  const competitorIds = table(
    map.competitors.map((c) => c.id),
    'c',
  );
  const topicIds = table(idsOf(doc.topics), 't');
  const chainIds = table(idsOf(doc.chains), 'j');
  // A reference with no entry (only in a doc that skipped validation) is kept as it was.
  const via =
    <Id extends string>(ids: ReadonlyMap<Id, Id>) =>
    (id: Id) =>
      ids.get(id) ?? id;
  const stage = via(stageIds);
  const segment = via(segmentIds);
  const competitor = via(competitorIds);
  const topic = via(topicIds);
  const chain = via(chainIds);

  const topics = Object.values(doc.topics).map((t): Topic => {
    return {
      ...t,
      id: topic(t.id),
      parentId: t.parentId === null ? null : topic(t.parentId),
      ...(t.stageId !== undefined && { stageId: stage(t.stageId) }),
      ...(t.segmentIds !== undefined && { segmentIds: t.segmentIds.map(segment) }),
      ...(t.competitorScores !== undefined && {
        competitorScores: Object.fromEntries(entriesOf(t.competitorScores).map(([id, score]) => [competitor(id), score])),
      }),
    };
  });
  const chains = Object.values(doc.chains).map(
    (c): Chain => ({
      ...c,
      id: chain(c.id),
      ...(c.segmentId !== undefined && { segmentId: segment(c.segmentId) }),
      steps: c.steps.map(topic),
    }),
  );
  return {
    map: {
      ...map,
      id: fresh('m', takenMapIds),
      stages: map.stages.map((s) => ({ ...s, id: stage(s.id) })),
      segments: map.segments.map((s) => ({ ...s, id: segment(s.id) })),
      competitors: map.competitors.map((c) => ({ ...c, id: competitor(c.id) })),
      ...(map.presentation && {
        presentation: {
          slides: map.presentation.slides.map((slide) =>
            slide.kind === 'stage' ? { ...slide, stageId: stage(slide.stageId) } : slide.kind === 'chain' ? { ...slide, chainId: chain(slide.chainId) } : slide,
          ),
        },
      }),
    },
    // fromEntries, not assignment, for the same "__proto__" reason as above.
    topics: Object.fromEntries(topics.map((t) => [t.id, t])),
    chains: Object.fromEntries(chains.map((c) => [c.id, c])),
    chainOrder: doc.chainOrder.map(chain),
  };
}
