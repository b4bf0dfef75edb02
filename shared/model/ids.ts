/**
 * The document's ids, one type per kind of record, and the only ways to make them.
 *
 * Every id is a plain string at run time; the brand exists only for the compiler, so a function
 * that takes a topic id refuses a stage id or a chain id, and a record keyed by topic id cannot be
 * read with a competitor id. Ids get their brand in exactly two ways:
 * - `newId(prefix)` makes a fresh one (its prefix says the kind, so the result is typed by it);
 * - `<kind>IdFrom(text)` brands text that came from outside the model — the file reader, the
 *   database, an importer, the live room, IPC — after that boundary has validated it. Use them
 *   nowhere else: inside the model an id is always already branded.
 * @example newId('t') // "t-k3j9x2m1q8", a TopicId
 */

/** A string that the compiler knows to be an id of one kind of record (`__brand` never exists at run time). */
type Branded<Kind extends string> = string & { readonly __brand: Kind };

export type MapId = Branded<'MapId'>;
export type TopicId = Branded<'TopicId'>;
export type StageId = Branded<'StageId'>;
export type SegmentId = Branded<'SegmentId'>;
export type CompetitorId = Branded<'CompetitorId'>;
export type ChainId = Branded<'ChainId'>;

/** The prefix `newId` gives each kind of record, and the kind each prefix makes. */
interface IdOfPrefix {
  readonly m: MapId;
  readonly t: TopicId;
  readonly s: StageId;
  readonly g: SegmentId;
  readonly c: CompetitorId;
  readonly j: ChainId;
}
export type IdPrefix = keyof IdOfPrefix;
/** The id type `newId(prefix)` makes: `IdOf<'t'>` is `TopicId`. */
export type IdOf<P extends IdPrefix> = IdOfPrefix[P];

/** What makes fresh ids: `newId` in the app; a counter in tests that need ids they can predict. */
export type IdMaker = <P extends IdPrefix>(prefix: P) => IdOf<P>;

// shared/ sees no DOM or Node types; Web Crypto is in every runtime we target (Chromium, Node 20).
const webCrypto = (globalThis as unknown as { crypto: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto;

export function newId<P extends IdPrefix>(prefix: P): IdOfPrefix[P] {
  const bytes = webCrypto.getRandomValues(new Uint8Array(10));
  let out = '';
  for (const b of bytes) out += (b % 36).toString(36);
  return `${prefix}-${out}` as IdOfPrefix[P];
}

// The boundary casts. Each is safe only where the text is already known to name a record of
// that kind: a validated file, a database row, a room entry checked against the map, an
// importer's own fresh id. They check nothing themselves, so they cost nothing on big maps.

/** A map id read from a validated file, a database row or IPC. */
export const mapIdFrom = (text: string): MapId => text as MapId;
/** A topic id read from a validated file, a database row, the live room or a clipboard payload. */
export const topicIdFrom = (text: string): TopicId => text as TopicId;
/** A stage id read from a validated file or a database row. */
export const stageIdFrom = (text: string): StageId => text as StageId;
/** A segment id read from a validated file or a database row. */
export const segmentIdFrom = (text: string): SegmentId => text as SegmentId;
/** A competitor id read from a validated file or a database row. */
export const competitorIdFrom = (text: string): CompetitorId => text as CompetitorId;
/** A chain id read from a validated file or a database row. */
export const chainIdFrom = (text: string): ChainId => text as ChainId;

/**
 * The ids a record keyed by id holds (`Object.keys` types them as plain strings; the keys of a
 * `Record<TopicId, Topic>` are topic ids by construction).
 */
export function idsOf<Id extends string>(records: Readonly<Record<Id, unknown>>): Id[] {
  return Object.keys(records) as Id[];
}

/** The entries of a record keyed by id, their keys typed as the ids they are. */
export function entriesOf<Id extends string, Value>(records: Readonly<Record<Id, Value>>): [Id, Value][] {
  return Object.entries(records) as [Id, Value][];
}
