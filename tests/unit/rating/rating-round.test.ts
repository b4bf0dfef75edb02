import { describe, expect, test } from 'vitest';
import { digitValue, TEN_WINDOW_MS } from '@shared/model/rating-digits';
import { ratedCount, roundCard, roundOrder } from '@shared/model/rating-round';
import { mapDoc } from '../../builders/map-doc';
import { openEditor } from '../../builders/editor';
import { roundIntent, type RoundKeyContext } from '../../../renderer/src/features/rating/round-keys';
import { rateInRound } from '../../../renderer/src/features/rating/round-edits';
import { clockText, newTimer, pauseTimer, startTimer, timeLeft, timerOnNextCard, toggleTimer } from '../../../renderer/src/features/rating/round-timer';
import { useRatingStore } from '../../../renderer/src/features/rating/rating-store';
import { asId } from '../../builders/ids';
import type { CompetitorId } from '@shared/model/types';

const clinic = () =>
  mapDoc('Clinic', { stages: ['Awareness', 'Purchase'], competitors: ['City Clinic'] })
    .touchpoint('Context ad', { channel: 'online', stage: 'Awareness', score: 4 })
    .touchpoint('Website', { channel: 'online', stage: 'Awareness' })
    .touchpoint('Reception', { channel: 'offline', stage: 'Purchase', score: 9 })
    .touchpoint('Phone booking', { channel: 'offline', stage: 'Purchase' })
    .chain('First visit', ['Context ad', 'Website', 'Phone booking', 'Website']);

describe('the "1 then 0" rule, shared by the outline and the round', () => {
  test('a 0 within the window after a 1 on the same target is 10 and replaces the 1; later, it is 0', () => {
    expect(digitValue('0', { digit: '1', at: 1000 }, 1000 + TEN_WINDOW_MS)).toEqual({ value: 10, replacesLast: true });
    expect(digitValue('0', { digit: '1', at: 1000 }, 1001 + TEN_WINDOW_MS)).toEqual({ value: 0, replacesLast: false });
    expect(digitValue('0', { digit: '2', at: 1000 }, 1100)).toEqual({ value: 0, replacesLast: false });
    expect(digitValue('7', null, 0)).toEqual({ value: 7, replacesLast: false });
  });
});

describe('the round’s order and card', () => {
  test('unrated touchpoints first, then the rated ones, each in map order', () => {
    const map = clinic();
    expect(roundOrder(map.build())).toEqual(['t-website', 't-phone-booking', 't-context-ad', 't-reception']);
  });

  test('a card names the stage, channel and every step of every chain the touchpoint is in', () => {
    const card = roundCard(clinic().build(), asId.topic('t-website'));
    expect(card).toMatchObject({ label: 'Website', stage: 'Awareness', channel: 'online', chains: [{ name: 'First visit', steps: [2, 4], length: 4 }] });
    expect(roundCard(clinic().build(), asId.topic('t-gone'))).toBeUndefined();
    expect(ratedCount(clinic().build(), roundOrder(clinic().build()))).toBe(2);
  });
});

describe('the round’s keys', () => {
  const ctx = (over: Partial<RoundKeyContext> = {}): RoundKeyContext => ({ id: 't-a', importanceArmed: false, last: null, now: 5000, ...over });

  test('a number key is our score, Shift+number (read by code, not by "!") the competitor’s, I then a number the importance', () => {
    expect(roundIntent({ code: 'Digit7' }, ctx())).toMatchObject({ type: 'rate', field: 'score', value: 7 });
    expect(roundIntent({ code: 'Numpad3' }, ctx())).toMatchObject({ type: 'rate', field: 'score', value: 3 });
    expect(roundIntent({ code: 'Digit6', shift: true }, ctx())).toMatchObject({ type: 'rate', field: 'competitor', value: 6 });
    expect(roundIntent({ code: 'KeyI' }, ctx())).toEqual({ type: 'armImportance' });
    expect(roundIntent({ code: 'Digit8' }, ctx({ importanceArmed: true }))).toMatchObject({ type: 'rate', field: 'importance', value: 8 });
  });

  test('1 then 0 is 10 on the field the 1 went to — score, competitor, or importance without a second I', () => {
    const last = (field: 'score' | 'competitor' | 'importance') => ({ id: 't-a', field, digit: '1', at: 4800 });
    expect(roundIntent({ code: 'Digit0' }, ctx({ last: last('score') }))).toMatchObject({ field: 'score', value: 10, replacesLast: true });
    expect(roundIntent({ code: 'Digit0', shift: true }, ctx({ last: last('competitor') }))).toMatchObject({ field: 'competitor', value: 10, replacesLast: true });
    expect(roundIntent({ code: 'Digit0' }, ctx({ last: last('importance') }))).toMatchObject({ field: 'importance', value: 10, replacesLast: true });
    // on another touchpoint, or too late, a 0 is our score 0
    expect(roundIntent({ code: 'Digit0' }, ctx({ last: { ...last('score'), id: 't-b' } }))).toMatchObject({ field: 'score', value: 0, replacesLast: false });
    expect(roundIntent({ code: 'Digit0' }, ctx({ last: last('importance'), now: 4800 + TEN_WINDOW_MS + 1 }))).toMatchObject({ field: 'score', value: 0 });
  });

  test('moving, skipping, the timer and leaving; Esc first cancels a pending I; Ctrl/Cmd keys are the app’s', () => {
    expect(roundIntent({ code: 'Enter' }, ctx())).toEqual({ type: 'next' });
    expect(roundIntent({ code: 'ArrowRight' }, ctx())).toEqual({ type: 'next' });
    expect(roundIntent({ code: 'ArrowLeft' }, ctx())).toEqual({ type: 'back' });
    expect(roundIntent({ code: 'KeyS' }, ctx())).toEqual({ type: 'skip' });
    expect(roundIntent({ code: 'KeyT' }, ctx())).toEqual({ type: 'timer' });
    expect(roundIntent({ code: 'Escape' }, ctx())).toEqual({ type: 'leave' });
    expect(roundIntent({ code: 'Escape' }, ctx({ importanceArmed: true }))).toEqual({ type: 'disarm' });
    expect(roundIntent({ code: 'KeyZ', mod: true }, ctx())).toEqual({ type: 'none' });
    expect(roundIntent({ code: 'Backspace' }, ctx())).toEqual({ type: 'ignore' });
  });
});

describe('ratings given in the round', () => {
  test('each is one undo step; "1 then 0" is one step that undoes to the value before the 1', () => {
    const editor = openEditor(clinic().build());
    const id = editor.id('Website');
    rateInRound(id, 'score', undefined, 6, false);
    rateInRound(id, 'score', undefined, 1, false);
    rateInRound(id, 'score', undefined, 10, true);
    expect(editor.topic('Website').score).toBe(10);
    expect(editor.undoSteps).toBe(2);
    editor.undo();
    expect(editor.topic('Website').score).toBe(6);
  });

  test('competitor score and importance land on their fields; importance 0 is refused with a notice and changes nothing', () => {
    const editor = openEditor(clinic().build());
    const id = editor.id('Website');
    const competitor = editor.doc.map.competitors[0]?.id as CompetitorId;
    rateInRound(id, 'competitor', competitor, 7, false);
    rateInRound(id, 'importance', undefined, 9, false);
    expect(editor.topic('Website')).toMatchObject({ competitorScores: { [competitor]: 7 }, importance: 9 });
    const before = editor.doc;
    expect(rateInRound(id, 'importance', undefined, 0, false)).toBe(false);
    editor.expectRefused(/importance/i, before);
  });
});

describe('the round’s walk and timer', () => {
  test('next, back and skip move through the fixed order; skipped touchpoints are remembered; leaving pauses the timer', () => {
    const store = useRatingStore.getState();
    expect(store.start(clinic().build())).toBe(true);
    useRatingStore.getState().go(1, true);
    useRatingStore.getState().go(1);
    expect(useRatingStore.getState().index).toBe(2);
    expect([...useRatingStore.getState().skipped]).toEqual(['t-website']);
    useRatingStore.getState().go(-1);
    expect(useRatingStore.getState().index).toBe(1);
    useRatingStore.getState().setTimer(newTimer('round', 600_000));
    useRatingStore.getState().setTimer(startTimer(useRatingStore.getState().timer, 1000));
    useRatingStore.getState().leave(61_000);
    expect(useRatingStore.getState()).toMatchObject({ open: false, timer: { runningSince: null, leftMs: 540_000 } });
  });

  test('coming back to a round left half-way on the same map resumes at the same touchpoint; a finished one starts afresh', () => {
    const doc = clinic().build();
    useRatingStore.setState({ mapId: undefined, order: [] });
    useRatingStore.getState().start(doc);
    useRatingStore.getState().go(1);
    useRatingStore.getState().leave(0);
    useRatingStore.getState().start(doc);
    expect(useRatingStore.getState()).toMatchObject({ open: true, index: 1 });
    for (let i = 0; i < 4; i++) useRatingStore.getState().go(1);
    useRatingStore.getState().leave(0);
    useRatingStore.getState().start(doc);
    expect(useRatingStore.getState().index).toBe(0);
  });

  test('a per-touchpoint countdown starts over (stopped) on the next touchpoint; a round countdown runs on', () => {
    const running = startTimer(newTimer('touchpoint', 60_000), 0);
    expect(timeLeft(running, 15_000)).toBe(45_000);
    expect(timerOnNextCard(pauseTimer(running, 15_000))).toMatchObject({ leftMs: 60_000, runningSince: null });
    const round = startTimer(newTimer('round', 600_000), 0);
    expect(timerOnNextCard(round)).toBe(round);
    expect(timeLeft(round, 700_000)).toBe(0);
    expect(toggleTimer(toggleTimer(round, 10_000), 20_000)).toMatchObject({ leftMs: 590_000, runningSince: 20_000 });
    expect([clockText(65_000), clockText(9_001), clockText(0)]).toEqual(['1:05', '0:10', '0:00']);
  });
});
