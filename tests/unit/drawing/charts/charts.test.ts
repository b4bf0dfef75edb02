/**
 * The analysis charts drawn from the document: each kind is a standalone SVG with real text in
 * the map's language; the weak link, unscored steps and the quadrants are marked by words and
 * shapes as well as colour; the matrix labels never overlap each other or a dot, measured with
 * the same text metrics as the canvas (so CJK labels get their real widths).
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { buildTemplate } from '@shared/templates';
import { LOCALES } from '@shared/model/types';
import { mapDoc } from '../../../builders/map-doc';
import { CHART_KINDS, chartScene, chartSvg, type ChartShape } from '../../../../renderer/src/drawing/charts';
import { placeLabels, overlaps } from '../../../../renderer/src/drawing/charts/label-placement';
import { LABEL_LIMIT } from '../../../../renderer/src/drawing/charts/priority-chart';
import { measureText } from '../../../../renderer/src/drawing/text-metrics';
import { DARK, LIGHT } from '../../../../renderer/src/drawing/theme';
import { asId } from '../../../builders/ids';

let seq = 0;
const newId = asId.maker((prefix) => `${prefix}-${(seq += 1)}`);
const template = (locale: (typeof LOCALES)[number]) => buildTemplate('clinic', { locale, newId, now: '2026-12-01T00:00:00.000Z' });
const texts = (shapes: readonly ChartShape[]) => shapes.flatMap((s) => (s.kind === 'text' ? [s.text] : []));

describe('chartSvg', () => {
  it.each(LOCALES)('draws every chart of the %s clinic template as a standalone SVG with real text', (locale) => {
    const doc = template(locale);
    for (const kind of CHART_KINDS) {
      const svg = chartSvg(kind, doc, { width: 720, height: 480, theme: 'light' });
      expect(svg.startsWith('<?xml')).toBe(true);
      expect(svg).toContain(`xml:lang="${locale}"`);
      expect(svg).toMatch(/<text [^>]*>[^<]+<\/text>/);
      expect(svg).not.toMatch(/<script|foreignObject|href=/i);
      if (process.env.CHART_PREVIEW) {
        mkdirSync('.tmp/charts', { recursive: true });
        writeFileSync(`.tmp/charts/${kind}-${locale}.svg`, svg);
        writeFileSync(`.tmp/charts/${kind}-${locale}-dark.svg`, chartSvg(kind, doc, { width: 720, height: 480, theme: 'dark' }));
      }
    }
  });

  it('paints the light or the dark theme as asked', () => {
    const doc = template('en');
    expect(chartSvg('distribution', doc, { width: 600, height: 400, theme: 'light' })).toContain(`fill="${LIGHT.surface}"`);
    expect(chartSvg('distribution', doc, { width: 600, height: 400, theme: 'dark' })).toContain(`fill="${DARK.surface}"`);
  });

  it('escapes a label that looks like markup', () => {
    const doc = mapDoc('Hostile', { stages: ['A'] }).touchpoint('<img src=x onerror=alert(1)>', { stage: 'A', channel: 'online', importance: 9, score: 1 }).build();
    const svg = chartSvg('priority', doc, { width: 600, height: 400, theme: 'light' });
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img');
  });
});

describe('the distribution heat map', () => {
  it('prints every count, the totals, and the unsorted touchpoints in a row of their own', () => {
    const doc = mapDoc('Shop', { stages: ['Before', 'After'] })
      .touchpoint('Ad', { stage: 'Before', channel: 'online' })
      .touchpoint('Sign', { stage: 'Before', channel: 'offline' })
      .touchpoint('Flyer', { stage: 'Before', channel: 'offline' })
      .touchpoint('Loose', {})
      .build();
    const words = texts(chartScene('distribution', doc, { width: 600, height: 400, theme: 'light' }).shapes);
    expect(words).toEqual(expect.arrayContaining(['Before', 'After', 'No stage', 'Online', 'Offline', 'No channel', 'Total', '2', '4']));
  });
});

describe('the scores chart', () => {
  it('names the worst gap first with its signed number, and counts the score bands', () => {
    const doc = mapDoc('Clinic', { stages: ['Visit'], competitors: ['City'] })
      .touchpoint('Reception', { stage: 'Visit', score: 2, competitors: { City: 8 } })
      .touchpoint('Doctor', { stage: 'Visit', score: 9, competitors: { City: 6 } })
      .build();
    const words = texts(chartScene('scores', doc, { width: 700, height: 520, theme: 'light' }).shapes);
    const first = words.indexOf('Reception');
    expect(first).toBeGreaterThan(-1);
    expect(first).toBeLessThan(words.indexOf('Doctor'));
    expect(words).toContain('−6 (2:8)');
    expect(words).toContain('+3 (9:6)');
    expect(words).toContain('n=2');
  });
});

describe('the journey curves', () => {
  const doc = mapDoc('Clinic', { stages: ['Visit'] })
    .touchpoint('Ad', { score: 8 })
    .touchpoint('Call', {})
    .touchpoint('Reception', { score: 2 })
    .chain('First visit', ['Ad', 'Call', 'Reception'])
    .build();
  const scene = chartScene('journeys', doc, { width: 700, height: 360, theme: 'light' });

  it('marks the weak link with words and a ring, and flags the unscored step', () => {
    const words = texts(scene.shapes);
    expect(words).toContain('weak link');
    expect(words).toContain('not scored');
    expect(words).toContain('?');
    expect(scene.shapes.some((s) => s.kind === 'circle' && s.stroke === LIGHT.awful)).toBe(true);
  });

  it('breaks our line at the unscored step instead of drawing it through zero', () => {
    const line = scene.shapes.find((s): s is Extract<ChartShape, { kind: 'path' }> => s.kind === 'path' && s.stroke === LIGHT.accent && s.strokeWidth === 2.5);
    expect(line?.d.match(/M/g)).toHaveLength(2);
  });

  it('says so when the map has no chains', () => {
    expect(texts(chartScene('journeys', mapDoc('None').build(), { width: 500, height: 300, theme: 'light' }).shapes)).toContain('No journeys yet');
  });
});

describe('the priority matrix', () => {
  it('names the four quadrants and makes each rated touchpoint a target', () => {
    const doc = template('ja');
    const scene = chartScene('priority', doc, { width: 800, height: 600, theme: 'light' });
    const words = texts(scene.shapes);
    expect(words).toEqual(expect.arrayContaining(['最優先で改善', '維持', '注視', '過剰投資']));
    const rated = Object.values(doc.topics).filter((t) => t.parentId !== null && doc.topics[t.parentId]?.parentId === null && t.importance !== undefined && t.score !== undefined);
    expect(scene.targets).toHaveLength(rated.length);
  });

  it('places labels of a crowded cluster without overlaps, each clear of every dot', () => {
    const label = '予約フォームの確認メール';
    const requests = Array.from({ length: 12 }, (_, i) => ({ id: `d${i}`, x: 200 + (i % 4) * 6, y: 150 + Math.floor(i / 4) * 6, r: 6, width: measureText(label, 11) + 4, height: 14 }));
    const { placed, unplaced } = placeLabels(requests, { x: 0, y: 0, width: 500, height: 320 });
    expect(placed.length + unplaced.length).toBe(12);
    expect(placed.length).toBeGreaterThanOrEqual(8);
    for (const a of placed) {
      for (const b of placed) if (a !== b) expect(overlaps(a.box, b.box)).toBe(false);
      for (const d of requests) expect(overlaps(a.box, { x: d.x - d.r, y: d.y - d.r, width: 2 * d.r, height: 2 * d.r })).toBe(false);
    }
    // those pushed away from their dot are joined to it by a leader line
    expect(placed.some((p) => p.leader !== null)).toBe(true);
  });

  it('labels the most pressing dots of a crowded matrix and says how many more there are', () => {
    const map = mapDoc('Big', { stages: ['A'] });
    for (let i = 0; i < 600; i += 1) map.touchpoint(`Touchpoint ${i}`, { stage: 'A', importance: 1 + (i % 10), score: i % 11 });
    const scene = chartScene('priority', map.build(), { width: 800, height: 600, theme: 'light' });
    expect(scene.targets).toHaveLength(600);
    const labels = texts(scene.shapes).filter((w) => w.startsWith('Touchpoint'));
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.length).toBeLessThanOrEqual(LABEL_LIMIT);
    expect(texts(scene.shapes)).toContainEqual(expect.stringContaining(`${600 - LABEL_LIMIT} more dots without a label`));
  });

  it('measures CJK labels wider than Latin ones of the same length', () => {
    expect(measureText('予約フォーム', 11)).toBeGreaterThan(measureText('booking', 11));
  });
});
