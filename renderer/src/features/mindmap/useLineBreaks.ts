/**
 * The canvas's side of loading BudouX's Japanese model on demand (drawing/line-breaks.ts): a map
 * with Japanese text waits for the model before its first layout, so it never opens with lines
 * broken one way and then another; Japanese typed later into a map without any is laid out at once
 * with the wrapper's own breaks, and again between phrases when the model lands.
 */
import { use, useSyncExternalStore } from 'react';
import type { MapDoc, MapMeta, TopicId } from '@shared/model/types';
import { breaksVersion, hasJapaneseText, japaneseBreaksReady, loadJapaneseBreaks, onBreaksChange } from '../../drawing/line-breaks';

/** Maps already read for Japanese, by their map record (a topic's edit keeps the record). */
const scanned = new WeakMap<MapMeta, boolean>();

/** True when laying out `doc` needs the Japanese model: its language, a stage or a topic has Kana or Kanji. */
export function mapHasJapanese(doc: MapDoc): boolean {
  if (doc.map.locale === 'ja') return true;
  if (doc.map.stages.some((stage) => hasJapaneseText(stage.name))) return true;
  for (const id in doc.topics) if (hasJapaneseText(doc.topics[id as TopicId]!.label)) return true;
  return false;
}

/**
 * The line-breaks version the canvas lays out with (goes up when the model lands). Suspends the
 * first layout of a map with Japanese text until the model is here.
 */
export function useLineBreaks(doc: MapDoc | null): number {
  if (doc && !japaneseBreaksReady()) {
    let japanese = scanned.get(doc.map);
    if (japanese === undefined) {
      japanese = mapHasJapanese(doc);
      scanned.set(doc.map, japanese);
    }
    if (japanese) use(loadJapaneseBreaks());
  }
  return useSyncExternalStore(onBreaksChange, breaksVersion);
}
