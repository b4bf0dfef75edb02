/**
 * Who may write what in the room document, checked where updates are applied (the room server).
 * A Yjs update cannot be read as "set X to Y" directly, so the update is applied to a scratch
 * copy of the document and the changed paths and their new values are checked there.
 */
import * as Y from 'yjs';
import {
  ROOM_CHANNELS,
  ROOM_LIMITS,
  ROOM_MAPS,
  readRound,
  removedParticipants,
  roomState,
  type RoomMapName,
} from './room-doc';

export type RoomActor = { readonly role: 'facilitator' } | { readonly role: 'participant'; readonly id: string };
/**
 * A refusal. `paths` lists what the update changed when it can be applied and then undone by the
 * room (applyAndRevert): that keeps the participant's own sequence of changes unbroken, so their
 * later, allowed changes still apply. Without `paths` the update cannot be applied at all.
 */
export type UpdateCheck = { readonly ok: true } | { readonly ok: false; readonly kind: RefusalKind; readonly reason: string; readonly paths?: readonly RoomPath[] };

/**
 * What a participant is told, in their page's language: the kind travels to the phone, the English
 * reason stays in the room's log. `invalid` is a change the page itself would never make.
 */
export const REFUSAL_KINDS = ['too-big', 'room-locked', 'room-closed', 'removed', 'no-round', 'invalid'] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

/** The permission-denied text a refusal travels as: its kind, a space, the English reason. */
export function refusalMessage(check: { readonly kind: RefusalKind; readonly reason: string }): string {
  return `${check.kind} ${check.reason}`;
}

/** The kind of a refusal the room sent (`invalid` for a text that names none). */
export function refusalKindOf(message: string): RefusalKind {
  const word = message.split(' ', 1)[0] ?? '';
  return (REFUSAL_KINDS as readonly string[]).includes(word) ? (word as RefusalKind) : 'invalid';
}

/** A changed key: its top-level map, then the keys below it ([participantId] or [participantId, key]). */
export interface RoomPath {
  readonly root: string;
  readonly keys: readonly string[];
}

const OK: UpdateCheck = { ok: true };
const refuse = (reason: string, kind: RefusalKind = 'invalid'): UpdateCheck => ({ ok: false, kind, reason });
const NO_ROUND = 'no rating round is open';

type Change = RoomPath;

/**
 * Whether `actor` may apply `update` to `doc`. The facilitator may write everything (within the
 * size limit); a participant only their own name, inbox and ratings of the open round, and
 * nothing when the room is locked or closed or they were removed.
 */
export function checkUpdate(doc: Y.Doc, update: Uint8Array, actor: RoomActor): UpdateCheck {
  const early = checkBeforeReading(doc, update, actor);
  if (early) return early;
  return inspect(copyOf(doc), update, (actor as { id: string }).id);
}

/**
 * The same rules for a server that checks many updates: instead of copying the room for each
 * update (its cost grows with the room), it keeps one mirror of the room that every applied
 * change also reaches, and rebuilds it only after an update it could not take.
 */
export function createUpdateChecker(doc: Y.Doc): { check(update: Uint8Array, actor: RoomActor): UpdateCheck; destroy(): void } {
  let mirror = copyOf(doc);
  const follow = (update: Uint8Array) => Y.applyUpdate(mirror, update);
  doc.on('update', follow);
  return {
    check(update, actor) {
      const early = checkBeforeReading(doc, update, actor);
      if (early) return early;
      const verdict = inspect(mirror, update, (actor as { id: string }).id);
      // Refused without paths: the room will not take it, and the mirror holds it; start afresh.
      if (!verdict.ok && !verdict.paths) mirror = copyOf(doc);
      return verdict;
    },
    destroy() {
      doc.off('update', follow);
    },
  };
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  for (const name of ROOM_MAPS) copy.getMap(name);
  return copy;
}

/** The checks that need no reading of the update: its size, the actor, the room's state. */
function checkBeforeReading(doc: Y.Doc, update: Uint8Array, actor: RoomActor): UpdateCheck | undefined {
  const limit = actor.role === 'facilitator' ? ROOM_LIMITS.facilitatorUpdateBytes : ROOM_LIMITS.updateBytes;
  if (update.byteLength > limit) return refuse(`update of ${update.byteLength} bytes is over the ${limit}-byte limit`, 'too-big');
  if (actor.role === 'facilitator') return OK;
  const state = roomState(doc);
  if (state !== 'open') return refuse(`the room is ${state}`, state === 'locked' ? 'room-locked' : 'room-closed');
  if (removedParticipants(doc).includes(actor.id)) return refuse('this participant was removed from the room', 'removed');
  return undefined;
}

/** Applies `update` to `scratch` (a copy of the room) and checks every path it changed. */
function inspect(scratch: Y.Doc, update: Uint8Array, participantId: string): UpdateCheck {
  const sharedBefore = new Set(scratch.share.keys());
  const changes: Change[] = [];
  const collect = (transaction: Y.Transaction) => {
    transaction.changed.forEach((keys, type) => {
      const path = pathOf(scratch, type);
      for (const key of keys) changes.push({ root: path.root, keys: key === null ? [...path.keys, '[content]'] : [...path.keys, key] });
    });
  };
  scratch.on('afterTransaction', collect);
  try {
    Y.applyUpdate(scratch, update);
  } catch {
    return refuse('the update cannot be read');
  } finally {
    scratch.off('afterTransaction', collect);
  }
  // Structs waiting for changes the room has not seen cannot be checked, so they are refused.
  if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) {
    return refuse('the update depends on changes the room has not seen');
  }
  for (const name of scratch.share.keys()) {
    if (!sharedBefore.has(name)) return refuse(`"${name}" is not part of the room`);
  }
  for (const change of changes) {
    const problem = checkChange(scratch, change, participantId);
    if (problem) return { ok: false, kind: problem === NO_ROUND ? 'no-round' : 'invalid', reason: problem, paths: changes };
  }
  return OK;
}

/** What the path walk needs of a Yjs type: the item that holds it (null for a top-level type). */
interface Nested {
  readonly _item: Y.Item | null;
}

function pathOf(doc: Y.Doc, type: Nested): { root: string; keys: string[] } {
  const keys: string[] = [];
  let current: Nested = type;
  while (current._item !== null) {
    const item: Y.Item = current._item;
    keys.unshift(item.parentSub ?? '[content]');
    current = item.parent as unknown as Nested;
  }
  for (const [name, root] of doc.share) if ((root as unknown) === current) return { root: name, keys };
  return { root: '[unknown]', keys };
}

function checkChange(scratch: Y.Doc, change: Change, self: string): string | undefined {
  const root = change.root as RoomMapName;
  const [owner, key, ...deeper] = change.keys;
  switch (root) {
    case 'participants':
      if (owner !== self || key !== undefined) return `a participant may change only their own name`;
      return checkParticipant(scratch.getMap('participants').get(self));
    case 'inbox':
    case 'ratings': {
      if (owner !== self) return `a participant may change only their own ${root === 'inbox' ? 'proposals' : 'ratings'}`;
      if (deeper.length > 0 || key === '[content]') return `${root} holds plain entries only`;
      const own = scratch.getMap(root).get(self);
      if (own === undefined) return undefined;
      if (!(own instanceof Y.Map)) return `${root} of a participant must be a map`;
      const entries = key === undefined ? [...own.keys()] : [key];
      if (root === 'inbox') {
        if (own.size > ROOM_LIMITS.proposalsPerParticipant) return `more than ${ROOM_LIMITS.proposalsPerParticipant} proposals from one participant`;
        for (const id of entries) {
          const problem = checkProposal(id, own.get(id));
          if (problem) return problem;
        }
        return undefined;
      }
      for (const topicId of entries) {
        const problem = checkRating(scratch, topicId, own.get(topicId));
        if (problem) return problem;
      }
      return undefined;
    }
    default:
      return `a participant may not change ${root}`;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Y.AbstractType) && !(value instanceof Uint8Array);

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], what: string): string | undefined {
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  return extra === undefined ? undefined : `${what} has an unknown field "${extra}"`;
}

function checkText(value: unknown, limit: number, what: string, required: boolean): string | undefined {
  if (value === undefined) return required ? `${what} is missing` : undefined;
  if (typeof value !== 'string') return `${what} must be text`;
  if (required && value.trim() === '') return `${what} is empty`;
  if (value.length > limit) return `${what} is longer than ${limit} characters`;
  return undefined;
}

function checkParticipant(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) return 'a participant entry must be { name? }';
  return onlyKeys(value, ['name'], 'a participant entry') ?? checkText(value.name, ROOM_LIMITS.name, 'the name', false);
}

function checkProposal(id: string, value: unknown): string | undefined {
  if (id.length > ROOM_LIMITS.idLength) return 'a proposal id is too long';
  if (value === undefined) return undefined;
  if (!isObject(value)) return 'a proposal must be { label, stageId?, channel?, note?, createdAt }';
  return (
    onlyKeys(value, ['label', 'stageId', 'channel', 'note', 'createdAt'], 'a proposal') ??
    checkText(value.label, ROOM_LIMITS.label, 'the label', true) ??
    checkText(value.note, ROOM_LIMITS.note, 'the note', false) ??
    checkText(value.stageId, ROOM_LIMITS.idLength, 'the stage', false) ??
    checkText(value.createdAt, 40, 'the time', true) ??
    (value.channel === undefined || (ROOM_CHANNELS as readonly unknown[]).includes(value.channel) ? undefined : 'the channel must be online or offline')
  );
}

function isIntIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

function checkRating(scratch: Y.Doc, topicId: string, value: unknown): string | undefined {
  const round = readRound(scratch);
  if (!round?.open) return NO_ROUND;
  const inRound: readonly string[] = round.topicIds;
  if (!inRound.includes(topicId)) return `"${topicId.slice(0, 40)}" is not in the open round`;
  if (value === undefined) return undefined;
  if (!isObject(value)) return 'a rating must be { score?, importance? }';
  const extra = onlyKeys(value, ['score', 'importance'], 'a rating');
  if (extra) return extra;
  if (value.score !== undefined && !isIntIn(value.score, 0, 10)) return 'a score must be a whole number 0–10';
  if (value.importance !== undefined && !isIntIn(value.importance, 1, 10)) return 'importance must be a whole number 1–10';
  return undefined;
}
