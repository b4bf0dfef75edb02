import { describe, expect, it } from 'vitest';
import {
  availableSlides,
  clampPosition,
  deckOf,
  defaultSlides,
  litStep,
  nextPosition,
  pickerRows,
  previousPosition,
  slideKey,
  type DeckPosition,
  type Slide,
} from '@shared/model/presentation';
import { deleteChain, removeStage, renameStage, setPresentationSlides } from '@shared/model/commands';
import { restoreMapDoc } from '@shared/model/restore';
import { parseTouchmapFile, remapForImport, serializeTouchmapFile } from '@shared/file-format';
import { slideWords } from '@shared/templates/slide-words';
import type { MapDoc } from '@shared/model/types';
import { mapDoc } from '../../builders/map-doc';
import { openEditor } from '../../builders/editor';
import { asId } from '../../builders/ids';

const EN = slideWords('en');

function clinic() {
  return mapDoc('Clinic', { stages: ['Awareness', 'Purchase'] })
    .touchpoint('Context ad', { channel: 'online', stage: 'Awareness', score: 6, action: { what: 'Rewrite the ad', owner: 'Marketing', due: '2026-12-15', status: 'todo' } })
    .touchpoint('Website', { channel: 'online', stage: 'Awareness', score: 3 })
    .touchpoint('Reception', { channel: 'offline', stage: 'Purchase', score: 8, action: { what: 'Greet by name', status: 'doing' } })
    .chain('First visit', ['Context ad', 'Website', 'Reception'])
    .chain('Check-up', ['Reception']);
}

const titles = (deck: readonly Slide[]) => deck.map((slide) => slide.title);

describe('the default deck', () => {
  it('is the map, each stage in map order, each chain in order, then the action plan', () => {
    const doc = clinic().build();
    expect(defaultSlides(doc).map(slideKey)).toEqual(['map', 'stage:s-awareness', 'stage:s-purchase', 'chain:j-first-visit', 'chain:j-check-up', 'actions']);
    expect(titles(deckOf(doc, EN))).toEqual(['Clinic', 'Awareness', 'Purchase', 'First visit', 'Check-up', 'Action plan']);
  });

  it('titles slides in the map’s words: a renamed stage renames its slide', () => {
    const doc = renameStage(clinic().build(), asId.stage('s-awareness'), 'Finding us');
    expect(titles(deckOf(doc, EN))[1]).toBe('Finding us');
  });

  it('offers the charts in the picker, unticked, after the chosen slides', () => {
    const doc = clinic().build();
    expect(availableSlides(doc).filter((ref) => ref.kind === 'chart').map(slideKey)).toEqual(['chart:distribution', 'chart:scores', 'chart:priority', 'chart:journeys']);
    const rows = pickerRows(setPresentationSlides(doc, [{ kind: 'actions' }, { kind: 'map' }]));
    expect(rows.slice(0, 3).map((row) => [slideKey(row.ref), row.chosen])).toEqual([
      ['actions', true],
      ['map', true],
      ['stage:s-awareness', false],
    ]);
    expect(rows).toHaveLength(availableSlides(doc).length);
  });
});

describe('a saved deck', () => {
  it('shows the slides picked, in the order picked', () => {
    const doc = setPresentationSlides(clinic().build(), [{ kind: 'chain', chainId: asId.chain('j-check-up') }, { kind: 'map' }, { kind: 'stage', stageId: asId.stage('s-purchase') }]);
    expect(titles(deckOf(doc, EN))).toEqual(['Check-up', 'Clinic', 'Purchase']);
  });

  it('skips slides whose stage or chain was deleted, without an error', () => {
    let doc: MapDoc = setPresentationSlides(clinic().build(), [{ kind: 'stage', stageId: asId.stage('s-purchase') }, { kind: 'chain', chainId: asId.chain('j-first-visit') }, { kind: 'actions' }]);
    doc = deleteChain(doc, asId.chain('j-first-visit'));
    doc = removeStage(doc, asId.stage('s-purchase'), null);
    expect(titles(deckOf(doc, EN))).toEqual(['Action plan']);
  });

  it('is set by an undoable command, one undo step; the same slides again change nothing', () => {
    const editor = openEditor(clinic().build());
    editor.run((doc) => setPresentationSlides(doc, [{ kind: 'actions' }, { kind: 'map' }]));
    expect(editor.doc.map.presentation?.slides).toEqual([{ kind: 'actions' }, { kind: 'map' }]);
    const after = editor.doc;
    expect(setPresentationSlides(after, [{ kind: 'actions' }, { kind: 'map' }])).toBe(after);
    expect(editor.undoSteps).toBe(1);
    editor.undo();
    expect(editor.doc.map.presentation).toBeUndefined();
    editor.redo();
    expect(editor.doc.map.presentation?.slides).toHaveLength(2);
    expect(setPresentationSlides(editor.doc, null).map.presentation).toBeUndefined();
  });

  it('refuses a slide that is not one, and a slide named twice, leaving the map as it was', () => {
    const doc = clinic().build();
    expect(() => setPresentationSlides(doc, [{ kind: 'video' } as never])).toThrow(/slides\[0\].*not a slide/);
    expect(() => setPresentationSlides(doc, [{ kind: 'chart', chart: 'pie' } as never])).toThrow(/"pie" is not one of distribution/);
    expect(() => setPresentationSlides(doc, [{ kind: 'map' }, { kind: 'map' }])).toThrow(/names a slide twice/);
    expect(doc.map.presentation).toBeUndefined();
  });
});

describe('the .touchmap file and storage keep the deck', () => {
  const slides = [{ kind: 'chain', chainId: asId.chain('j-first-visit') }, { kind: 'chart', chart: 'priority' }, { kind: 'stage', stageId: asId.stage('s-awareness') }] as const;

  it('writes it as an optional field and reads it back; a file without it still reads', () => {
    const doc = setPresentationSlides(clinic().build(), slides);
    const text = serializeTouchmapFile([doc], '2026-12-01T00:00:00.000Z');
    expect(JSON.parse(text).version).toBe(1);
    const back = parseTouchmapFile(text);
    if (!back.ok) throw new Error(back.error);
    expect(back.docs[0]?.map.presentation).toEqual({ slides });
    const plain = parseTouchmapFile(serializeTouchmapFile([clinic().build()], '2026-12-01T00:00:00.000Z'));
    expect(plain.ok && plain.docs[0]?.map.presentation).toBeUndefined();
  });

  it('refuses a file whose deck holds something that is not a slide, naming where', () => {
    const text = serializeTouchmapFile([clinic().build()], '2026-12-01T00:00:00.000Z').replace('"createdAt"', '"presentation": { "slides": [{ "kind": "video" }] },\n "createdAt"');
    const result = parseTouchmapFile(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.details).toMatch(/maps\[0\]\.presentation\.slides\[0\]/);
  });

  it('renews the deck’s stage and chain ids with the rest when an import collides', () => {
    const doc = setPresentationSlides(clinic().build(), slides);
    let n = 0;
    const [copy] = remapForImport([doc], { mapIds: new Set([doc.map.id]) }, asId.maker((prefix) => `${prefix}-new${++n}`));
    const deck = deckOf(copy as MapDoc, EN);
    expect(titles(deck)).toEqual(['First visit', 'Priorities', 'Awareness']);
    expect(copy?.map.presentation?.slides[0]).not.toEqual(slides[0]);
  });

  it('restores it from stored rows, dropping only a slide that does not read', () => {
    const doc = setPresentationSlides(clinic().build(), slides);
    const map = { ...structuredClone(doc.map), presentation: { slides: [...slides, { kind: 'video' }] } };
    const { doc: restored, repairs } = restoreMapDoc({ map, topics: Object.values(doc.topics), chains: Object.values(doc.chains) });
    expect(restored.map.presentation).toEqual({ slides });
    expect(repairs.join('\n')).toMatch(/presentation\.slides\[3\].*slide dropped/);
    const none = restoreMapDoc({ map: { ...structuredClone(clinic().build().map) }, topics: Object.values(doc.topics), chains: [] });
    expect(none.doc.map.presentation).toBeUndefined();
  });
});

describe('stepping through the deck', () => {
  const doc = clinic().build();
  const deck = deckOf(doc, EN);
  const walk = (from: DeckPosition, times: number, step: typeof nextPosition) => {
    let at = from;
    const out: string[] = [];
    for (let i = 0; i < times; i++) {
      at = step(deck, at);
      out.push(`${at.slide}.${at.step}`);
    }
    return out;
  };

  it('walks a chain step by step, lighting each touchpoint, with its weak link known', () => {
    const chain = deck[3] as Extract<Slide, { kind: 'chain' }>;
    expect(chain.steps).toHaveLength(3);
    expect(chain.weakStep).toBe(1);
    expect(walk({ slide: 2, step: 0 }, 6, nextPosition)).toEqual(['3.0', '3.1', '3.2', '3.3', '4.0', '4.1']);
    expect(litStep(chain, 0)).toBeUndefined();
    expect(litStep(chain, 2)).toBe('t-website');
  });

  it('goes back onto a chain slide at its last step, and stops at either end', () => {
    expect(walk({ slide: 4, step: 0 }, 2, previousPosition)).toEqual(['3.3', '3.2']);
    expect(previousPosition(deck, { slide: 0, step: 0 })).toEqual({ slide: 0, step: 0 });
    const end = { slide: deck.length - 1, step: 0 };
    expect(nextPosition(deck, end)).toEqual(end);
  });

  it('keeps a position inside a deck that shrank', () => {
    expect(clampPosition(deck.slice(0, 2), { slide: 5, step: 3 })).toEqual({ slide: 1, step: 0 });
    expect(clampPosition([], { slide: 2, step: 1 })).toEqual({ slide: 0, step: 0 });
  });

  it('lists every improvement action with its touchpoint, in map order', () => {
    const actions = deck[5] as Extract<Slide, { kind: 'actions' }>;
    expect(actions.rows.map((row) => [row.touchpoint, row.what, row.owner, row.due, row.status])).toEqual([
      ['Context ad', 'Rewrite the ad', 'Marketing', '2026-12-15', 'todo'],
      ['Reception', 'Greet by name', '', '', 'doing'],
    ]);
  });
});
