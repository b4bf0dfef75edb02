/**
 * Where a label written in Japanese or Korean may break, by the rules of the language, for the
 * wrapping in text-metrics.ts (and so for the canvas and every export alike).
 * - Japanese (any Kana or Kanji): between phrases (bunsetsu) as BudouX finds them — the model
 *   Chrome itself uses for `word-break: auto-phrase` — so "ソフトウェア" or "クリニック" is never
 *   split; only a phrase too long for a whole line is broken inside (kinsoku still applies).
 * - Korean (any Hangul): words are kept whole (the norm, CSS `word-break: keep-all`); besides the
 *   spaces, a line may break after punctuation that joins two words ("메일·문자", "A/B"), at the
 *   word boundaries `Intl.Segmenter` finds.
 * Latin, Cyrillic and the rest need nothing here: they break at spaces and hyphens.
 *
 * Pure: no DOM; safe in workers and the export renderer. Results are cached per label, so laying
 * out the same map again costs one map look-up per label.
 *
 * BudouX's Japanese model is loaded on demand ({@link loadJapaneseBreaks}), not with the app: most
 * maps have no Japanese, and the library screen should not wait for it. Until it has arrived,
 * Japanese runs break only where the wrapper's own rules allow (never cached), the first such
 * label starts the load, and {@link breaksVersion} counts up when it lands so layouts made
 * before it are made again.
 */
import type { Parser } from 'budoux';

let japanese: Parser | null = null;
let japaneseLoad: Promise<void> | null = null;
let version = 0;
const listeners = new Set<() => void>();
let korean: Intl.Segmenter | null | undefined;

/** Labels seen; cleared when it grows past this many (a map has a few thousand labels). */
const CACHE_LIMIT = 20_000;
const cache = new Map<string, Uint8Array | null>();

const PUNCTUATION = /[\p{P}\p{S}]/u;

const isKanaOrKanji = (cp: number) =>
  (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff66 && cp <= 0xff9f);
/** Kana, Kanji, the prolonged-sound mark and CJK / full-width punctuation: what a run of Japanese is made of. */
const isJapaneseRunChar = (cp: number) => isKanaOrKanji(cp) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff65);
const isHangul = (cp: number) => (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f);

/** True when `text` has Kana or Kanji: laying it out wants BudouX's Japanese model. */
export function hasJapaneseText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp >= 0x3040 && isKanaOrKanji(cp)) return true;
  }
  return false;
}

/** True once BudouX's Japanese model is here: Japanese labels then break between phrases. */
export const japaneseBreaksReady = (): boolean => japanese !== null;

/**
 * Loads BudouX's Japanese model (once; later calls return the same promise). When it arrives, the
 * labels broken without it are forgotten, {@link breaksVersion} goes up and the listeners run.
 */
export function loadJapaneseBreaks(): Promise<void> {
  japaneseLoad ??= import('./japanese-model').then(({ Parser, jaModel }) => {
    japanese = new Parser(jaModel);
    cache.clear();
    version += 1;
    for (const listener of listeners) listener();
  });
  return japaneseLoad;
}

/** Goes up each time the line breaks of some label may have changed (the Japanese model arrived). */
export const breaksVersion = (): number => version;

/** Calls `listener` when the line breaks change; returns the unsubscribe. */
export function onBreaksChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The phrase boundaries of a label: `breaks[i] === 1` when a line may break before UTF-16 index
 * `i` (the wrapper still applies kinsoku and never breaks inside a surrogate pair). Null when the
 * label has no Japanese or Korean text, so the default rules apply.
 * @example phraseBreaks('イベントでのロゴ入りウェア') // 1 at index 6 only: イベントでの | ロゴ入りウェア
 * @example phraseBreaks('Context ad') // null
 */
export function phraseBreaks(label: string): Uint8Array | null {
  let hasJapanese = false;
  let hasKorean = false;
  for (let i = 0; i < label.length; i++) {
    const cp = label.charCodeAt(i);
    if (cp < 0x1100) continue;
    if (isKanaOrKanji(cp)) hasJapanese = true;
    else if (isHangul(cp)) hasKorean = true;
  }
  if (!hasJapanese && !hasKorean) return null;
  const known = cache.get(label);
  if (known !== undefined) return known;

  const breaks = new Uint8Array(label.length + 1);
  // without the model, a Japanese label gets the wrapper's own breaks for now, and is not cached
  const provisional = hasJapanese && japanese === null;
  if (provisional) void loadJapaneseBreaks();
  if (hasJapanese && japanese !== null) {
    const parser = japanese;
    // BudouX reads each run of Japanese on its own (a label often mixes in Latin or Hangul words,
    // which break at their spaces anyway): its cost is then the Japanese text's, not the label's.
    // A run may start a line after another script's word, unless it starts with a particle (hiragana).
    let i = 0;
    while (i < label.length) {
      if (!isJapaneseRunChar(label.charCodeAt(i))) {
        i += 1;
        continue;
      }
      const start = i;
      while (i < label.length && isJapaneseRunChar(label.charCodeAt(i))) i += 1;
      const first = label.charCodeAt(start);
      if (start > 0 && !(first >= 0x3040 && first <= 0x309f)) breaks[start] = 1;
      for (const at of parser.parseBoundaries(label.slice(start, i))) breaks[start + at] = 1;
    }
  }
  if (hasKorean) {
    if (korean === undefined) korean = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('ko', { granularity: 'word' }) : null;
    // only punctuation inside the text can add a break to the spaces (most labels have none)
    if (korean && PUNCTUATION.test(label)) {
      // after punctuation between two words, not before it, and never inside a word
      let previousWordLike = true;
      for (const segment of korean.segment(label)) {
        const first = label.charCodeAt(segment.index);
        if (segment.isWordLike && !previousWordLike && segment.index > 0 && first !== 0x20) breaks[segment.index] = 1;
        previousWordLike = segment.isWordLike === true || segment.segment.trim() === '';
      }
    }
  }
  if (provisional) return hasKorean ? breaks : null;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(label, breaks);
  return breaks;
}
