/**
 * The rating round's own state: open or not, the touchpoints it walks (fixed at the start), which
 * one is in front of the room, the competitor Shift+number rates, a pending `I`, the last number
 * typed and the timer. UI state only: the ratings themselves are commands on the map.
 */
import { create } from 'zustand';
import { roundOrder } from '@shared/model/rating-round';
import type { CompetitorId, MapDoc, MapId, TopicId } from '@shared/model/types';
import type { RoundDigit } from './round-keys';
import { newTimer, pauseTimer, timerOnNextCard, type RoundTimer } from './round-timer';

export interface RatingState {
  readonly open: boolean;
  /** The map the round walks: leaving and coming back to it resumes where it was. */
  readonly mapId: MapId | undefined;
  readonly order: readonly TopicId[];
  /** Index into `order`; `order.length` is the closing card ("all done"). */
  readonly index: number;
  readonly skipped: ReadonlySet<TopicId>;
  readonly competitorId: CompetitorId | undefined;
  readonly importanceArmed: boolean;
  readonly last: RoundDigit | null;
  readonly timer: RoundTimer;
  start(doc: MapDoc): boolean;
  leave(now: number): void;
  go(step: 1 | -1, skip?: boolean): void;
  setCompetitor(id: CompetitorId | undefined): void;
  setArmed(armed: boolean): void;
  typed(digit: RoundDigit | null): void;
  setTimer(timer: RoundTimer): void;
}

export const useRatingStore = create<RatingState>()((set, get) => ({
  open: false,
  mapId: undefined,
  order: [],
  index: 0,
  skipped: new Set(),
  competitorId: undefined,
  importanceArmed: false,
  last: null,
  timer: newTimer('touchpoint'),
  start: (doc) => {
    const before = get();
    const competitors = doc.map.competitors;
    const competitorId = competitors.some((c) => c.id === before.competitorId) ? before.competitorId : competitors[0]?.id;
    // back into a round left half-way on this map: the same touchpoint, the same order, the timer as paused
    const current = before.order[before.index];
    if (before.mapId === doc.map.id && current !== undefined && Object.hasOwn(doc.topics, current)) {
      const order = before.order.filter((id) => Object.hasOwn(doc.topics, id));
      set({ open: true, order, index: order.indexOf(current), competitorId, importanceArmed: false, last: null });
      return true;
    }
    const order = roundOrder(doc);
    if (order.length === 0) return false;
    set({
      open: true,
      mapId: doc.map.id,
      order,
      index: 0,
      skipped: new Set(),
      competitorId,
      importanceArmed: false,
      last: null,
      timer: timerOnNextCard(before.timer),
    });
    return true;
  },
  leave: (now) => set((s) => ({ open: false, importanceArmed: false, timer: pauseTimer(s.timer, now) })),
  go: (step, skip = false) =>
    set((s) => {
      const index = Math.max(0, Math.min(s.order.length, s.index + step));
      if (index === s.index) return {};
      const current = s.order[s.index];
      const skipped = new Set(s.skipped);
      if (current !== undefined) {
        if (skip) skipped.add(current);
        else if (step === 1) skipped.delete(current);
      }
      return { index, skipped, importanceArmed: false, last: null, timer: timerOnNextCard(s.timer) };
    }),
  setCompetitor: (competitorId) => set({ competitorId }),
  setArmed: (importanceArmed) => set({ importanceArmed }),
  typed: (last) => set({ last, importanceArmed: false }),
  setTimer: (timer) => set({ timer }),
}));
