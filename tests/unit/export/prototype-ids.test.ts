/**
 * Ids are the user's (a file may name a competitor "constructor"), and scores, topics and chains
 * are kept in plain objects keyed by id. A read of a key the object lacks then finds
 * Object.prototype's function instead of nothing: a competitor "constructor" printed
 * `function Object() { [native code] }` as a score. These ids go through import, the outline and
 * inspector reads, and every export; "__proto__" is refused at import with a message.
 */
import { describe, expect, it } from 'vitest';
import { parseTouchmapFile, serializeTouchmapFile } from '@shared/file-format';
import { competitorScoreOf } from '@shared/model/selectors';
import type { MapDoc, Topic } from '@shared/model/types';
import { actionPlanCsv } from '../../../renderer/src/features/export/data/action-plan-csv';
import { outlineMarkdown } from '../../../renderer/src/features/export/data/outline-markdown';
import { appendixHtml } from '../../../renderer/src/features/export/visual/pdf/pdf';
import { svgDocument } from '../../../renderer/src/features/export/visual/svg/svg-renderer';
import { DEFAULT_VISUAL_OPTIONS, drawMap } from '../../../renderer/src/features/export/visual/visual-export';
import { cellValue, outlineColumns } from '../../../renderer/src/features/outline/outline-model';
import { asId } from '../../builders/ids';

const PROTOTYPE_NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'] as const;
const STAMP = '2026-12-01T00:00:00.000Z';

/** A map whose every id is a name Object.prototype has; one touchpoint scored by one competitor only. */
function fileText(): string {
  const doc: MapDoc = {
    map: {
      id: asId.map('constructor'),
      title: 'Prototype names',
      locale: 'en',
      stages: [{ id: asId.stage('toString'), name: 'Awareness' }],
      segments: [{ id: asId.segment('valueOf'), name: 'Families' }],
      competitors: PROTOTYPE_NAMES.map((id) => ({ id: asId.competitor(id), name: `Rival ${id}` })),
      createdAt: STAMP,
      updatedAt: STAMP,
    },
    topics: Object.fromEntries(
      (
        [
          { id: asId.topic('hasOwnProperty'), parentId: null, order: 0, label: 'Clinic' },
          { id: asId.topic('constructor'), parentId: asId.topic('hasOwnProperty'), order: 0, label: 'Website', channel: 'online', stageId: asId.stage('toString'), segmentIds: [asId.segment('valueOf')], score: 6, competitorScores: { [asId.competitor('toString')]: 7 }, action: { what: 'Fix', status: 'todo' } },
          { id: asId.topic('toString'), parentId: asId.topic('constructor'), order: 0, label: 'Booking form', action: { what: 'Shorten', status: 'doing' } },
        ] satisfies Topic[]
      ).map((t) => [t.id, t]),
    ),
    chains: { [asId.chain('isPrototypeOf')]: { id: asId.chain('isPrototypeOf'), name: 'Journey', segmentId: asId.segment('valueOf'), steps: asId.topics('constructor') } },
    chainOrder: [asId.chain('isPrototypeOf')],
  };
  return serializeTouchmapFile([doc], STAMP);
}

function imported(): MapDoc {
  const result = parseTouchmapFile(fileText());
  if (!result.ok) throw new Error(result.error);
  return result.docs[0] as MapDoc;
}

const FUNCTION_TEXT = /function|native code|\[object/;

describe('ids named like Object.prototype members', () => {
  it('import, and the touchpoint has a score only for the competitor that scored it', () => {
    const doc = imported();
    const website = doc.topics['constructor'] as unknown as Topic;
    expect(website.label).toBe('Website');
    expect(competitorScoreOf(website, asId.competitor('toString'))).toBe(7);
    for (const id of PROTOTYPE_NAMES.filter((name) => name !== 'toString')) expect(competitorScoreOf(website, asId.competitor(id))).toBeUndefined();
  });

  it('show no score in the outline columns of the competitors that gave none', () => {
    const doc = imported();
    const website = doc.topics['constructor'] as unknown as Topic;
    const competitorColumns = outlineColumns(doc).filter((column) => column.id.startsWith('competitor:'));
    expect(competitorColumns.map((column) => [column.id, cellValue(website, column.id)])).toEqual(
      PROTOTYPE_NAMES.map((id) => [`competitor:${id}`, id === 'toString' ? 7 : undefined]),
    );
  });

  it('print no function text in any export', () => {
    const doc = imported();
    const markdown = outlineMarkdown(doc);
    expect(markdown).toContain('- Website — score 6 · Rival toString 7\n');
    const csv = actionPlanCsv(doc);
    expect(csv).toContain('Website,Awareness,online,,6,,7,,,,,Fix,,,todo');
    const svg = svgDocument(drawMap(doc, { ...DEFAULT_VISUAL_OPTIONS, format: 'svg', date: '1 December 2026' }));
    const appendix = appendixHtml(doc);
    for (const text of [markdown, csv, svg, appendix, serializeTouchmapFile([doc], STAMP)]) expect(text).not.toMatch(FUNCTION_TEXT);
  });

  it('round-trip through the .touchmap file unchanged', () => {
    const doc = imported();
    const again = parseTouchmapFile(serializeTouchmapFile([doc], STAMP));
    expect(again.ok && again.docs[0]).toEqual(doc);
  });

  it('"__proto__" as an id is refused at import, with a message, and pollutes nothing', () => {
    const text = fileText().replace('"id": "valueOf"', '"id": "__proto__"');
    const result = parseTouchmapFile(text);
    expect(result).toMatchObject({ ok: false, error: expect.any(String), details: expect.stringContaining('__proto__') });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});
