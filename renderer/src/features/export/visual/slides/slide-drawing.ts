/**
 * What the presenter needs of the export code, in one chunk loaded when presenting starts: a
 * slide's picture as inline SVG markup, with where each touchpoint sits in it (to light a chain's
 * step without drawing the slide again).
 */
import type { MapDoc } from '@shared/model/types';
import type { Slide } from '@shared/model/presentation';
import { svgDocument, type ExportedNode } from '../svg/svg-renderer';
import { slidePicture, type SlidePictureOptions } from './slide-picture';

export interface SlideMarkup {
  readonly markup: string;
  readonly width: number;
  readonly height: number;
  readonly nodes: ReadonlyMap<string, ExportedNode>;
}

/** Pictures already drawn, per doc (a new doc is a new map state): stepping back is instant. */
const drawn = new WeakMap<MapDoc, Map<string, SlideMarkup | null>>();

/**
 * A slide's picture as inline SVG (a chart slide's is the chart); null for the action plan.
 * @example const picture = slideMarkup(doc, deck[0], { background: 'dark' }); element.innerHTML = picture.markup;
 */
export function slideMarkup(doc: MapDoc, slide: Slide, options: SlidePictureOptions): SlideMarkup | null {
  let cache = drawn.get(doc);
  if (!cache) drawn.set(doc, (cache = new Map()));
  const key = `${slide.key}|${options.background}|${options.grouping ?? 'channel-stage'}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const parts = slidePicture(doc, slide, options);
  const out = parts && {
    // no background of its own: the slide's shows through, edge to edge
    markup: svgDocument({ ...parts, backgroundColor: null }, { inline: true }),
    width: parts.width,
    height: parts.height,
    nodes: new Map(parts.nodes.map((node) => [node.id, node])),
  };
  cache.set(key, out);
  return out;
}
