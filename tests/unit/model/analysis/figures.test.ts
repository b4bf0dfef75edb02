/**
 * The analysis figures of a map — distribution, scores, the priority matrix, journey curves and
 * the fix-first list — on the same clinic map written in English, Russian, Korean and Japanese
 * (the figures must not depend on the script), and on the edge cases a workshop starts with:
 * nothing rated, one stage, chains without steps.
 */
import { describe, expect, it } from 'vitest';
import { mapDoc } from '../../../builders/map-doc';
import { stageChannelDistribution } from '@shared/model/analysis/distribution';
import { competitorGaps, scoreAverages, scoreBandCounts } from '@shared/model/analysis/scores';
import { PRIORITY_THRESHOLDS, priorityMatrix, quadrantOf } from '@shared/model/analysis/priority';
import { journeyCurves } from '@shared/model/analysis/journeys';
import { fixFirstWithoutAction } from '@shared/model/analysis/fix-first';
import type { Locale } from '@shared/model/types';
import { asId } from '../../../builders/ids';

interface Words {
  readonly stages: readonly [string, string, string];
  readonly rival: string;
  readonly tp: readonly [string, string, string, string, string, string];
  readonly chain: string;
}

const WORDS: Record<Locale, Words> = {
  en: { stages: ['Awareness', 'Purchase', 'Loyalty'], rival: 'City Clinic', tp: ['Context ad', 'Website', 'Reception', 'Doctor', 'Review', 'Leaflet'], chain: 'First visit' },
  ru: { stages: ['Осведомлённость', 'Покупка', 'Лояльность'], rival: 'Городская клиника', tp: ['Контекстная реклама', 'Сайт', 'Регистратура', 'Врач', 'Отзыв', 'Листовка'], chain: 'Первый визит' },
  ko: { stages: ['인지', '구매', '충성'], rival: '시티 클리닉', tp: ['검색 광고', '웹사이트', '접수', '의사', '후기', '전단지'], chain: '첫 방문' },
  ja: { stages: ['認知', '購入', 'ロイヤルティ'], rival: 'シティクリニック', tp: ['リスティング広告', 'ウェブサイト', '受付', '医師', 'レビュー', 'チラシ'], chain: '初診' },
};

/** The clinic: six touchpoints over three stages, one with neither stage nor channel. */
function clinic(locale: Locale) {
  const w = WORDS[locale];
  const [ad, site, reception, doctor, review, leaflet] = w.tp;
  return mapDoc('Clinic', { locale, stages: [...w.stages], competitors: [w.rival] })
    .touchpoint(ad, { channel: 'online', stage: w.stages[0], importance: 4, score: 9, competitors: { [w.rival]: 5 } })
    .touchpoint(site, { channel: 'online', stage: w.stages[0], importance: 8, score: 7, competitors: { [w.rival]: 9 } })
    .detail(`${site} — form`, { score: 0 })
    .touchpoint(reception, { channel: 'offline', stage: w.stages[1], importance: 9, score: 2, competitors: { [w.rival]: 8 } })
    .touchpoint(doctor, { channel: 'offline', stage: w.stages[1], importance: 10, score: 4, action: { what: 'Shorter waits', status: 'todo' } })
    .touchpoint(review, { channel: 'online', stage: w.stages[2], importance: 3, score: 3 })
    .touchpoint(leaflet, {})
    .chain(w.chain, [ad, site, reception, leaflet, doctor]);
}

describe.each(['en', 'ru', 'ko', 'ja'] as const)('the analysis of a %s map', (locale) => {
  const w = WORDS[locale];
  const builder = clinic(locale);
  const doc = builder.build();
  const [ad, site, reception, doctor, review, leaflet] = w.tp;

  it('counts touchpoints per stage and channel, details left out and the unsorted apart', () => {
    const d = stageChannelDistribution(doc);
    expect(d.rows.map((r) => [r.name, r.counts.online, r.counts.offline, r.counts.none, r.total])).toEqual([
      [w.stages[0], 2, 0, 0, 2],
      [w.stages[1], 0, 2, 0, 2],
      [w.stages[2], 1, 0, 0, 1],
      ['', 0, 0, 1, 1],
    ]);
    expect(d.rows.at(-1)?.stageId).toBeNull();
    expect(d.perChannel).toEqual({ online: 3, offline: 2, none: 1 });
    expect(d.total).toBe(6);
    expect(d.maxCell).toBe(2);
  });

  it('averages our and the competitor’s scores per stage and channel, saying how many scores each is made of', () => {
    const a = scoreAverages(doc);
    expect(a.byStage.map((g) => [g.name, g.ours, g.competitors[0]?.name, g.competitors[0]?.mean, g.competitors[0]?.n])).toEqual([
      [w.stages[0], { mean: 8, n: 2 }, w.rival, 7, 2],
      [w.stages[1], { mean: 3, n: 2 }, w.rival, 8, 1],
      [w.stages[2], { mean: 3, n: 1 }, w.rival, undefined, 0],
    ]);
    expect(a.byChannel.map((g) => [g.key, g.ours.mean, g.ours.n])).toEqual([
      ['online', (9 + 7 + 3) / 3, 3],
      ['offline', 3, 2],
    ]);
  });

  it('lists each gap to the competitor worst first', () => {
    expect(competitorGaps(doc).map((g) => [g.label, g.ours, g.theirs, g.gap])).toEqual([
      [reception, 2, 8, -6],
      [site, 7, 9, -2],
      [ad, 9, 5, 4],
    ]);
  });

  it('counts wow, OK and awful touchpoints by the wow scale’s bands, the unrated apart', () => {
    expect(scoreBandCounts(doc)).toEqual({ wow: 1, ok: 2, awful: 2, unrated: 1 });
  });

  it('places each rated touchpoint in a quadrant by the stated thresholds', () => {
    const m = priorityMatrix(doc);
    expect(m.points.map((p) => [p.label, p.quadrant])).toEqual([
      [ad, 'over-invested'],
      [site, 'keep'],
      [reception, 'fix-first'],
      [doctor, 'fix-first'],
      [review, 'watch'],
    ]);
    expect(m.unplaced).toBe(1);
    expect(m.thresholds).toBe(PRIORITY_THRESHOLDS);
  });

  it('draws the chain as a curve with its weak link and the unscored step flagged', () => {
    const [curve] = journeyCurves(doc);
    expect(curve?.name).toBe(w.chain);
    expect(curve?.steps.map((s) => [s.label, s.ours, s.competitors[builder.ids.competitor(w.rival)], s.unscored])).toEqual([
      [ad, 9, 5, false],
      [site, 7, 9, false],
      [reception, 2, 8, false],
      [leaflet, undefined, undefined, true],
      [doctor, 4, undefined, false],
    ]);
    expect(curve?.weakLink).toEqual({ index: 2, topicId: builder.ids.topic(reception), score: 2 });
    expect(curve?.unscored).toBe(1);
  });

  it('lists the fix-first touchpoints that have no action, the most important first', () => {
    expect(fixFirstWithoutAction(doc).map((t) => t.label)).toEqual([reception]);
  });
});

describe('the analysis at the edges', () => {
  it('of a map with nothing rated: zero counts, no averages, no gaps, nothing on the matrix', () => {
    const doc = mapDoc('Blank', { stages: ['Awareness'], competitors: ['Rival'] }).touchpoint('Website', { channel: 'online', stage: 'Awareness' }).build();
    expect(scoreAverages(doc).byStage[0]?.ours).toEqual({ mean: undefined, n: 0 });
    expect(scoreAverages(doc).byStage[0]?.competitors[0]).toMatchObject({ mean: undefined, n: 0 });
    expect(competitorGaps(doc)).toEqual([]);
    expect(scoreBandCounts(doc)).toEqual({ wow: 0, ok: 0, awful: 0, unrated: 1 });
    expect(priorityMatrix(doc)).toMatchObject({ points: [], unplaced: 1 });
    expect(fixFirstWithoutAction(doc)).toEqual([]);
  });

  it('of a map with one stage and no touchpoints: one empty row and the unsorted row', () => {
    const d = stageChannelDistribution(mapDoc('Empty', { stages: ['Only'] }).build());
    expect(d.rows.map((r) => [r.name, r.total])).toEqual([['Only', 0], ['', 0]]);
    expect(d).toMatchObject({ total: 0, maxCell: 0 });
  });

  it('of chains without steps: a curve with no steps and no weak link', () => {
    const doc = mapDoc('Chains', { stages: ['Awareness'] }).touchpoint('Website', { score: 5 }).chain('Empty', []).build();
    expect(journeyCurves(doc)).toEqual([{ chainId: expect.any(String), name: 'Empty', steps: [], weakLink: undefined, unscored: 0 }]);
  });

  it('counts a touchpoint whose stage the map no longer has as unsorted, and averages it apart', () => {
    const doc = mapDoc('Lost', { stages: ['Awareness'] }).touchpoint('Website', { channel: 'online', stageId: asId.stage('s-gone'), score: 8 }).build();
    expect(stageChannelDistribution(doc).rows.at(-1)?.counts.online).toBe(1);
    expect(scoreAverages(doc).byStage.map((g) => [g.key, g.ours.n])).toEqual([['s-awareness', 0], [null, 1]]);
  });

  it('puts the thresholds on the quadrant edges: importance 6 is important, score 6 is high', () => {
    expect(quadrantOf(6, 5)).toBe('fix-first');
    expect(quadrantOf(6, 6)).toBe('keep');
    expect(quadrantOf(5, 5)).toBe('watch');
    expect(quadrantOf(5, 6)).toBe('over-invested');
  });

  it('treats an action with nothing written in it as no action', () => {
    const doc = mapDoc('Blank action').touchpoint('Reception', { importance: 9, score: 1, action: { what: '  ', status: 'todo' } }).build();
    expect(fixFirstWithoutAction(doc).map((t) => t.label)).toEqual(['Reception']);
  });
});
