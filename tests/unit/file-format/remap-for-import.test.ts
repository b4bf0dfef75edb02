import { describe, expect, it } from 'vitest';
import { parseTouchmapFile, remapForImport, serializeTouchmapFile } from '@shared/file-format';
import type { MapDoc } from '@shared/model/types';
import { richMap } from '../../fixtures/rich-map';
import { withoutIds } from '../../builders/without-ids';
import { asId } from '../../builders/ids';

/** Predictable ids: `t-new-1`, `t-new-2`, … */
function idMaker() {
  let n = 0;
  return asId.maker((prefix) => `${prefix}-new-${++n}`);
}

/** Every id a doc holds anywhere, as written to a file. */
function idsIn(doc: MapDoc): string[] {
  return [
    doc.map.id,
    ...doc.map.stages.map((s) => s.id),
    ...doc.map.segments.map((s) => s.id),
    ...doc.map.competitors.map((c) => c.id),
    ...Object.keys(doc.topics),
    ...Object.keys(doc.chains),
  ];
}

describe('remapForImport: importing never overwrites', () => {
  it('keeps a map as it is when its id is free (restoring a backup into an empty app keeps every id)', () => {
    const doc = richMap('m-free');
    const [out] = remapForImport([doc], { mapIds: new Set(['m-other']) }, idMaker());
    expect(out).toBe(doc);
  });

  it('gives a map whose id is taken a fresh id, and renews every id inside it', () => {
    const doc = richMap('m-taken');
    const [out] = remapForImport([doc], { mapIds: new Set(['m-taken']) }, idMaker());
    if (!out) throw new Error('no map');
    expect(out.map.id).not.toBe('m-taken');
    const before = new Set(idsIn(doc));
    for (const id of idsIn(out)) expect(before.has(id), id).toBe(false);
    // Not one old id survives anywhere in the written map, references included.
    const written = serializeTouchmapFile([out], 'now');
    for (const id of before) expect(written.includes(`"${id}"`), id).toBe(false);
  });

  it('makes every reference follow its record: parent, stage, segments, competitor scores, chain segment and steps', () => {
    const doc = richMap('m-taken');
    const [out] = remapForImport([doc], { mapIds: new Set(['m-taken']) }, idMaker());
    if (!out) throw new Error('no map');
    // The reader checks every reference; the renewed map passes it and is the same map, ids aside.
    const reread = parseTouchmapFile(serializeTouchmapFile([out], 'now'));
    expect(reread).toMatchObject({ ok: true, warnings: [] });
    expect(withoutIds(out)).toStrictEqual(withoutIds(doc));
    expect(out.chainOrder.every((id) => id in out.chains)).toBe(true);
  });

  it('renews a map that repeats one already in the same import', () => {
    const first = richMap('m-same');
    const second = richMap('m-same');
    const out = remapForImport([first, second], { mapIds: new Set() }, idMaker());
    expect(out[0]).toBe(first);
    expect(out[1]?.map.id).not.toBe('m-same');
    expect(withoutIds(out[1] as MapDoc)).toStrictEqual(withoutIds(second));
  });

  it('never hands out an id that is taken, even when the id maker repeats itself', () => {
    const doc = richMap('m-taken');
    const repeats = ['m-taken', 'm-taken', 'm-also-taken', 'm-free'];
    const newId = asId.maker((prefix) => (prefix === 'm' ? (repeats.shift() ?? 'm-x') : `${prefix}-${Math.random().toString(36).slice(2)}`));
    const [out] = remapForImport([doc], { mapIds: new Set(['m-taken', 'm-also-taken']) }, newId);
    expect(out?.map.id).toBe('m-free');
  });

  it('does not change the maps it was given', () => {
    const doc = richMap('m-taken');
    const snapshot = structuredClone(doc);
    remapForImport([doc], { mapIds: new Set(['m-taken']) }, idMaker());
    expect(doc).toStrictEqual(snapshot);
  });
});

describe('export all → import → export again', () => {
  it('gives the same maps, ids aside', () => {
    const maps = [richMap('m-1'), richMap('m-2')];
    const exported = serializeTouchmapFile(maps, '2026-11-25T10:00:00.000Z');
    const parsed = parseTouchmapFile(exported);
    if (!parsed.ok) throw new Error(parsed.error);
    // Imported into the same app: both ids are taken, so both maps come in as new maps.
    const imported = remapForImport(parsed.docs, { mapIds: new Set(['m-1', 'm-2']) }, idMaker());
    const again = parseTouchmapFile(serializeTouchmapFile(imported, '2026-11-25T11:00:00.000Z'));
    if (!again.ok) throw new Error(again.error);
    expect(again.docs.map(withoutIds)).toStrictEqual(maps.map(withoutIds));
    expect(again.docs.map((d) => d.map.id)).not.toContain('m-1');
  });
});
