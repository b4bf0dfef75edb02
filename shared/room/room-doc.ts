/**
 * The live workshop room's shared document (Yjs): only what participants may see or touch.
 * The facilitator's map stays in Dexie; this document is a projection of it (published) plus
 * what participants send back (inbox, ratings), which the facilitator turns into commands.
 *
 * Top-level Y.Maps:
 * - `room`         state (open | locked | closed), namedVoting, removed (participant ids)
 * - `published`    title, locale, stages, touchpoints, chains, slide — written by the facilitator
 * - `participants` participantId → { name? }
 * - `inbox`        participantId → Y.Map proposalId → Proposal
 * - `decisions`    "participantId/proposalId" → accepted | merged | rejected (facilitator only)
 * - `ratings`      participantId → Y.Map topicId → { score?, importance? }
 * - `round`        id, topicIds, open, endsAt?, revealed
 */
import * as Y from 'yjs';
import { topicIdFrom, type ChainId, type StageId, type TopicId } from '../model/ids';

export const ROOM_MAPS = ['room', 'published', 'participants', 'inbox', 'decisions', 'ratings', 'round'] as const;
export type RoomMapName = (typeof ROOM_MAPS)[number];

/** Size limits: a participant's writes are refused past these (checkUpdate). */
export const ROOM_LIMITS = {
  label: 200,
  note: 1000,
  name: 40,
  proposalsPerParticipant: 50,
  updateBytes: 64 * 1024,
  /**
   * The facilitator's own limit: the published view is the whole map's touchpoints in one update
   * (about 100 bytes each: 122 KB for a 2,000-topic map, 1.2 MB for 20,000), so the participants'
   * limit refused any workshop map past ~650 touchpoints and every change the facilitator made after it.
   */
  facilitatorUpdateBytes: 8 * 1024 * 1024,
  /** Ids a participant makes (proposal ids) are short random strings. */
  idLength: 64,
} as const;

export const ROOM_STATES = ['open', 'locked', 'closed'] as const;
export type RoomState = (typeof ROOM_STATES)[number];
export const DECISIONS = ['accepted', 'merged', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];
export const ROOM_CHANNELS = ['online', 'offline'] as const;
export type RoomChannel = (typeof ROOM_CHANNELS)[number];

export interface PublishedTouchpoint {
  readonly id: TopicId;
  readonly label: string;
  readonly stageId?: StageId;
  readonly channel?: RoomChannel;
}
export interface PublishedChain {
  readonly id: ChainId;
  readonly name: string;
  readonly steps: readonly TopicId[];
}
export interface Slide {
  readonly index: number;
  readonly total: number;
  readonly title: string;
}
export interface Published {
  readonly title: string;
  readonly locale: string;
  readonly stages: readonly { readonly id: StageId; readonly name: string }[];
  readonly touchpoints: readonly PublishedTouchpoint[];
  readonly chains: readonly PublishedChain[];
  readonly slide?: Slide;
}
export interface Proposal {
  readonly label: string;
  /** A participant's text, not yet a stage: the facilitator's app keeps it only if the map has that stage. */
  readonly stageId?: string;
  readonly channel?: RoomChannel;
  readonly note?: string;
  readonly createdAt: string;
}
export interface Rating {
  readonly score?: number;
  readonly importance?: number;
}
export interface Round {
  readonly id: string;
  readonly topicIds: readonly TopicId[];
  readonly open: boolean;
  readonly endsAt?: string;
  readonly revealed: boolean;
}
export interface Participant {
  readonly name?: string;
}

export function roomMap(doc: Y.Doc, name: RoomMapName): Y.Map<unknown> {
  return doc.getMap(name);
}

// ---- reading ------------------------------------------------------------------------------

export function roomState(doc: Y.Doc): RoomState {
  const state = roomMap(doc, 'room').get('state');
  return (ROOM_STATES as readonly unknown[]).includes(state) ? (state as RoomState) : 'open';
}

export function removedParticipants(doc: Y.Doc): readonly string[] {
  const removed = roomMap(doc, 'room').get('removed');
  return Array.isArray(removed) ? removed.filter((id): id is string => typeof id === 'string') : [];
}

export function readPublished(doc: Y.Doc): Published {
  const map = roomMap(doc, 'published');
  const list = <T>(key: string): readonly T[] => {
    const value = map.get(key);
    return Array.isArray(value) ? (value as T[]) : [];
  };
  const slide = map.get('slide') as Slide | undefined;
  return {
    title: String(map.get('title') ?? ''),
    locale: String(map.get('locale') ?? 'en'),
    stages: list('stages'),
    touchpoints: list('touchpoints'),
    chains: list('chains'),
    ...(slide ? { slide } : {}),
  };
}

export function readRound(doc: Y.Doc): Round | undefined {
  const map = roomMap(doc, 'round');
  const id = map.get('id');
  if (typeof id !== 'string' || id === '') return undefined;
  const topicIds = map.get('topicIds');
  const endsAt = map.get('endsAt');
  return {
    id,
    // Only the facilitator writes the round (checkUpdate refuses anyone else), from the map's own ids.
    topicIds: Array.isArray(topicIds) ? topicIds.filter((t): t is string => typeof t === 'string').map(topicIdFrom) : [],
    open: map.get('open') === true,
    revealed: map.get('revealed') === true,
    ...(typeof endsAt === 'string' ? { endsAt } : {}),
  };
}

export function readParticipants(doc: Y.Doc): ReadonlyMap<string, Participant> {
  const out = new Map<string, Participant>();
  roomMap(doc, 'participants').forEach((value, id) => {
    out.set(id, value && typeof value === 'object' ? (value as Participant) : {});
  });
  return out;
}

export interface InboxItem extends Proposal {
  readonly participantId: string;
  readonly proposalId: string;
  /** participantId/proposalId: the key of its decision. */
  readonly key: string;
  readonly decision?: Decision;
}

export function proposalKey(participantId: string, proposalId: string): string {
  return `${participantId}/${proposalId}`;
}

/** Every proposal of every participant, oldest first, with the facilitator's decision if made. */
export function readInbox(doc: Y.Doc): InboxItem[] {
  const decisions = roomMap(doc, 'decisions');
  const items: InboxItem[] = [];
  roomMap(doc, 'inbox').forEach((own, participantId) => {
    if (!(own instanceof Y.Map)) return;
    own.forEach((proposal, proposalId) => {
      if (!proposal || typeof proposal !== 'object') return;
      const key = proposalKey(participantId, proposalId);
      const decision = decisions.get(key) as Decision | undefined;
      items.push({ ...(proposal as Proposal), participantId, proposalId, key, ...(decision ? { decision } : {}) });
    });
  });
  return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key));
}

/** participantId → topicId → rating. */
export function readRatings(doc: Y.Doc): Map<string, Map<TopicId, Rating>> {
  const out = new Map<string, Map<TopicId, Rating>>();
  roomMap(doc, 'ratings').forEach((own, participantId) => {
    if (!(own instanceof Y.Map)) return;
    const mine = new Map<TopicId, Rating>();
    own.forEach((rating, topicId) => {
      // checkUpdate lets a participant rate only a topic of the open round.
      if (rating && typeof rating === 'object') mine.set(topicIdFrom(topicId), rating as Rating);
    });
    out.set(participantId, mine);
  });
  return out;
}

// ---- a participant's writes -----------------------------------------------------------------

function ownMap(doc: Y.Doc, root: 'inbox' | 'ratings', participantId: string): Y.Map<unknown> {
  const parent = roomMap(doc, root);
  const existing = parent.get(participantId);
  if (existing instanceof Y.Map) return existing as Y.Map<unknown>;
  const created = new Y.Map<unknown>();
  parent.set(participantId, created);
  return created;
}

export function setParticipantName(doc: Y.Doc, participantId: string, name: string | undefined): void {
  const trimmed = name?.trim();
  roomMap(doc, 'participants').set(participantId, trimmed ? { name: trimmed } : {});
}

export function propose(doc: Y.Doc, participantId: string, proposalId: string, proposal: Proposal): void {
  doc.transact(() => ownMap(doc, 'inbox', participantId).set(proposalId, withoutUndefined(proposal)));
}

export function withdrawProposal(doc: Y.Doc, participantId: string, proposalId: string): void {
  const own = roomMap(doc, 'inbox').get(participantId);
  if (own instanceof Y.Map) own.delete(proposalId);
}

export function rate(doc: Y.Doc, participantId: string, topicId: TopicId, rating: Rating): void {
  doc.transact(() => {
    const own = ownMap(doc, 'ratings', participantId);
    const before = (own.get(topicId) ?? {}) as Rating;
    own.set(topicId, withoutUndefined({ ...before, ...rating }));
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

// ---- the facilitator's writes ---------------------------------------------------------------

export function setRoomState(doc: Y.Doc, state: RoomState): void {
  roomMap(doc, 'room').set('state', state);
}

export function removeParticipant(doc: Y.Doc, participantId: string): void {
  const removed = removedParticipants(doc);
  if (!removed.includes(participantId)) roomMap(doc, 'room').set('removed', [...removed, participantId]);
}

export function publish(doc: Y.Doc, published: Published): void {
  const map = roomMap(doc, 'published');
  doc.transact(() => {
    for (const [key, value] of Object.entries(published)) {
      if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
    }
  });
}

export function setSlide(doc: Y.Doc, slide: Slide | undefined): void {
  const map = roomMap(doc, 'published');
  if (slide) map.set('slide', slide);
  else map.delete('slide');
}

export function decide(doc: Y.Doc, key: string, decision: Decision): void {
  roomMap(doc, 'decisions').set(key, decision);
}

/** Opens a new round: earlier rounds' ratings are cleared so each round counts afresh. */
export function openRound(doc: Y.Doc, round: { id: string; topicIds: readonly TopicId[]; endsAt?: string }): void {
  doc.transact(() => {
    const ratings = roomMap(doc, 'ratings');
    for (const key of [...ratings.keys()]) ratings.delete(key);
    const map = roomMap(doc, 'round');
    map.set('id', round.id);
    map.set('topicIds', [...round.topicIds]);
    map.set('open', true);
    map.set('revealed', false);
    if (round.endsAt) map.set('endsAt', round.endsAt);
    else map.delete('endsAt');
  });
}

export function closeRound(doc: Y.Doc): void {
  roomMap(doc, 'round').set('open', false);
}

export function revealRound(doc: Y.Doc): void {
  doc.transact(() => {
    roomMap(doc, 'round').set('open', false);
    roomMap(doc, 'round').set('revealed', true);
  });
}
