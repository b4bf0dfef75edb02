/**
 * Before and after: two states of one map compared — touchpoints added and removed, scores up
 * and down and by how much, improvement actions added and completed, per-stage totals — in every
 * language a map is written in.
 */
import { describe, expect, it } from 'vitest';
import { compareMaps, comparisonBadge, signed } from '@shared/model/analysis/compare';
import type { Locale } from '@shared/model/types';
import { mapDoc } from '../../builders/map-doc';
import { asId } from '../../builders/ids';

interface Words {
  readonly locale: Locale;
  readonly title: string;
  readonly stages: readonly [string, string];
  readonly rival: string;
  /** site, ad, chat, card */
  readonly labels: readonly [string, string, string, string];
}

const LANGUAGES: readonly Words[] = [
  { locale: 'en', title: 'Clinic', stages: ['Awareness', 'Purchase'], rival: 'City Clinic', labels: ['Website', 'Context ad', 'Online chat', 'Patient card'] },
  { locale: 'ru', title: 'Клиника', stages: ['Осведомлённость', 'Покупка'], rival: 'Городская клиника', labels: ['Сайт клиники', 'Контекстная реклама', 'Онлайн-чат', 'Карта пациента'] },
  { locale: 'ko', title: '클리닉', stages: ['인지', '구매'], rival: '시티 클리닉', labels: ['웹사이트', '검색 광고', '온라인 채팅', '환자 카드'] },
  { locale: 'ja', title: 'クリニック', stages: ['認知', '購入'], rival: 'シティクリニック', labels: ['ウェブサイト', 'リスティング広告', 'オンラインチャット', '診察券'] },
];

/** The map before the workshop, and months later: the ad removed, the chat added, the site and card re-rated. */
function beforeAndAfter(w: Words) {
  const [site, ad, chat, card] = w.labels;
  const [aware, buy] = w.stages;
  const options = { locale: w.locale, stages: [...w.stages], competitors: [w.rival] };
  const before = mapDoc(w.title, options)
    .touchpoint(site, { id: 't-site', channel: 'online', stage: aware, score: 4, importance: 8, competitors: { [w.rival]: 7 }, action: { what: 'Faster pages', status: 'todo' } })
    .touchpoint(ad, { id: 't-ad', channel: 'online', stage: aware, score: 3 })
    .touchpoint(card, { id: 't-card', channel: 'offline', stage: buy, score: 9, importance: 5 })
    .build();
  const after = mapDoc(w.title, options)
    .touchpoint(site, { id: 't-site', channel: 'online', stage: aware, score: 6, importance: 9, competitors: { [w.rival]: 5 }, action: { what: 'Faster pages', status: 'done' } })
    .touchpoint(chat, { id: 't-chat', channel: 'online', stage: aware, score: 7, action: { what: 'Answer in a minute', status: 'todo' } })
    .touchpoint(card, { id: 't-card', channel: 'offline', stage: buy, score: 6, importance: 5 })
    .build();
  return { before, after };
}

describe.each(LANGUAGES)('comparing two states of a map ($locale)', (w) => {
  const [site, ad, chat, card] = w.labels;
  const { before, after } = beforeAndAfter(w);
  const diff = compareMaps(before, after);

  it('counts what was added, removed, rated up and down, and the actions', () => {
    expect(diff).toMatchObject({ added: 1, removed: 1, scoresUp: 1, scoresDown: 1, actionsCompleted: 1, actionsAdded: 1 });
  });

  it('groups the changes by stage, in the map’s order, with each stage’s totals before and after', () => {
    expect(diff.stages.map((s) => [s.name, s.touchpoints.map((t) => [t.label, t.change])])).toEqual([
      [w.stages[0], [[site, 'changed'], [chat, 'added'], [ad, 'removed']]],
      [w.stages[1], [[card, 'changed']]],
    ]);
    expect(diff.stages[0]).toMatchObject({ before: { touchpoints: 2, averageScore: 3.5, actionsDone: 0 }, after: { touchpoints: 2, averageScore: 6.5, actionsDone: 1 } });
    expect(diff.stages[1]).toMatchObject({ before: { touchpoints: 1, averageScore: 9 }, after: { touchpoints: 1, averageScore: 6 } });
  });

  it('says by how much each rating moved: ours, importance and the competitor’s', () => {
    expect(diff.byTouchpoint.get(asId.topic('t-site'))).toEqual({
      id: 't-site',
      label: site,
      change: 'changed',
      channel: 'online',
      action: 'completed',
      ratings: [
        { kind: 'score', before: 4, after: 6, delta: 2 },
        { kind: 'importance', before: 8, after: 9, delta: 1 },
        { kind: 'competitor', competitorId: expect.any(String), competitor: w.rival, before: 7, after: 5, delta: -2 },
      ],
    });
    expect(diff.byTouchpoint.get(asId.topic('t-card'))?.ratings).toEqual([{ kind: 'score', before: 9, after: 6, delta: -3 }]);
    expect(diff.byTouchpoint.get(asId.topic('t-chat'))).toMatchObject({ change: 'added', action: 'added' });
  });

  it('badges the later map’s touchpoints: new, +2, −3', () => {
    expect(comparisonBadge(diff.byTouchpoint.get(asId.topic('t-chat')))).toEqual({ tone: 'new', text: 'new' });
    expect(comparisonBadge(diff.byTouchpoint.get(asId.topic('t-site')))).toEqual({ tone: 'up', text: '+2' });
    expect(comparisonBadge(diff.byTouchpoint.get(asId.topic('t-card')))).toEqual({ tone: 'down', text: '−3' });
    expect(comparisonBadge(diff.byTouchpoint.get(asId.topic('t-ad')))).toBeNull();
  });
});

describe('comparing', () => {
  it('finds nothing between a map and itself', () => {
    const { before } = beforeAndAfter(LANGUAGES[0]!);
    const diff = compareMaps(before, before);
    expect(diff).toMatchObject({ added: 0, removed: 0, scoresUp: 0, scoresDown: 0, actionsCompleted: 0, actionsAdded: 0 });
    expect(diff.stages.every((s) => s.touchpoints.length === 0)).toBe(true);
    expect(diff.byTouchpoint.size).toBe(0);
  });

  it('keeps a score set or cleared without a delta, and a touchpoint moved out of every stage under "no stage"', () => {
    const before = mapDoc('Clinic', { stages: ['Awareness'] }).touchpoint('Website', { channel: 'online', stage: 'Awareness' }).touchpoint('Sign', { score: 5 }).build();
    const after = mapDoc('Clinic', { stages: ['Awareness'] }).touchpoint('Website', { channel: 'online', stage: 'Awareness', score: 8 }).touchpoint('Sign').build();
    const diff = compareMaps(before, after);
    expect(diff.byTouchpoint.get(asId.topic('t-website'))?.ratings).toEqual([{ kind: 'score', after: 8 }]);
    expect(diff.byTouchpoint.get(asId.topic('t-sign'))?.ratings).toEqual([{ kind: 'score', before: 5 }]);
    expect(diff.stages.map((s) => s.stageId)).toEqual(['s-awareness', null]);
    expect(diff.scoresUp + diff.scoresDown).toBe(0);
    expect(comparisonBadge(diff.byTouchpoint.get(asId.topic('t-website')))).toBeNull();
  });

  it('writes changes with a real minus sign', () => {
    expect([signed(2), signed(-3), signed(0)]).toEqual(['+2', '−3', '0']);
  });
});
