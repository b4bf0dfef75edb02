import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_FILE_VERSION,
  MAX_FILE_BYTES,
  migrations,
  parseTouchmapFile,
  serializeTouchmapFile,
  upgradeFile,
  type ParseResult,
} from '@shared/file-format';
import type { MapDoc } from '@shared/model/types';
import { mapDoc } from '../../builders/map-doc';
import { richMap } from '../../fixtures/rich-map';
import { asId } from '../../builders/ids';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/files/${name}`, import.meta.url)), 'utf8');
const EXPORTED_AT = '2026-11-25T10:00:00.000Z';

function docsOf(result: ParseResult): MapDoc[] {
  if (!result.ok) throw new Error(`expected the file to parse, got: ${result.error}`);
  return result.docs;
}

describe('serializeTouchmapFile → parseTouchmapFile', () => {
  it('gives back the same maps, every field and every script intact', () => {
    const docs = [richMap('m-a'), mapDoc('Second map', { id: 'm-b' }).touchpoint('Only one').build()];
    const result = parseTouchmapFile(serializeTouchmapFile(docs, EXPORTED_AT));
    expect(result).toStrictEqual({ ok: true, docs, warnings: [] });
  });

  it('is byte-stable: writing what was read writes the same text', () => {
    const text = serializeTouchmapFile([richMap()], EXPORTED_AT);
    expect(serializeTouchmapFile(docsOf(parseTouchmapFile(text)), EXPORTED_AT)).toBe(text);
  });

  it('writes the format of FILE-FORMAT.md exactly: the completed example comes out as it went in', () => {
    const text = fixture('example-v1-complete.touchmap');
    const written = serializeTouchmapFile(docsOf(parseTouchmapFile(text)), EXPORTED_AT);
    // Same keys, same key order, same values: the format's own example is our output.
    expect(written).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });
});

describe('serializeTouchmapFile', () => {
  const map = mapDoc('Order', { stages: ['Awareness'] })
    .touchpoint('Second', { order: 2 })
    .touchpoint('First', { order: 1, stage: 'Awareness' })
    .detail('Second · b', { under: 'Second', order: 5 })
    .detail('Second · a', { under: 'Second', order: -1 })
    .detail('Second · a · deep', { under: 'Second · a' })
    .chain('Later chain', ['Second'])
    .chain('Earlier chain', ['First']);
  const doc = map.build();
  // The user dragged "Earlier chain" to the top.
  const reordered: MapDoc = { ...doc, chainOrder: [...doc.chainOrder].reverse() };
  const file = JSON.parse(serializeTouchmapFile([reordered], EXPORTED_AT));

  it('starts with format, version and exportedAt, and holds maps as a list', () => {
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'maps']);
    expect(file).toMatchObject({ format: 'touchmap', version: 1, exportedAt: EXPORTED_AT });
    expect(file.maps).toHaveLength(1);
  });

  it('lists topics root first, each parent before its children, siblings by order', () => {
    expect(file.maps[0].topics.map((t: { label: string }) => t.label)).toEqual([
      'Order',
      'First',
      'Second',
      'Second · a',
      'Second · a · deep',
      'Second · b',
    ]);
  });

  it('lists chains in the order the user arranged them', () => {
    expect(file.maps[0].chains.map((c: { name: string }) => c.name)).toEqual(['Earlier chain', 'Later chain']);
  });

  it('omits absent fields instead of writing undefined or null', () => {
    const text = serializeTouchmapFile([doc], EXPORTED_AT);
    expect(file.maps[0].topics[2]).toStrictEqual({ id: map.ids.topic('Second'), parentId: map.ids.root, order: 2, label: 'Second' });
    expect(text).not.toContain('undefined');
    // The root's parentId is the only null in the file.
    expect(text.match(/: null/g)).toHaveLength(1);
  });

  it('writes only the fields of the format, whatever else an in-memory record carries', () => {
    const withExtra = { ...doc, topics: { ...doc.topics, [map.ids.root]: { ...doc.topics[map.ids.root], selected: true } } } as unknown as MapDoc;
    expect(serializeTouchmapFile([withExtra], EXPORTED_AT)).not.toContain('selected');
  });

  it('is pretty JSON with a final newline', () => {
    const text = serializeTouchmapFile([doc], EXPORTED_AT);
    expect(text.startsWith('{\n  "format": "touchmap",\n  "version": 1,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('parseTouchmapFile reads', () => {
  it('the completed example of FILE-FORMAT.md', () => {
    const [doc] = docsOf(parseTouchmapFile(fixture('example-v1-complete.touchmap')));
    expect(doc?.map).toStrictEqual({
      id: 'm-7f3a',
      title: 'Clinic — new patients',
      locale: 'en',
      stages: [
        { id: 's-aw', name: 'Awareness' },
        { id: 's-co', name: 'Consideration' },
      ],
      segments: [{ id: 'g-1', name: 'New patients' }],
      competitors: [{ id: 'c-1', name: 'City Clinic' }],
      createdAt: '2026-11-20T09:00:00.000Z',
      updatedAt: '2026-11-25T09:59:00.000Z',
    });
    expect(Object.keys(doc?.topics ?? {})).toEqual(['t-root', 't-ad', 't-ad-1', 't-site']);
    expect(doc?.topics[asId.topic('t-ad')]).toMatchObject({
      competitorScores: { 'c-1': 7 },
      action: { what: 'Rewrite the ad around the free diagnosis', owner: 'Marketing', due: '2026-12-15', status: 'todo' },
      position: { x: 420, y: -80 },
    });
    expect(doc?.chainOrder).toEqual(['j-1']);
    expect(doc?.chains[asId.chain('j-1')]).toStrictEqual({ id: 'j-1', name: 'First visit', segmentId: 'g-1', steps: ['t-ad', 't-site'] });
  });

  it('the example exactly as FILE-FORMAT.md prints it is refused: its chain names "t-site", a topic the example leaves out', () => {
    // The rule ("chains: lists of touchpoint ids of the same map") wins over the abbreviated
    // example; example-v1-complete.touchmap is the example with that topic added.
    expect(parseTouchmapFile(fixture('example-v1.touchmap'))).toStrictEqual({
      ok: false,
      error:
        'Map "Clinic — new patients": chain "First visit" has, as step 2, a touchpoint that is not in the map (id "t-site"). Fix it in a text editor, or export the map again from the Touchmap it came from.',
      details: 'maps[0].chains[0].steps[1]: "t-site" is not a topic of this map',
      path: 'maps[0].chains[0].steps[1]',
    });
  });

  it('a file saved with a byte-order mark', () => {
    expect(parseTouchmapFile(`\uFEFF${fixture('example-v1-complete.touchmap')}`).ok).toBe(true);
  });

  it('fields it does not know, and ignores them (a later version may add optional fields)', () => {
    const file = JSON.parse(fixture('example-v1-complete.touchmap'));
    file.generator = 'Touchmap 9';
    file.maps[0].theme = 'dark';
    file.maps[0].stages[0].colour = 'red';
    file.maps[0].topics[1].mood = 'sunny';
    file.maps[0].topics[1].action.cost = 300;
    file.maps[0].topics[1].position.z = 3;
    file.maps[0].chains[0].colour = 'blue';
    const withExtras = parseTouchmapFile(JSON.stringify(file));
    const plain = parseTouchmapFile(fixture('example-v1-complete.touchmap'));
    expect(withExtras).toStrictEqual(plain);
  });

  it('a chain step on a detail, keeping it and saying so', () => {
    const doc = mapDoc('Chains').touchpoint('Site').detail('Form').chain('Visit', ['Site', 'Form']).build();
    const result = parseTouchmapFile(serializeTouchmapFile([doc], EXPORTED_AT));
    expect(result).toStrictEqual({
      ok: true,
      docs: [doc],
      warnings: ['Map "Chains": chain "Visit" has, as step 2, detail "Form", which is not a touchpoint; it was kept'],
    });
  });

  it('a chain whose steps repeat a touchpoint', () => {
    const doc = mapDoc('Loop').touchpoint('Site').touchpoint('Call').chain('Back and forth', ['Site', 'Call', 'Site']).build();
    expect(docsOf(parseTouchmapFile(serializeTouchmapFile([doc], EXPORTED_AT)))).toStrictEqual([doc]);
  });

  it('topics and records whose ids are names of Object.prototype', () => {
    const doc: MapDoc = {
      ...mapDoc('Proto', { competitors: ['Rival'] }).build(),
      topics: {
        [asId.topic('constructor')]: { id: asId.topic('constructor'), parentId: null, order: 0, label: 'Root' },
        [asId.topic('toString')]: { id: asId.topic('toString'), parentId: asId.topic('constructor'), order: 0, label: 'Child', competitorScores: { [asId.competitor('c-rival')]: 3 } },
      },
    };
    // toEqual: toStrictEqual compares `.constructor`, which here is a topic, not a class.
    expect(docsOf(parseTouchmapFile(serializeTouchmapFile([doc], EXPORTED_AT)))).toEqual([doc]);
  });
});

// The technical text (`details`) of each refusal: the exact path and rule. The words for people
// (`error`) are checked in refusal-messages.test.ts.
describe('parseTouchmapFile refuses the whole file, keeping the exact problem and where it is as details', () => {
  const cases: readonly { file: string; error: string | RegExp; path?: string }[] = [
    { file: 'not-json', error: /^not valid JSON: .*line \d+.*column \d+/ },
    { file: 'not-an-object', error: 'top level: a list is not an object with "format": "touchmap"' },
    { file: 'wrong-format', error: 'format: "mindmap" is not "touchmap"', path: 'format' },
    { file: 'missing-format', error: 'format: is missing', path: 'format' },
    { file: 'newer-version', error: 'version: 2 is newer than 1, the newest this app reads', path: 'version' },
    {
      file: 'version-not-a-number',
      error: 'version: "1" is not a file version; a Touchmap file says which version of the format it is (1 or later)',
      path: 'version',
    },
    { file: 'no-maps', error: 'maps: is an empty list; a file holds one or more maps', path: 'maps' },
    { file: 'score-out-of-range', error: 'maps[0].topics[12].score: 14 is not 0–10', path: 'maps[0].topics[12].score' },
    { file: 'importance-not-integer', error: 'maps[0].topics[1].importance: 7.5 is not 1–10', path: 'maps[0].topics[1].importance' },
    {
      file: 'competitor-score-out-of-range',
      error: 'maps[0].topics[1].competitorScores.c-1: 11 is not 0–10',
      path: 'maps[0].topics[1].competitorScores.c-1',
    },
    { file: 'channel-unknown', error: 'maps[0].topics[1].channel: "web" is not one of online, offline', path: 'maps[0].topics[1].channel' },
    { file: 'label-missing', error: 'maps[0].topics[2].label: is missing (text)', path: 'maps[0].topics[2].label' },
    { file: 'due-not-a-date', error: 'maps[0].topics[1].action.due: "2026-02-30" is not a date YYYY-MM-DD', path: 'maps[0].topics[1].action.due' },
    { file: 'locale-unknown', error: 'maps[0].locale: "xx" is not one of en, ru, ko, ja', path: 'maps[0].locale' },
    {
      file: 'no-root',
      error: 'maps[0].topics: no root topic (parentId null); a map has exactly one, the business at the centre',
      path: 'maps[0].topics',
    },
    {
      file: 'two-roots',
      error: 'maps[0].topics[3].parentId: null makes a second root (topics[0] is the root); a map has exactly one',
      path: 'maps[0].topics[3].parentId',
    },
    { file: 'parent-missing', error: 'maps[0].topics[2].parentId: "t-gone" is not a topic of this map', path: 'maps[0].topics[2].parentId' },
    {
      file: 'cycle',
      error: 'maps[0].topics[1].parentId: "t-ad-1" makes a cycle ("t-ad" → "t-ad-1" → "t-ad" by parentId); every topic must lead up to the root',
      path: 'maps[0].topics[1].parentId',
    },
    {
      file: 'duplicate-topic-id',
      error: 'maps[0].topics[3].id: "t-ad" is used twice (also topics[1]); ids are unique within a map',
      path: 'maps[0].topics[3].id',
    },
    {
      file: 'duplicate-stage-id',
      error: 'maps[0].stages[1].id: "s-aw" is used twice (also stages[0]); ids are unique within a map',
      path: 'maps[0].stages[1].id',
    },
    { file: 'stage-unknown', error: 'maps[0].topics[1].stageId: "s-gone" is not a stage of this map', path: 'maps[0].topics[1].stageId' },
    {
      file: 'segment-unknown',
      error: 'maps[0].topics[1].segmentIds[1]: "g-gone" is not a segment of this map',
      path: 'maps[0].topics[1].segmentIds[1]',
    },
    {
      file: 'competitor-unknown',
      error: 'maps[0].topics[1].competitorScores.c-gone: "c-gone" is not a competitor of this map',
      path: 'maps[0].topics[1].competitorScores.c-gone',
    },
    { file: 'chain-step-missing', error: 'maps[0].chains[0].steps[2]: "t-gone" is not a topic of this map', path: 'maps[0].chains[0].steps[2]' },
    {
      file: 'chain-segment-unknown',
      error: 'maps[0].chains[0].segmentId: "g-gone" is not a segment of this map',
      path: 'maps[0].chains[0].segmentId',
    },
  ];

  it('has a case for every refusal fixture', () => {
    const files = readdirSync(fileURLToPath(new URL('../../fixtures/files/refused', import.meta.url))).map((f) => f.replace(/\.touchmap$/, ''));
    expect(files.sort()).toEqual(cases.map((c) => c.file).sort());
  });

  it.each(cases)('$file', ({ file, error, path }) => {
    const result = parseTouchmapFile(fixture(`refused/${file}.touchmap`));
    if (result.ok) throw new Error('expected a refusal');
    if (typeof error === 'string') expect(result.details).toBe(error);
    else expect(result.details).toMatch(error);
    expect(result.path).toBe(path);
  });

  it('the second map is checked as carefully as the first', () => {
    const good = JSON.parse(fixture('example-v1-complete.touchmap')).maps[0];
    const bad = structuredClone(good);
    bad.topics[3].score = -1;
    const text = JSON.stringify({ format: 'touchmap', version: 1, maps: [good, bad] });
    expect(parseTouchmapFile(text)).toMatchObject({ ok: false, details: 'maps[1].topics[3].score: -1 is not 0–10' });
  });
});

describe('the 50 MB limit', () => {
  const limitMessage = /^The file is [\d.]+ MB; Touchmap imports files up to 50 MB\. Check that it is the right file/;

  it('refuses a file over 50 MB by its size on disk, naming the limit and the size', () => {
    const result = parseTouchmapFile('{}', { sizeBytes: MAX_FILE_BYTES + 1 });
    expect(result).toStrictEqual({
      ok: false,
      error: 'The file is 50.1 MB; Touchmap imports files up to 50 MB. Check that it is the right file: a map of 2,000 touchpoints is about 2 MB.',
      details: `size: ${MAX_FILE_BYTES + 1} bytes; the limit is ${MAX_FILE_BYTES} bytes`,
    });
    expect(parseTouchmapFile('{}', { sizeBytes: 80 * 1024 * 1024 })).toMatchObject({ error: expect.stringMatching(/^The file is 80\.0 MB; Touchmap imports files up to 50 MB\./) });
  });

  it('accepts a file of exactly 50 MB', () => {
    expect(parseTouchmapFile(fixture('example-v1-complete.touchmap'), { sizeBytes: MAX_FILE_BYTES }).ok).toBe(true);
  });

  it('measures the text in UTF-8 bytes when the size on disk is not given', () => {
    // 26 M Cyrillic letters: under the limit in characters, over it in bytes (two bytes each).
    const cyrillic = 'я'.repeat(MAX_FILE_BYTES / 2 + 1);
    expect(parseTouchmapFile(cyrillic)).toMatchObject({ ok: false, error: expect.stringMatching(limitMessage) });
    expect(parseTouchmapFile('x'.repeat(MAX_FILE_BYTES + 1))).toMatchObject({ ok: false, error: expect.stringMatching(limitMessage) });
  });
});

describe('migrations', () => {
  it('know version 1, the current one', () => {
    expect(CURRENT_FILE_VERSION).toBe(1);
    expect(Object.keys(migrations)).toEqual(['1']);
    const raw = { format: 'touchmap', version: 1, maps: [] };
    expect(upgradeFile(raw, 1)).toBe(raw);
  });

  it('let a later version slot in: a version-1 file runs through each step up to the current version', () => {
    const table = {
      1: (file: Record<string, unknown>) => ({ ...file, steps: ['1→2'] }),
      2: (file: Record<string, unknown>) => ({ ...file, steps: [...((file.steps as string[] | undefined) ?? []), '2→3'] }),
      3: null,
    };
    expect(upgradeFile({ format: 'touchmap', version: 1 }, 1, table)).toEqual({ format: 'touchmap', version: 3, steps: ['1→2', '2→3'] });
    expect(upgradeFile({ format: 'touchmap', version: 2 }, 2, table)).toEqual({ format: 'touchmap', version: 3, steps: ['2→3'] });
  });
});

describe('big maps', () => {
  it('round-trips 2,000 touchpoints with details, and a 5,000-deep line of details, without recursion limits', () => {
    const map = mapDoc('Big', { stages: ['Awareness'], competitors: ['Rival'] });
    for (let i = 0; i < 2000; i++) {
      map.touchpoint(`Touchpoint ${i}`, { channel: i % 2 ? 'online' : 'offline', stage: 'Awareness', score: i % 11, competitors: { Rival: (i * 7) % 11 } });
    }
    let parent = 'Touchpoint 0';
    for (let i = 0; i < 5000; i++) {
      map.detail(`Detail ${i}`, { under: parent });
      parent = `Detail ${i}`;
    }
    const doc = map.build();
    const started = performance.now();
    const result = parseTouchmapFile(serializeTouchmapFile([doc], EXPORTED_AT));
    expect(result).toStrictEqual({ ok: true, docs: [doc], warnings: [] });
    // Generous: a benchmark, not a test, owns speed; this only catches a quadratic slip.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
