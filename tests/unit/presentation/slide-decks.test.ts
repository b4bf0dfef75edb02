/**
 * The slides drawn: a stage's slide brings its two halves together, a chain's slide shows its walk
 * alone with the weak link ringed, the PDF deck is one 16:9 page a slide with its words as text,
 * the presenter's keys are the ones clickers send, and the decks' files are named apart from the
 * map's own PDF.
 */
import { describe, expect, it } from 'vitest';
import { buildTemplate } from '@shared/templates';
import type { ChainId, MapDoc, StageId, TopicId } from '@shared/model/types';
import { deckOf, type Slide } from '@shared/model/presentation';
import { removeStage, setPresentationSlides } from '@shared/model/commands';
import { slideWords } from '@shared/templates/slide-words';
import { exportFileName } from '@shared/export-cli';
import { mindModelFor } from '../../../renderer/src/drawing/mind-model';
import { stageLayout } from '../../../renderer/src/features/export/visual/stage-scope';
import { chainLayout, chartSlideSize, closeSides, slidePicture, STAGE_SIDES_GAP } from '../../../renderer/src/features/export/visual/slides/slide-picture';
import { buildDeckPrint } from '../../../renderer/src/features/export/visual/slides/deck-pdf';
import { actionPages, deckPageCount, fitInto, ACTION_ROWS_PER_SLIDE, BODY_BOX } from '../../../renderer/src/features/export/visual/slides/deck-layout';
import { slideKeyAction } from '../../../renderer/src/features/present/slide-keys';
import { asId } from '../../builders/ids';

function clinic(): MapDoc {
  let id = 0;
  return buildTemplate('clinic', { locale: 'en', newId: asId.maker((prefix) => `${prefix}-${++id}`), now: '2026-01-01T00:00:00.000Z' });
}
const EN = slideWords('en');
const only = <K extends Slide['kind']>(deck: readonly Slide[], kind: K) => deck.filter((s): s is Extract<Slide, { kind: K }> => s.kind === kind);

describe('a stage’s slide', () => {
  it('brings the stage’s offline and online halves together, each drawn as on the map', () => {
    const doc = clinic();
    const layout = mindModelFor(doc, 'channel-stage').layout;
    const stage = doc.map.stages[0]?.id as StageId;
    const part = stageLayout(layout, stage);
    if (!part) throw new Error('the clinic’s first stage has touchpoints');
    const close = closeSides(part);
    const sides = (l: typeof part) => ({ left: l.nodes.filter((n) => n.side === 'left'), right: l.nodes.filter((n) => n.side !== 'left') });
    const { left, right } = sides(close);
    expect(left.length).toBeGreaterThan(0);
    expect(right.length).toBeGreaterThan(0);
    const leftEdge = Math.max(...left.map((n) => n.x + n.width));
    expect(Math.min(...right.map((n) => n.x)) - leftEdge).toBeCloseTo(STAGE_SIDES_GAP, 5);
    expect(close.bounds.width).toBeLessThan(part.bounds.width);
    // a side moves as a whole: its nodes keep their places relative to one another
    const before = sides(part).left;
    expect(left[0]!.x - left[1]!.x).toBeCloseTo(before[0]!.x - before[1]!.x, 5);
  });
});

describe('a chain’s slide', () => {
  it('shows the chain’s steps and the nodes they hang from, nothing else', () => {
    const doc = clinic();
    const layout = mindModelFor(doc, 'channel-stage').layout;
    const chain = doc.chains[doc.chainOrder[1] as ChainId]!;
    const part = chainLayout(layout, chain.steps)!;
    const ids = new Set(part.nodes.map((n) => n.id));
    for (const step of chain.steps) expect(ids.has(step)).toBe(true);
    const topics = part.nodes.filter((n) => n.topicId !== undefined && doc.topics[n.topicId]?.parentId !== null);
    expect(topics.every((n) => chain.steps.includes(n.topicId as TopicId))).toBe(true);
    expect(part.nodes.length).toBeLessThan(layout.nodes.length);
    expect(chainLayout(layout, ['t-nowhere'])).toBeNull();
  });

  it('draws that chain alone, its weak link tagged', () => {
    const doc = clinic();
    const [first, second] = only(deckOf(doc, EN), 'chain');
    const parts = slidePicture(doc, first!, { background: 'white' })!;
    expect(parts.body).toContain('tm-chain-arrow-0');
    expect(parts.defs).not.toContain('tm-chain-arrow-1');
    expect(parts.text).toMatch(/weak link/i);
    expect(slidePicture(doc, second!, { background: 'dark' })?.backgroundColor).not.toBe('#ffffff');
    expect(slidePicture(doc, only(deckOf(doc, EN), 'actions')[0]!, { background: 'white' })).toBeNull();
  });
});

describe('the PDF deck', () => {
  const print = (doc: MapDoc) => {
    const deck = deckOf(doc, EN);
    return { deck, print: buildDeckPrint(doc, deck, deck.map((slide) => slidePicture(doc, slide, { background: 'white' }))) };
  };

  it('is one 16:9 page a slide, titles and the action plan as text, in the map’s words', () => {
    const doc = clinic();
    const { deck, print: out } = print(doc);
    expect(out.pages).toBe(deck.length);
    expect(out.widthIn / out.heightIn).toBeCloseTo(16 / 9, 2);
    expect(out.html).toContain('@page { size: 13.333in 7.5in; margin: 0; }');
    expect(out.html.match(/<section class="page">/g)).toHaveLength(deck.length);
    expect(out.html.match(/<h1 class="title"/g)).toHaveLength(deck.length);
    expect(out.html).toContain('>Action plan</h1>');
    expect(out.html).toContain('<td>Rewrite the ad around the free diagnosis</td>');
    expect(out.html).toContain(`${deck.length} / ${deck.length}`);
    expect(out.job.pageSize).toEqual({ widthInches: 13.333, heightInches: 7.5 });
  });

  it('escapes what the map says and skips a slide whose stage was deleted', () => {
    const base = clinic();
    const stage = base.map.stages[1]!.id;
    let doc = setPresentationSlides(base, [{ kind: 'stage', stageId: stage }, { kind: 'map' }]);
    doc = { ...doc, map: { ...doc.map, title: '<script>alert(1)</script>' } };
    doc = removeStage(doc, stage, null);
    const { print: out } = print(doc);
    expect(out.pages).toBe(1);
    expect(out.html).not.toContain('<script>');
    expect(out.html).toContain('&lt;script&gt;');
  });

  it('continues a long action plan on further pages', () => {
    expect(actionPages([])).toEqual([[]]);
    const rows = Array.from({ length: ACTION_ROWS_PER_SLIDE * 2 + 1 }, (_, i) => i);
    expect(actionPages(rows).map((page) => page.length)).toEqual([ACTION_ROWS_PER_SLIDE, ACTION_ROWS_PER_SLIDE, 1]);
    const doc = clinic();
    const deck = deckOf(doc, EN);
    expect(deckPageCount(deck)).toBe(deck.length);
  });

  it('fits a picture into the slide’s body, centred, its shape kept', () => {
    const wide = fitInto(2000, 500, BODY_BOX);
    expect(wide.width).toBeCloseTo(BODY_BOX.width);
    expect(wide.width / wide.height).toBeCloseTo(4);
    expect(wide.y - BODY_BOX.y).toBeCloseTo(BODY_BOX.y + BODY_BOX.height - (wide.y + wide.height));
  });

  it('is named apart from the map’s own PDF', () => {
    expect(exportFileName('Clinic', 'pdf')).toBe('Clinic.pdf');
    expect(exportFileName('Clinic', 'slides-pdf')).toBe('Clinic slides.pdf');
    expect(exportFileName('Clinic', 'slides-pptx')).toBe('Clinic slides.pptx');
  });
});

describe('the presenter’s keys', () => {
  const key = (k: string, extra: Partial<{ shiftKey: boolean; ctrlKey: boolean }> = {}) => slideKeyAction({ key: k, shiftKey: false, ...extra });

  it('step forward with →, Page Down (a clicker) and Space; back with ←, Page Up and Shift+Space', () => {
    expect(['ArrowRight', 'PageDown', ' '].map((k) => key(k))).toEqual(['next', 'next', 'next']);
    expect(['ArrowLeft', 'PageUp'].map((k) => key(k))).toEqual(['previous', 'previous']);
    expect(key(' ', { shiftKey: true })).toBe('previous');
  });

  it('jump with Home and End, black the screen with B or ., and leave other keys and shortcuts alone', () => {
    expect([key('Home'), key('End'), key('b'), key('B'), key('.')]).toEqual(['first', 'last', 'black', 'black', 'black']);
    expect(key('x')).toBeNull();
    expect(key('ArrowRight', { ctrlKey: true })).toBeNull();
  });
});

describe('a chart’s slide', () => {
  const withCharts = (doc: MapDoc) => setPresentationSlides(doc, [{ kind: 'chart', chart: 'priority' }, { kind: 'chart', chart: 'scores' }, { kind: 'chart', chart: 'distribution' }, { kind: 'chart', chart: 'journeys' }]);

  it('is the analysis chart, its title and axis words as text, in the room’s theme', () => {
    const doc = withCharts(clinic());
    const [priority, scores, distribution, journeys] = only(deckOf(doc, EN), 'chart');
    const light = slidePicture(doc, priority!, { background: 'white' })!;
    expect(light).not.toBeNull();
    expect(light.body).toContain('>Priority: importance × our score</text>');
    expect(light.body).toContain('>Importance</text>');
    expect(light.body).toContain('>Our score</text>');
    expect(light.body).toContain('>Fix first</text>');
    expect(light.text).toContain('Importance');
    // the slide's own background shows through; the font is named for a standalone file
    expect(light.backgroundColor).toBeNull();
    expect(light.body).toMatch(/^<g font-family="[^"]*Noto Sans/);
    const dark = slidePicture(doc, priority!, { background: 'dark' })!;
    expect(dark.body).not.toBe(light.body);
    expect(slidePicture(doc, scores!, { background: 'white' })?.body).toContain('>Average score by stage and channel</text>');
    expect(slidePicture(doc, distribution!, { background: 'white' })?.text).toContain(doc.map.stages[0]!.name);
    expect(slidePicture(doc, journeys!, { background: 'white' })?.text).toContain(doc.chains[doc.chainOrder[0]!]!.name);
  });

  it('is drawn small enough that its type comes out large on the slide, and tall enough for every stage and chain', () => {
    const doc = clinic();
    const priority = chartSlideSize('priority', doc);
    // fitted into the body box of a 1280 px projector (about 1200 px wide), 11 px labels read at 17 px or more
    expect(Math.min(1200 / priority.width, (BODY_BOX.height / BODY_BOX.width) * 1200 / priority.height) * 11).toBeGreaterThanOrEqual(17);
    const manyStages = { ...doc, map: { ...doc.map, stages: Array.from({ length: 14 }, (_, i) => ({ ...doc.map.stages[0]!, id: asId.stage(`s-${i}`), name: `Stage ${i}` })) } };
    expect(chartSlideSize('distribution', manyStages).height).toBeGreaterThan(chartSlideSize('distribution', doc).height);
  });

  it('prints in the PDF deck as the chart, its words as text', () => {
    const doc = withCharts(clinic());
    const deck = deckOf(doc, EN);
    const out = buildDeckPrint(doc, deck, deck.map((slide) => slidePicture(doc, slide, { background: 'white' })));
    expect(out.pages).toBe(4);
    expect(out.html.match(/<svg class="picture"/g)).toHaveLength(4);
    expect(out.html).toContain('>Priorities</h1>');
    expect(out.html).toContain('>Importance</text>');
  });
});
