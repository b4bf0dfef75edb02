/**
 * The picture of a slide: the map, one stage, or one chain's walk, drawn by the one export
 * renderer (svg-renderer.ts) from the same layout as the canvas. The presenter, the PDF deck and
 * the PowerPoint deck all show these very parts, so what the room sees is what the files carry.
 *
 * The action plan is a table, not a picture (each deck writes it as text). A chart slide is the
 * analysis chart (drawing/charts) drawn at a projector's size: small enough in drawing px that its
 * type comes out large once fitted to the slide.
 */
import type { MapDoc } from '@shared/model/types';
import type { Slide } from '@shared/model/presentation';
import type { Grouping } from '../../../../store/ui-store';
import { mindModelFor } from '../../../../drawing/mind-model';
import type { LayoutNode, MapLayout } from '../../../../drawing/layout';
import { chartScene, type ChartKind } from '../../../../drawing/charts';
import { escapeXml, renderMapSvg, type SvgParts } from '../svg/svg-renderer';
import { chartParts } from '../charts/chart-parts';
import { stageLayout } from '../stage-scope';
import { BODY_BOX } from './deck-layout';

export interface SlidePictureOptions {
  /** The theme the room sees: the light paper or the dark theme. */
  readonly background: 'white' | 'dark';
  readonly grouping?: Grouping;
}

/**
 * The layout cut to one chain's walk: its steps and the nodes they hang from (their stage group,
 * their channel, the business), so the walk reads in place and large on a slide. Null when no step
 * is on the layout (every step hidden under a collapsed touchpoint): the caller shows the whole map.
 * @example const part = chainLayout(layout, ['t-ad', 't-site']) ?? layout;
 */
export function chainLayout(layout: MapLayout, steps: readonly string[]): MapLayout | null {
  const byId = new Map<string, LayoutNode>();
  for (const node of layout.nodes) byId.set(node.id, node);
  const inside = new Set<string>();
  for (const step of new Set(steps)) {
    let node = byId.get(step);
    while (node && !inside.has(node.id)) {
      inside.add(node.id);
      node = node.parentId === null ? undefined : byId.get(node.parentId);
    }
  }
  if (!steps.some((step) => byId.has(step))) return null;
  const nodes = layout.nodes.filter((node) => inside.has(node.id));
  const edges = layout.edges.filter((edge) => inside.has(edge.source) && inside.has(edge.target));
  return { nodes, edges, bounds: boundsOf(nodes) };
}

/** The room between a stage's offline and online halves on its slide, px. */
export const STAGE_SIDES_GAP = 96;

/**
 * A stage's slide brought together: on the map its offline half sits left of the business and its
 * online half right, a whole map's width apart, which would leave the slide's middle empty and both
 * halves tiny. Each side is moved (whole, so nothing inside it changes) until they stand
 * STAGE_SIDES_GAP apart, their middles on one line.
 * @example const compact = closeSides(stageLayout(layout, 's-aw')!);
 */
export function closeSides(layout: MapLayout): MapLayout {
  const left = layout.nodes.filter((node) => node.side === 'left');
  const right = layout.nodes.filter((node) => node.side !== 'left');
  if (left.length === 0 || right.length === 0) return layout;
  const a = boundsOf(left);
  const b = boundsOf(right);
  const dx = b.x - STAGE_SIDES_GAP - (a.x + a.width);
  const dy = b.y + b.height / 2 - (a.y + a.height / 2);
  const nodes = layout.nodes.map((node) => (node.side === 'left' ? { ...node, x: node.x + dx, y: node.y + dy } : node));
  return { ...layout, nodes, bounds: boundsOf(nodes) };
}

function boundsOf(nodes: readonly LayoutNode[]): MapLayout['bounds'] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const node of nodes) {
    minX = Math.min(minX, node.x);
    minY = Math.min(minY, node.y);
    maxX = Math.max(maxX, node.x + node.width);
    maxY = Math.max(maxY, node.y + node.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * A chart slide's drawing width, px. The charts' type is 11–16 px at any size, so the smaller the
 * drawing the larger its words on the slide: at this width a chart fills the body of a 1280 px
 * projector at about 1.6× (11 px labels read as 18 px) and still has room for its labels.
 */
export const CHART_SLIDE_WIDTH = 760;

/**
 * The size a chart is drawn at for a slide: the slide body's shape, taller when the chart has
 * rows that would not fit (a stage a row, a chain a panel), so nothing is cut.
 * @example chartSlideSize('priority', doc) // { width: 760, height: 330 }
 */
export function chartSlideSize(kind: ChartKind, doc: MapDoc): { width: number; height: number } {
  const width = CHART_SLIDE_WIDTH;
  const body = Math.round((width * BODY_BOX.height) / BODY_BOX.width);
  const need =
    kind === 'distribution' ? 80 + (doc.map.stages.length + 2) * 24 : kind === 'journeys' ? 60 + Math.max(1, doc.chainOrder.length) * 140 : body;
  return { width, height: Math.max(body, need) };
}

/**
 * A chart slide's picture: the chart in the room's theme on no background of its own (the slide's
 * shows through), its words in the map's font.
 * @example const parts = chartSlidePicture(doc, 'priority', 'dark');
 */
export function chartSlidePicture(doc: MapDoc, kind: ChartKind, background: SlidePictureOptions['background']): SvgParts {
  const scene = chartScene(kind, doc, { ...chartSlideSize(kind, doc), theme: background === 'dark' ? 'dark' : 'light', background: false });
  const parts = chartParts(scene);
  // the chart's shapes carry no font of their own: a standalone file (the .pptx picture) needs one named
  const font = (markup: string) => `<g font-family="${escapeXml(parts.fontFamily)}">${markup}</g>`;
  return { ...parts, body: font(parts.body), shapes: font(parts.shapes) };
}

/**
 * The drawing of a map, stage, chain or chart slide; null for the action plan.
 * A chain slide draws that chain alone, its weak link ringed and tagged as in every export.
 * @example const parts = slidePicture(doc, deck[0], { background: 'white' });
 */
export function slidePicture(doc: MapDoc, slide: Slide, options: SlidePictureOptions): SvgParts | null {
  if (slide.kind === 'actions') return null;
  if (slide.kind === 'chart') return chartSlidePicture(doc, slide.chart, options.background);
  const whole = mindModelFor(doc, options.grouping ?? 'channel-stage').layout;
  const base = { background: options.background, legend: false, titleBlock: false } as const;
  // the whole map's slide carries the key to its colours and score badges: the room reads the first slide cold
  if (slide.kind === 'map') return renderMapSvg(doc, whole, { ...base, chains: false, legend: true });
  if (slide.kind === 'stage') {
    const part = stageLayout(whole, slide.stage.id);
    return renderMapSvg(doc, part ? closeSides(part) : whole, { ...base, chains: true, partOfMap: part !== null });
  }
  const part = chainLayout(whole, slide.steps);
  return renderMapSvg(doc, part ?? whole, { ...base, chains: true, onlyChains: [slide.chain.id], partOfMap: part !== null });
}
