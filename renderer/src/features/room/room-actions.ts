/**
 * What the facilitator does with the room. Whatever changes the map is a command through
 * runCommand (one undo step each); the room document records the decision.
 */
import { addTouchpoint, newId, setTopicFields, type MapDoc, type TopicId } from '@shared/model';
import {
  applyRound,
  closeRound,
  decide,
  openRound,
  readRatings,
  readRound,
  removeParticipant,
  revealRound,
  setRoomState,
  tallyRound,
  type InboxItem,
  type RoomState,
} from '@shared/room';
import { useDocumentStore } from '../../store/document-store';
import { runCommand } from '../../store/run-command';
import type { RoomLink } from './room-link';

/** Adds the proposed touchpoint at its stage and channel (a stage the map no longer has is left out). */
export function acceptProposal(link: RoomLink, item: InboxItem): boolean {
  const doc = useDocumentStore.getState().doc;
  if (!doc) return false;
  const stageId = item.stageId ? doc.map.stages.find((stage) => stage.id === item.stageId)?.id : undefined;
  const id = newId('t');
  const added = runCommand((d: MapDoc) => {
    let next = addTouchpoint(d, { id, label: item.label, ...(item.channel ? { channel: item.channel } : {}), ...(stageId ? { stageId } : {}) });
    if (item.note) next = setTopicFields(next, [id], { notes: item.note });
    return next;
  });
  if (added) decide(link.doc, item.key, 'accepted');
  return added;
}

/** The proposal is a touchpoint the map already has: its note (if any) joins that touchpoint's notes. */
export function mergeProposal(link: RoomLink, item: InboxItem, topicId: TopicId): boolean {
  const doc = useDocumentStore.getState().doc;
  const topic = doc?.topics[topicId];
  if (!doc || !topic) return false;
  if (item.note) {
    const notes = topic.notes ? `${topic.notes}\n${item.note}` : item.note;
    if (!runCommand((d: MapDoc) => setTopicFields(d, [topicId], { notes }))) return false;
  }
  decide(link.doc, item.key, 'merged');
  return true;
}

export function rejectProposal(link: RoomLink, item: InboxItem): void {
  decide(link.doc, item.key, 'rejected');
}

export function startRound(link: RoomLink, topicIds: readonly TopicId[], minutes: number | undefined, now = Date.now()): void {
  openRound(link.doc, {
    id: newId('t').replace(/^t-/, 'r-'),
    topicIds,
    ...(minutes ? { endsAt: new Date(now + minutes * 60_000).toISOString() } : {}),
  });
}

export const endRound = (link: RoomLink) => closeRound(link.doc);
export const reveal = (link: RoomLink) => revealRound(link.doc);

export function roundTallies(link: RoomLink) {
  const round = readRound(link.doc);
  return round ? tallyRound(round.topicIds, readRatings(link.doc)) : [];
}

/** The round's means become the touchpoints' scores (and importance where rated): one undo step. */
export function applyRoundScores(link: RoomLink): boolean {
  const tallies = roundTallies(link);
  if (!tallies.some((tally) => tally.count > 0 || tally.importanceCount > 0)) return false;
  return runCommand(applyRound(tallies));
}

export const setState = (link: RoomLink, state: RoomState) => setRoomState(link.doc, state);
export const removeFromRoom = (link: RoomLink, participantId: string) => removeParticipant(link.doc, participantId);
