/**
 * Which bundled family draws which character: what a raster worker loads before it paints a strip.
 * Checked against the real Fontsource rules the app imports, and against the PDF writer's own
 * pick, which repeats the browser's.
 */
import { describe, expect, it } from 'vitest';
import { charactersByFamily, facesFor } from '../../../../../renderer/src/features/export/visual/fonts/fonts';
import { fontFamilyFor } from '../../../../../renderer/src/features/export/visual/svg/svg-renderer';
import { bundledRules } from '../pdf/pdf-faces';

const rangeText = (ranges: readonly (readonly [number, number])[]) => ranges.map(([a, b]) => `U+${a.toString(16)}-${b.toString(16)}`).join(', ');
const distinct = (text: string) => [...new Set(text)];
const FACES = bundledRules().map((rule) => ({ family: rule.family, unicodeRange: rangeText(rule.ranges) }));

describe('the characters each bundled family draws', () => {
  it('gives an English map’s letters to Noto Sans alone: the Japanese and Korean files are not loaded for them', () => {
    const picked = charactersByFamily(FACES, fontFamilyFor('en'), distinct('Website, €5 — Café “Ölstraße” Привет'));
    expect([...picked.keys()]).toEqual(["'Noto Sans'"]);
    expect(picked.get("'Noto Sans'")).toBe(distinct('Website, €5 — Café “Ölstraße” Привет').join(''));
  });

  it('gives shared ideographs to Japanese on a Japanese map and to Korean on a Korean one; what the first file does not hold to the next', () => {
    const text = distinct('Ad 広告 かな 광고');
    const ja = charactersByFamily(FACES, fontFamilyFor('ja'), text);
    expect(ja.get("'Noto Sans'")).toBe('Ad ');
    expect(ja.get("'Noto Sans JP'")).toBe('広告かな');
    expect(ja.get("'Noto Sans KR'")).toBe('광고');
    const ko = charactersByFamily(FACES, fontFamilyFor('ko'), text);
    // 告 is in both files: Korean takes it on a Korean map. So is kana; 広 (a Japanese form) only the Japanese file holds.
    expect(ko.get("'Noto Sans KR'")).toBe('告かな광고');
    expect(ko.get("'Noto Sans JP'")).toBe('広');
  });

  it('picks the files a raster worker is handed: of each family, the pieces holding what it draws, at every weight', () => {
    const english = facesFor(FACES, 'Website, review', fontFamilyFor('en'));
    expect(new Set(english.map((face) => face.family))).toEqual(new Set(['Noto Sans']));
    // The Latin piece at each bundled weight (400 and 600), nothing for Cyrillic or Greek.
    expect(english).toHaveLength(2);
    const japanese = facesFor(FACES, 'Ad 広告', fontFamilyFor('ja'));
    expect(japanese.filter((face) => face.family === 'Noto Sans')).toHaveLength(2);
    const pieces = japanese.filter((face) => face.family === 'Noto Sans JP');
    expect(pieces.length).toBeGreaterThanOrEqual(1);
    expect(pieces.length).toBeLessThanOrEqual(2);
    expect(japanese.some((face) => face.family === 'Noto Sans KR')).toBe(false);
  });

  it('leaves out characters no bundled face holds, and families not bundled', () => {
    const picked = charactersByFamily(FACES, "'Noto Sans', 'Segoe UI', sans-serif", [...'a😀']);
    expect(picked).toEqual(new Map([["'Noto Sans'", 'a']]));
  });
});
