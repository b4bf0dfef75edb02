/**
 * Finding text in any script. Labels and notes are matched case-insensitively after NFKC
 * normalisation, so the forms people type interchangeably find each other: half-width and
 * full-width Kana (ｶﾌｪ ↔ カフェ), full-width Latin (ＷＥＢ ↔ web), decomposed and composed
 * Hangul (ᄒ+ᅡ+ᆫ ↔ 한), Cyrillic and Latin in any case (СайТ ↔ сайт). Pure, no DOM.
 */
import { buildChildIndex } from '@shared/model/selectors';
import type { MapDoc, Topic, TopicId } from '@shared/model/types';

/**
 * The form text is compared in: NFKC, then lower case (locale-independent, so the result does
 * not depend on the user's UI language).
 * @example foldForSearch('ｶﾌｪ') === foldForSearch('カフェ') // true
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

// Folding 5,000 labels on every key press would dominate the search; a topic record never
// changes in place (commands replace it), so its folded text can be cached by reference.
const foldedTopics = new WeakMap<Topic, string>();

function foldedTextOf(topic: Topic): string {
  let folded = foldedTopics.get(topic);
  if (folded === undefined) {
    // A separator that no query can contain, so a match never spans label and notes.
    folded = foldForSearch(topic.label) + '\u0000' + foldForSearch(topic.notes ?? '');
    foldedTopics.set(topic, folded);
  }
  return folded;
}

/** True when the topic's label or notes contain the query (already folded, non-empty). */
export function topicMatches(topic: Topic, foldedQuery: string): boolean {
  return foldedQuery !== '' && foldedTextOf(topic).includes(foldedQuery);
}

/**
 * The topics whose label or notes contain `query`, in map order: each touchpoint, then its details
 * depth first. The root counts too (it is a node on the map). Empty or blank query → no matches.
 * @example findMatches(doc, 'САЙТ') // ids of "сайт клиники", "Сайт"…
 */
export function findMatches(doc: MapDoc, query: string): TopicId[] {
  const folded = foldForSearch(query.trim());
  if (folded === '') return [];
  const index = buildChildIndex(doc);
  const out: TopicId[] = [];
  const root = index.root;
  if (!root) return out;
  const stack: Topic[] = [root];
  while (stack.length > 0) {
    const topic = stack.pop() as Topic;
    if (topicMatches(topic, folded)) out.push(topic.id);
    const children = index.childrenOf(topic.id);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as Topic);
  }
  return out;
}

/** A [start, end) range of the original text. */
export type TextRange = readonly [number, number];

/**
 * Where the query occurs in `text`, as ranges of the original string (for `<mark>` in the outline).
 * Each code point is folded on its own, which keeps a map from folded back to original positions;
 * text whose folding needs neighbours (decomposed Hangul jamo) then may not map exactly, and the
 * caller gets the whole text as one range when `topicMatches` says it matches but no range maps.
 * @example highlightRanges('Site page', 'PAGE') // [[5, 9]]
 */
export function highlightRanges(text: string, query: string): TextRange[] {
  const folded = foldForSearch(query.trim());
  if (folded === '' || text === '') return [];
  let haystack = '';
  const origin: number[] = []; // origin[i] = index in `text` of the code point that produced haystack[i]
  let offset = 0;
  for (const char of text) {
    const part = foldForSearch(char);
    for (let i = 0; i < part.length; i += 1) origin.push(offset);
    haystack += part;
    offset += char.length;
  }
  origin.push(text.length);
  const ranges: TextRange[] = [];
  let from = haystack.indexOf(folded);
  while (from >= 0) {
    const start = origin[from] as number;
    const lastOrigin = origin[from + folded.length - 1] as number;
    const end = lastOrigin + (text.codePointAt(lastOrigin) as number > 0xffff ? 2 : 1);
    ranges.push([start, end]);
    from = haystack.indexOf(folded, from + folded.length);
  }
  if (ranges.length === 0 && foldForSearch(text).includes(folded)) return [[0, text.length]];
  return ranges;
}
