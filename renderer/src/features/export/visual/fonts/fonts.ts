/**
 * The bundled font faces an export needs, as self-contained `@font-face` rules.
 *
 * Why embed: an SVG drawn as an image (PNG/JPEG) and the print window (PDF) cannot see the page's
 * web fonts, and must not fetch anything. So we read the app's own Fontsource `@font-face` rules
 * (split by unicode-range), keep those whose range holds a character the map draws, cut each down
 * to those characters (font-subset.ts) and inline it as a data: URL. A Japanese map carries the
 * few hundred glyphs it prints, not the unicode-range pieces they come from.
 */

/** The families the canvas and the exports draw with (text-metrics.ts FONT_FAMILY). */
const BUNDLED_FAMILIES = new Set(['noto sans', 'noto sans jp', 'noto sans kr']);

const dataUrlCache = new Map<string, Promise<string>>();

/** Parses a CSS `unicode-range` value into [from, to] pairs. */
export function parseUnicodeRange(value: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const part of value.split(',')) {
    const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
    if (!m) continue;
    const a = m[1] as string;
    if (a.includes('?')) {
      ranges.push([parseInt(a.replace(/\?/g, '0'), 16), parseInt(a.replace(/\?/g, 'f'), 16)]);
    } else {
      const from = parseInt(a, 16);
      ranges.push([from, m[2] ? parseInt(m[2], 16) : from]);
    }
  }
  return ranges;
}

function faceRules(): CSSFontFaceRule[] {
  const rules: CSSFontFaceRule[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue; // a cross-origin sheet: not ours
    }
    for (const rule of Array.from(list)) {
      if (rule instanceof CSSFontFaceRule) rules.push(rule);
    }
  }
  return rules;
}

/** The page's `@font-face` rules of the bundled families, each with its family as written (no quotes). */
function bundledRules(): { rule: CSSFontFaceRule; family: string }[] {
  if (typeof document === 'undefined') return [];
  return faceRules()
    .map((rule) => ({ rule, family: rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim() }))
    .filter(({ family }) => BUNDLED_FAMILIES.has(family.toLowerCase()));
}

async function toDataUrl(url: string): Promise<string> {
  let pending = dataUrlCache.get(url);
  if (!pending) {
    pending = (async () => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`The bundled font ${url} could not be read (HTTP ${response.status}).`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return `data:font/woff2;base64,${btoa(binary)}`;
    })();
    dataUrlCache.set(url, pending);
    pending.catch(() => dataUrlCache.delete(url));
  }
  return pending;
}

/**
 * Loads the page's bundled faces for `text` at every weight the exports draw, and waits for them:
 * `document.fonts.ready` alone does not load faces nothing on screen has used yet.
 * @example await loadFontsFor('Context ad 광고 広告');
 */
export async function loadFontsFor(text: string): Promise<void> {
  if (typeof document === 'undefined') return;
  await document.fonts.ready;
  await loadFacesFor(document.fonts, text);
  await document.fonts.ready;
}

/**
 * Loads, from a set of declared faces (the page's, or a raster worker's own), the ones `text`
 * needs at every weight the exports draw; only those subsets are fetched and decoded. Settles
 * when they are loaded — it does not wait on `fonts.ready`, which in a worker never settles
 * (Chromium 156: the faces load, `ready` stays pending).
 * With `fontFamily` (the drawing's list), each family loads only the characters it draws
 * (charactersByFamily); without it, every family loads every character.
 * @example await loadFacesFor(self.fonts, scene.runs.map((run) => run.text).join('\n'), scene.fontFamily);
 */
export async function loadFacesFor(fonts: FontFaceSet, text: string, fontFamily?: string): Promise<void> {
  // `load` walks the text it is given on every call (nine here), on the calling thread: a
  // 2,000-topic map's labels took ~0.4 s that way; its distinct characters say the same.
  const characters = [...new Set(text)];
  const perFamily = fontFamily
    ? charactersByFamily(declaredFaces(fonts), fontFamily, characters)
    : new Map(["'Noto Sans'", "'Noto Sans JP'", "'Noto Sans KR'"].map((family) => [family, characters.join('')]));
  await Promise.all(
    ['400', '600', '700'].flatMap((weight) => [...perFamily].map(([family, chars]) => fonts.load(`${weight} 16px ${family}`, chars).catch(() => []))),
  );
}

/** A family name as a font list or a face gives it, without quotes, in lower case. */
const plainFamily = (family: string): string => family.trim().replace(/^["']|["']$/g, '').toLowerCase();

function declaredFaces(fonts: FontFaceSet): { family: string; unicodeRange: string }[] {
  const faces: { family: string; unicodeRange: string }[] = [];
  fonts.forEach((face) => faces.push({ family: face.family, unicodeRange: face.unicodeRange }));
  return faces;
}

/**
 * Which bundled family draws which of `characters`, for a drawing in `fontFamily`: the first
 * family in the list one of whose faces' unicode-range holds the character — the browser's pick,
 * as the PDF writer repeats it (pdf-fonts.ts). A raster worker loads only those faces: loading
 * every family for every character took 43 faces for the benchmark map's labels (English,
 * Russian, Japanese, Korean) where 21 draw them — the Japanese and Korean files' Latin pieces
 * among the rest.
 * Families with nothing to draw are left out; the map's keys are the family names as listed.
 * @example charactersByFamily(faces, "'Noto Sans', 'Noto Sans JP', sans-serif", [...'Ad 広告']) // Map { "'Noto Sans'" => 'Ad ', "'Noto Sans JP'" => '広告' }
 */
export function charactersByFamily(faces: readonly { readonly family: string; readonly unicodeRange: string }[], fontFamily: string, characters: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  let left = characters;
  for (const listed of fontFamily.split(',')) {
    const family = plainFamily(listed);
    if (!BUNDLED_FAMILIES.has(family) || left.length === 0) continue;
    const ranges = faces.filter((face) => plainFamily(face.family) === family).flatMap((face) => parseUnicodeRange(face.unicodeRange || 'U+0-10FFFF'));
    const holds = (char: string) => {
      const cp = char.codePointAt(0) as number;
      return ranges.some(([from, to]) => cp >= from && cp <= to);
    };
    const mine = left.filter(holds);
    if (mine.length > 0) out.set(listed.trim(), mine.join(''));
    left = left.filter((char) => !holds(char));
  }
  return out;
}

/**
 * The bundled faces the text needs drawn in `fontFamily`: of each family, the files whose
 * unicode-range holds a character that family draws (charactersByFamily), at every weight.
 * @example facesFor(bundledFaceSources(), 'Ad 広告', fontFamilyFor('ja')) // Noto Sans latin, Noto Sans JP's pieces with 広 and 告
 */
export function facesFor<Face extends { readonly family: string; readonly unicodeRange: string }>(faces: readonly Face[], text: string, fontFamily: string): Face[] {
  const drawn = new Map<string, number[]>();
  for (const [listed, chars] of charactersByFamily(faces, fontFamily, [...new Set(text)])) drawn.set(plainFamily(listed), [...chars].map((char) => char.codePointAt(0) as number));
  return faces.filter((face) => {
    const codePoints = drawn.get(plainFamily(face.family));
    if (!codePoints) return false;
    const ranges = parseUnicodeRange(face.unicodeRange || 'U+0-10FFFF');
    return codePoints.some((cp) => ranges.some(([from, to]) => cp >= from && cp <= to));
  });
}

/**
 * The bundled faces `text` needs, each with its file's bytes, for a raster worker to declare
 * without fetching: fetched by the worker itself, 21 small files took ~100 ms of its start, its
 * thread waiting on the browser process nearly all of it (decoding them took ~11 ms). The page
 * reads them once for every worker (the app's own files, mostly from the cache, as it has drawn
 * with them). If one cannot be read, every bundled face is handed over by address, and the worker
 * loads what it needs itself, as before.
 * @example worker.postMessage({ type: 'scene', scene, faces: await bundledFaceFiles(scene.runs.map((r) => r.text).join('\n'), scene.fontFamily) });
 */
export async function bundledFaceFiles(text: string, fontFamily: string): Promise<FaceSource[]> {
  const sources = bundledFaceSources();
  try {
    return await Promise.all(
      facesFor(sources, text, fontFamily).map(async (face) => {
        const response = await fetch(face.url);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return { ...face, data: await response.arrayBuffer() };
      }),
    );
  } catch {
    return sources;
  }
}

/** A bundled `@font-face` as another global (a worker) declares it again with `new FontFace`. */
export interface FaceSource {
  readonly family: string;
  /** The WOFF2 file, absolute. */
  readonly url: string;
  /** The file's bytes, when the page read them for the worker (bundledFaceFiles). */
  readonly data?: ArrayBuffer;
  readonly weight: string;
  readonly style: string;
  readonly unicodeRange: string;
}

/**
 * Every bundled face the page declares (none is loaded by this): a raster worker cannot see the
 * page's fonts, so it declares the same faces — same families, weights and ranges, so it picks
 * and synthesises exactly as the page would — and loads the ones its text needs.
 * @example worker.postMessage({ faces: bundledFaceSources() });
 */
export function bundledFaceSources(): FaceSource[] {
  const sources: FaceSource[] = [];
  for (const { rule, family } of bundledRules()) {
    const src = /url\(\s*["']?([^"')]+\.woff2[^"')]*)["']?\s*\)/.exec(rule.style.getPropertyValue('src'));
    if (!src) continue;
    sources.push({
      family,
      url: new URL(src[1] as string, rule.parentStyleSheet?.href ?? document.baseURI).href,
      weight: rule.style.getPropertyValue('font-weight') || '400',
      style: rule.style.getPropertyValue('font-style') || 'normal',
      unicodeRange: rule.style.getPropertyValue('unicode-range') || 'U+0-10FFFF',
    });
  }
  return sources;
}

/** Characters every drawing may print besides its labels: score and count badges, "+N" chips, page numbers. */
const ALWAYS_EMBEDDED = '0123456789+ ';

/** The code points of `text` inside `ranges`, as a compact `unicode-range` value. */
function rangeValue(codePoints: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < codePoints.length; ) {
    let j = i;
    while (j + 1 < codePoints.length && (codePoints[j + 1] as number) === (codePoints[j] as number) + 1) j++;
    const from = (codePoints[i] as number).toString(16);
    parts.push(j > i ? `U+${from}-${(codePoints[j] as number).toString(16)}` : `U+${from}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** What `embeddedFontCss` made: the rules and, for the record, how many bytes of font they carry. */
export interface EmbeddedFonts {
  readonly css: string;
  readonly faces: number;
  readonly fontBytes: number;
}

/**
 * Waits until the page's fonts for `text` are loaded (so labels never draw in a fallback face),
 * then returns the `@font-face` rules for it: each bundled face that holds some of its characters,
 * cut down to those characters (font-subset.ts, loaded on demand) and inlined as a data: URL.
 * @example const css = await embeddedFontCss(parts.text); svgDocument(parts, { fontCss: css });
 */
export async function embeddedFontCss(text: string, fontFamily?: string): Promise<string> {
  return (await embeddedFonts(text, fontFamily)).css;
}

/**
 * `embeddedFontCss` with the sizes it embedded. `fontFamily`: the drawing's CSS font-family list;
 * each character then goes only to the first bundled family that has it, as the browser picks
 * (a Japanese map's kanji are drawn from Noto Sans JP; Noto Sans KR has them too but is never asked).
 */
export async function embeddedFonts(text: string, fontFamily?: string): Promise<EmbeddedFonts> {
  const codePoints = new Set<number>();
  for (const ch of text + ALWAYS_EMBEDDED) codePoints.add(ch.codePointAt(0) as number);
  if (typeof document === 'undefined') return { css: '', faces: 0, fontBytes: 0 };
  await loadFontsFor(text);
  const faces = faceRules();
  // The heaviest weight each family has: declaring the faces over the weight range up to the next
  // face keeps Chromium from synthesising bold, which it prints as unembeddable Type 3 glyphs.
  const weightsOf = new Map<string, number[]>();
  for (const rule of faces) {
    const family = rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim().toLowerCase();
    const list = weightsOf.get(family) ?? [];
    list.push(Number(rule.style.getPropertyValue('font-weight')) || 400);
    weightsOf.set(family, list);
  }
  const rangeOf = (family: string, weight: number) => {
    const heavier = (weightsOf.get(family) ?? []).filter((w) => w > weight);
    return `${weight} ${heavier.length > 0 ? Math.min(...heavier) - 1 : 900}`;
  };
  const order = (fontFamily ?? '').split(',').map((f) => f.replace(/["']/g, '').trim().toLowerCase()).filter((f) => BUNDLED_FAMILIES.has(f));
  const rangesOf = new Map<string, [number, number][][]>();
  for (const rule of faces) {
    const family = rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim().toLowerCase();
    rangesOf.set(family, [...(rangesOf.get(family) ?? []), parseUnicodeRange(rule.style.getPropertyValue('unicode-range'))]);
  }
  const has = (family: string, cp: number) => (rangesOf.get(family) ?? []).some((ranges) => ranges.length === 0 || ranges.some(([from, to]) => cp >= from && cp <= to));
  const owner = new Map<number, string>();
  for (const cp of codePoints) {
    const first = order.find((family) => has(family, cp));
    if (first) owner.set(cp, first);
  }
  const { packFace } = await import('./font-subset');
  // Every face at once, each into its place: the faces' files are fetched side by side rather than
  // one after another (40-odd round trips for a map in four scripts); the rules keep their order.
  const made = await Promise.all(
    faces.map(async (rule): Promise<{ css: string; bytes: number } | null> => {
      const family = rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim().toLowerCase();
      if (!BUNDLED_FAMILIES.has(family)) return null;
      const ranges = parseUnicodeRange(rule.style.getPropertyValue('unicode-range'));
      const used = [...codePoints]
        .filter((cp) => (owner.get(cp) ?? family) === family && (ranges.length === 0 || ranges.some(([from, to]) => cp >= from && cp <= to)))
        .sort((a, b) => a - b);
      if (used.length === 0) return null;
      const base = rule.parentStyleSheet?.href ?? document.baseURI;
      const src = rule.style.getPropertyValue('src');
      const name = family.replace(/\b\w/g, (c) => c.toUpperCase()).replace('Jp', 'JP').replace('Kr', 'KR');
      const weight = Number(rule.style.getPropertyValue('font-weight')) || 400;
      const face = `font-family:'${name}';font-style:${rule.style.getPropertyValue('font-style') || 'normal'};font-weight:${rangeOf(family, weight)};`;
      const woff = /url\(\s*["']?([^"')]+\.woff)(?:[?#][^"')]*)?["']?\s*\)/.exec(src);
      if (woff) {
        const packed = await packFace({ family: name, weight, woffUrl: new URL(woff[1] as string, base).href }, new Set(used));
        // The range is exactly what the face now holds, so the browser never looks in it for anything else.
        return { css: `@font-face{${face}src:url(${packed.dataUrl}) format('woff');unicode-range:${rangeValue(used)};}`, bytes: packed.bytes };
      }
      // A face declared only as WOFF2 (none of ours today) travels whole.
      const woff2 = /url\(\s*["']?([^"')]+\.woff2[^"')]*)["']?\s*\)/.exec(src);
      if (!woff2) return null;
      const data = await toDataUrl(new URL(woff2[1] as string, base).href);
      const range = rule.style.getPropertyValue('unicode-range');
      return { css: `@font-face{${face}src:url(${data}) format('woff2');${range ? `unicode-range:${range};` : ''}}`, bytes: Math.floor((data.length - data.indexOf(',') - 1) * 0.75) };
    }),
  );
  const css: string[] = [];
  let fontBytes = 0;
  for (const entry of made) {
    if (entry === null) continue;
    css.push(entry.css);
    fontBytes += entry.bytes;
  }
  return { css: css.join('\n'), faces: css.length, fontBytes };
}

/** A bundled `@font-face` with its WOFF (TrueType) file: what the PDF writer reads its glyphs from. */
export interface BundledFaceRule {
  readonly family: string;
  readonly weight: number;
  readonly ranges: readonly (readonly [number, number])[];
  readonly url: string;
}

/**
 * Every bundled face the page declares with a WOFF file, absolute: the PDF writer picks among them
 * as the browser would (pdf/writer/pdf-fonts.ts) and embeds what it picked.
 * @example const rules = bundledFaceRules(); rules[0] // { family: 'Noto Sans', weight: 400, ranges: [[0x460, 0x52f], …], url: 'app://…/noto-sans-cyrillic-ext-400-normal.woff' }
 */
export function bundledFaceRules(): BundledFaceRule[] {
  const out: BundledFaceRule[] = [];
  for (const { rule, family } of bundledRules()) {
    if ((rule.style.getPropertyValue('font-style') || 'normal') !== 'normal') continue;
    const woff = /url\(\s*["']?([^"')]+\.woff)(?:[?#][^"')]*)?["']?\s*\)/.exec(rule.style.getPropertyValue('src'));
    if (!woff) continue;
    out.push({
      family,
      weight: Number(rule.style.getPropertyValue('font-weight')) || 400,
      ranges: parseUnicodeRange(rule.style.getPropertyValue('unicode-range')),
      url: new URL(woff[1] as string, rule.parentStyleSheet?.href ?? document.baseURI).href,
    });
  }
  return out;
}
