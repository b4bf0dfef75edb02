/**
 * Property tests of the .touchmap reader, the loader's repairs and every exporter on generated
 * hostile files (hostile-files.ts): each file is imported or refused with a message; nothing
 * throws unexpectedly, pollutes a prototype, or changes the maps already in the app; whatever is
 * imported exports in every format and comes back the same. Run counts: fuzz-runs.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseTouchmapFile, remapForImport, serializeTouchmapFile } from '@shared/file-format';
import { RestoreError } from '@shared/model/errors';
import { restoreMapDoc } from '@shared/model/restore';
import type { MapDoc } from '@shared/model/types';
import { actionPlanCsv } from '../../../renderer/src/features/export/data/action-plan-csv';
import { outlineMarkdown } from '../../../renderer/src/features/export/data/outline-markdown';
import { appendixHtml } from '../../../renderer/src/features/export/visual/pdf/pdf';
import { svgDocument } from '../../../renderer/src/features/export/visual/svg/svg-renderer';
import { DEFAULT_VISUAL_OPTIONS, drawMap } from '../../../renderer/src/features/export/visual/visual-export';
import { findMatches } from '../../../renderer/src/features/search/search-text';
import { baseMap, hostileFileText, hostileString, mutate, mutation, baseFileJson } from './hostile-files';
import { fuzzParameters, fuzzTimeout } from './fuzz-runs';
import { asId } from '../../builders/ids';

const STAMP = '2026-12-01T00:00:00.000Z';
const FIXTURES = new URL('../../fixtures/fuzz/', import.meta.url);

/** What Object.prototype and Array.prototype hold before any file is read. */
const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
let clean: string[][] = [];
beforeAll(() => {
  clean = PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort());
});
function expectNoPollution(): void {
  expect(PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort())).toEqual(clean);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}
afterEach(expectNoPollution);

let counter = 0;
const newId = asId.maker((prefix) => `${prefix}-fuzz-${(counter += 1)}`);

/** Every export of a map; each must run, and its output must stay in proportion to the map's file. */
function exportAll(doc: MapDoc): void {
  const file = serializeTouchmapFile([doc], STAMP);
  const outputs = [
    outlineMarkdown(doc),
    actionPlanCsv(doc),
    appendixHtml(doc),
    svgDocument(drawMap(doc, { ...DEFAULT_VISUAL_OPTIONS, format: 'svg', date: '1 December 2026' })),
  ];
  // Generous: the SVG draws every label with its geometry, but nothing may grow with a square.
  for (const output of outputs) expect(output.length).toBeLessThan(40 * file.length + 200_000);
  // A score read from Object.prototype (a competitor named "constructor") prints a function.
  for (const output of outputs) expect(output).not.toContain('[native code]');
  findMatches(doc, 'a');
  findMatches(doc, doc.map.title.slice(0, 20));
}

/** A file is imported, or refused with a message for people and technical details. */
function readOrRefuse(text: string): MapDoc[] {
  const result = parseTouchmapFile(text);
  if (!result.ok) {
    expect(result.error.trim()).not.toBe('');
    expect(typeof result.details).toBe('string');
    return [];
  }
  expect(result.docs.length).toBeGreaterThan(0);
  return result.docs;
}

describe('the .touchmap reader on hostile files', () => {
  it('imports or refuses with a message; what it imports exports in every format and round-trips', () => {
    fc.assert(
      fc.property(hostileFileText, (text) => {
        for (const doc of readOrRefuse(text)) {
          exportAll(doc);
          const again = parseTouchmapFile(serializeTouchmapFile([doc], STAMP));
          expect(again.ok && again.docs[0]).toEqual(doc);
        }
        expectNoPollution();
      }),
      fuzzParameters(),
    );
  }, fuzzTimeout());

  it('never changes the maps already in the app', () => {
    const existing = baseMap();
    const before = JSON.stringify(existing);
    fc.assert(
      fc.property(hostileFileText, (text) => {
        const docs = readOrRefuse(text);
        const imported = remapForImport(docs, { mapIds: new Set([existing.map.id]) }, newId as never);
        for (const doc of imported) expect(doc.map.id).not.toBe(existing.map.id);
        expect(JSON.stringify(existing)).toBe(before);
      }),
      fuzzParameters(),
    );
  }, fuzzTimeout());

  it('refuses text that is no JSON at all, or JSON of another shape, with a message', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.json()), (text) => {
        readOrRefuse(text);
      }),
      fuzzParameters(),
    );
  }, fuzzTimeout());
});

describe('the loader’s repairs on hostile stored rows', () => {
  it('repairs anything with a usable map id into a map that exports and saves as a valid file (or one past a stated limit)', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const file = mutate(baseFileJson(), mutations);
        const map = (Array.isArray(file.maps) ? file.maps[0] : undefined) as Record<string, unknown> | undefined;
        let restored;
        try {
          restored = restoreMapDoc({ map, topics: (map?.topics as unknown[]) ?? [], chains: (map?.chains as unknown[]) ?? [] }, { now: STAMP });
        } catch (error) {
          // Only an unusable map id may stop the loader, and it says so.
          expect(error).toBeInstanceOf(RestoreError);
          return;
        }
        exportAll(restored.doc);
        const saved = parseTouchmapFile(serializeTouchmapFile([restored.doc], STAMP));
        if (!saved.ok) expect(saved.details).toMatch(/MAX_[A-Z_]+/);
      }),
      fuzzParameters(),
    );
  }, fuzzTimeout());
});

describe('files a fuzz run once found', () => {
  const names = (() => {
    try {
      return readdirSync(FIXTURES).filter((name) => name.endsWith('.touchmap'));
    } catch {
      return [];
    }
  })();
  it.each(names.length > 0 ? names : ['(none yet)'])('%s is imported or refused with a message, and exports', (name) => {
    if (names.length === 0) return;
    for (const doc of readOrRefuse(readFileSync(new URL(name, FIXTURES), 'utf8'))) exportAll(doc);
  });
});
