/**
 * Property tests of the other tools' readers (shared/import) on mutated sample files: at least
 * 1,000 per format per run (more with FUZZ_RUNS). Every file is read or refused with a sentence;
 * nothing throws, pollutes a prototype or takes unbounded time; whatever is read plans and builds
 * into a map the .touchmap reader accepts, or is refused with a sentence.
 * Zips are mutated twice over: their bytes (broken archives) and their content re-zipped.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildMapFromPlan, guessColumns, planTable, planTree, readImportFile } from '@shared/import';
import { fuzzParameters, fuzzRuns, fuzzTimeout } from './fuzz-runs';
import { hostileString, PROTOTYPE_KEYS } from './hostile-files';
import { asId } from '../../builders/ids';

const SAMPLES = new URL('../../fixtures/import/', import.meta.url);
const sample = (name: string) => new Uint8Array(readFileSync(new URL(name, SAMPLES)));
/** At least 1,000 mutated files per format per run; FUZZ_RUNS raises it. */
const RUNS = Math.max(1_000, fuzzRuns());
const params = () => ({ ...fuzzParameters(), numRuns: RUNS });

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
let clean: string[][] = [];
beforeAll(() => {
  clean = PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort());
});
afterEach(() => {
  expect(PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort())).toEqual(clean);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

let n = 0;
const newId = asId.maker((prefix) => `${prefix}-f${(n += 1)}`);

/** Read → plan every way → build: each step succeeds or says why in a sentence. */
function readPlanBuild(bytes: Uint8Array, name: string): void {
  const started = performance.now();
  const read = readImportFile(bytes, name);
  if (!read.ok) {
    expect(read.problem.trim().length).toBeGreaterThan(5);
    return;
  }
  const source = read.source;
  const plans =
    source.kind === 'tree'
      ? source.sheets.flatMap((sheet) => [planTree(sheet, { structure: 'auto', markers: 'importance' }), planTree(sheet, { structure: 'first-level' }), planTree(sheet, { structure: 'none', stage: 'Visit', markers: 'score' })])
      : source.tables.map((table) => planTable(table, guessColumns(table.rows[0] ?? [], table.rows.slice(1))));
  for (const plan of plans) {
    const built = buildMapFromPlan(plan, { newId, now: '2026-12-01T00:00:00.000Z' });
    if (!built.ok) expect(built.problem.trim().length).toBeGreaterThan(5);
    else expect(built.doc.map.title.length).toBeGreaterThan(0);
  }
  expect(performance.now() - started).toBeLessThan(5_000);
}

/** Text mutations: hostile strings spliced in, slices cut out or repeated, the file truncated. */
const textMutation = (text: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.tuple(fc.nat(text.length), hostileString).map(([at, s]) => text.slice(0, at) + s + text.slice(at)),
    fc.tuple(fc.nat(text.length), fc.nat(200)).map(([at, len]) => text.slice(0, at) + text.slice(at + len)),
    fc.tuple(fc.nat(text.length), fc.nat(60), fc.integer({ min: 2, max: 30 })).map(([at, len, times]) => text.slice(0, at) + text.slice(at, at + len).repeat(times) + text.slice(at)),
    fc.nat(text.length).map((at) => text.slice(0, at)),
    fc.tuple(fc.nat(text.length), fc.constantFrom(...PROTOTYPE_KEYS, '&amp;', '&#0;', '&#xD800;', '<!ENTITY x "y">', ']]>', '\u0000', '"', '<', '>', '\t', '\n', ';', ',', '- ', '# ', '> ')).map(([at, s]) => text.slice(0, at) + s + text.slice(at)),
  );

/** Byte mutations: bytes flipped, the file cut, a chunk zeroed. */
const byteMutation = (bytes: Uint8Array): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
      const out = bytes.slice();
      for (const [at, value] of flips) out[at] = value;
      return out;
    }),
    fc.nat(bytes.length).map((at) => bytes.slice(0, at)),
    fc.tuple(fc.nat(bytes.length), fc.nat(64)).map(([at, len]) => {
      const out = bytes.slice();
      out.fill(0, at, at + len);
      return out;
    }),
  );

const TEXT_SAMPLES = [
  ['FreeMind/Freeplane', 'online-store-freeplane.mm'],
  ['OPML', 'journey-outliner.opml'],
  ['Markdown', 'gym-outline.md'],
  ['CSV', 'cafe-ru.csv'],
] as const;

describe('the other tools’ readers on mutated files', () => {
  it.each(TEXT_SAMPLES)('%s: read or refused in a sentence; what is read builds a valid map', (_format, name) => {
    const text = strFromU8(sample(name)).replace(/^\uFEFF/, '');
    fc.assert(fc.property(textMutation(text), (mutated) => readPlanBuild(strToU8(mutated), name)), params());
  }, fuzzTimeout() + RUNS * 20);

  it('TSV: read or refused in a sentence', () => {
    const text = strFromU8(sample('cafe-ru.csv')).replace(/^\uFEFF/, '').replaceAll(';', '\t');
    fc.assert(fc.property(textMutation(text), (mutated) => readPlanBuild(strToU8(mutated), 'cafe.tsv')), params());
  }, fuzzTimeout() + RUNS * 20);

  it.each([
    ['XMind Zen', 'coffee-zen.xmind', 'content.json'],
    ['XMind 8', 'clinic-xmind8.xmind', 'content.xml'],
    ['Excel', 'hotel-two-sheets.xlsx', 'xl/worksheets/sheet1.xml'],
  ] as const)('%s: mutated archives and mutated content, read or refused in a sentence', (_format, name, entry) => {
    const bytes = sample(name);
    const files = unzipSync(bytes);
    const content = strFromU8(files[entry]!);
    const rezipped = textMutation(content).map((mutated) => zipSync({ ...files, [entry]: strToU8(mutated) }, { level: 0 }));
    fc.assert(fc.property(fc.oneof(byteMutation(bytes), rezipped), (mutated) => readPlanBuild(mutated, name)), params());
  }, fuzzTimeout() + RUNS * 40);

  it('any bytes under any of the names: read or refused in a sentence', () => {
    const names = ['a.xmind', 'a.mm', 'a.opml', 'a.md', 'a.csv', 'a.tsv', 'a.xlsx', 'noext'];
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(...names), (bytes, name) => readPlanBuild(bytes, name)), params());
  }, fuzzTimeout() + RUNS * 20);
});
