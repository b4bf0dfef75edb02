/**
 * The fonts the SVG and PDF carry: the bundled Noto faces cut down to the map's characters and
 * named for the weight their glyphs are drawn at (the Japanese and Korean files call themselves
 * "Thin" while drawing Regular, and a PDF prints that name).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync, inflateSync } from 'node:zlib';
import { faceNames, fontNames, readSfnt, renameFace, sfntToWoff, weightClass, woffToSfnt } from '../../../../../renderer/src/features/export/visual/fonts/sfnt';
import { instantiateSubsetter, subsetSfnt } from '../../../../../renderer/src/features/export/visual/fonts/hb-subset';

const require = createRequire(import.meta.url);
const inflate = async (b: Uint8Array) => new Uint8Array(inflateSync(b));
const deflate = async (b: Uint8Array) => new Uint8Array(deflateSync(b));
const bundled = (file: string) => new Uint8Array(readFileSync(require.resolve(`@fontsource/${file}`)));
const hbWasm = () => readFileSync(new URL('../../../../../node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm', import.meta.url));

/** The piece of Noto Sans JP Regular that holds 予 and 受 (the clinic's 予約 and 受付). */
const JP_400 = 'noto-sans-jp/files/noto-sans-jp-114-400-normal.woff';

describe('bundled font names', () => {
  it('the Japanese Regular WOFF (what the exports read) is drawn at weight 400 and says so', async () => {
    // Its WOFF2 twin, which the exports embedded before, calls itself "Noto Sans JP Thin" (fc-scan).
    const ttf = await woffToSfnt(bundled(JP_400), inflate);
    expect(weightClass(ttf)).toBe(400);
    expect(fontNames(ttf)[6]).toBe('NotoSansJP-Regular');
  });

  it('renaming gives every name the weight the glyphs have, and keeps the copyright and licence', async () => {
    const ttf = await woffToSfnt(bundled(JP_400), inflate);
    const before = fontNames(ttf);
    const renamed = renameFace(ttf, faceNames('Noto Sans JP', weightClass(ttf) ?? 400));
    const names = fontNames(renamed);
    expect(names[1]).toBe('Noto Sans JP');
    expect(names[2]).toBe('Regular');
    expect(names[4]).toBe('Noto Sans JP Regular');
    expect(names[6]).toBe('NotoSansJP-Regular');
    expect(names[17]).toBe('Regular');
    expect(Object.values(names).join('\n')).not.toMatch(/Thin/);
    expect(names[0]).toBe(before[0]);
    expect(names[13]).toBe(before[13]);
    // Every other table is byte for byte the same.
    const tables = (f: Uint8Array) => new Map(readSfnt(f).tables.filter((t) => t.tag !== 'name' && t.tag !== 'head').map((t) => [t.tag, Array.from(t.data)]));
    expect(tables(renamed)).toEqual(tables(ttf));
  });

  it('names SemiBold as its own family for old readers and a style for new ones', () => {
    expect(faceNames('Noto Sans', 600)).toEqual({
      family: 'Noto Sans SemiBold',
      subfamily: 'Regular',
      full: 'Noto Sans SemiBold',
      postscript: 'NotoSans-SemiBold',
      typographicFamily: 'Noto Sans',
      typographicSubfamily: 'SemiBold',
    });
    expect(faceNames('Noto Sans KR', 700).postscript).toBe('NotoSansKR-Bold');
  });
});

describe('subsetting', () => {
  it('keeps the glyphs of the map’s characters and drops the rest: a small fraction of the file', async () => {
    const hb = await instantiateSubsetter(hbWasm());
    const ttf = await woffToSfnt(bundled(JP_400), inflate);
    const small = subsetSfnt(hb, ttf, [...'予受'].map((c) => c.codePointAt(0) as number));
    const glyphs = (f: Uint8Array) => {
      const maxp = readSfnt(f).tables.find((t) => t.tag === 'maxp')!.data;
      return (maxp[4]! << 8) | maxp[5]!;
    };
    expect(glyphs(ttf)).toBeGreaterThan(40);
    // notdef plus the two ideographs (their vertical forms, if any, come along through GSUB).
    expect(glyphs(small)).toBeGreaterThanOrEqual(3);
    expect(glyphs(small)).toBeLessThan(10);
    expect(small.length * 5).toBeLessThan(ttf.length);
    expect(weightClass(small)).toBe(400);
  });

  it('round-trips through WOFF: the same tables come back', async () => {
    const ttf = await woffToSfnt(bundled(JP_400), inflate);
    const woff = await sfntToWoff(ttf, deflate);
    expect(String.fromCharCode(...woff.subarray(0, 4))).toBe('wOFF');
    expect(Array.from(await woffToSfnt(woff, inflate))).toEqual(Array.from(ttf));
  });

  it('refuses what is not a font with a message naming the problem', async () => {
    await expect(woffToSfnt(new TextEncoder().encode('<html>not found</html>'), inflate)).rejects.toThrow(/Not a WOFF font/);
    expect(() => readSfnt(new Uint8Array(4))).toThrow(/too short/);
  });
});
