/**
 * The presentation of a map: the slides a facilitator shows on a projector (DOMAIN.md §5, "present
 * and share"), in the order picked. A saved deck lives on the map's meta (`MapMeta.presentation`);
 * a map without one shows the default deck.
 *
 * A slide names what it shows by id (a stage, a chain), never by position, so renaming a stage
 * renames its slide. A slide whose stage or chain was deleted since is skipped when the deck is
 * resolved, not an error: the rest of the deck still presents.
 *
 * Pure: no DOM. The presenter (renderer/src/features/present), the PDF deck and the PowerPoint
 * deck all walk the same `deckOf(doc)`.
 */
import { chainsOf, topicOf, weakLink } from './selectors';
import type { ActionStatus, Chain, ChainId, MapDoc, Stage, StageId, Topic, TopicId } from './types';

/** The charts a slide can show (drawn by the analysis charts, outside this module). */
export const CHART_KINDS = ['distribution', 'scores', 'priority', 'journeys'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export const SLIDE_KINDS = ['map', 'stage', 'chain', 'actions', 'chart'] as const;
export type SlideKind = (typeof SLIDE_KINDS)[number];

/** A slide as saved: what it shows, by id. */
export type SlideRef =
  | { readonly kind: 'map' }
  | { readonly kind: 'stage'; readonly stageId: StageId }
  | { readonly kind: 'chain'; readonly chainId: ChainId }
  | { readonly kind: 'actions' }
  | { readonly kind: 'chart'; readonly chart: ChartKind };

/** The deck saved with a map: its slides in the order they are shown. */
export interface Presentation {
  readonly slides: readonly SlideRef[];
}

/** A touchpoint with an improvement action, for the action plan slide. */
export interface ActionRow {
  readonly topicId: TopicId;
  readonly touchpoint: string;
  readonly what: string;
  readonly owner: string;
  readonly due: string;
  readonly status: ActionStatus;
}

/** A slide resolved against the map: what it shows, ready to draw. */
export type Slide =
  | { readonly kind: 'map'; readonly key: string; readonly ref: SlideRef; readonly title: string }
  | { readonly kind: 'stage'; readonly key: string; readonly ref: SlideRef; readonly title: string; readonly stage: Stage }
  | {
      readonly kind: 'chain';
      readonly key: string;
      readonly ref: SlideRef;
      readonly title: string;
      readonly chain: Chain;
      /** The chain's steps that still name a topic of the map, in order. */
      readonly steps: readonly TopicId[];
      /** Index into `steps` of the weak link (the lowest-scored step), when any step is scored. */
      readonly weakStep?: number;
    }
  | { readonly kind: 'actions'; readonly key: string; readonly ref: SlideRef; readonly title: string; readonly rows: readonly ActionRow[] }
  | { readonly kind: 'chart'; readonly key: string; readonly ref: SlideRef; readonly title: string; readonly chart: ChartKind };

/** Words a slide title needs beyond the map's own names (see shared/templates/slide-words.ts). */
export interface SlideTitleWords {
  readonly actionPlan: string;
  readonly charts: Readonly<Record<ChartKind, string>>;
}

/**
 * A stable key per slide (for React lists, the picker's checkboxes and tests).
 * @example slideKey({ kind: 'stage', stageId: 's-aw' }) // 'stage:s-aw'
 */
export function slideKey(ref: SlideRef): string {
  switch (ref.kind) {
    case 'stage':
      return `stage:${ref.stageId}`;
    case 'chain':
      return `chain:${ref.chainId}`;
    case 'chart':
      return `chart:${ref.chart}`;
    default:
      return ref.kind;
  }
}

/**
 * The deck a map shows when none was saved: the whole map, each stage in map order, each chain
 * in the chains' order, then the action plan.
 * @example defaultSlides(doc).map(slideKey) // ['map', 'stage:s-aw', 'stage:s-co', 'chain:j-1', 'actions']
 */
export function defaultSlides(doc: MapDoc): SlideRef[] {
  return [
    { kind: 'map' },
    ...doc.map.stages.map((stage): SlideRef => ({ kind: 'stage', stageId: stage.id })),
    ...chainsOf(doc).map((chain): SlideRef => ({ kind: 'chain', chainId: chain.id })),
    { kind: 'actions' },
  ];
}

/** Every slide the map could show, in the default order, with the charts after: the picker's list. */
export function availableSlides(doc: MapDoc): SlideRef[] {
  return [...defaultSlides(doc), ...CHART_KINDS.map((chart): SlideRef => ({ kind: 'chart', chart }))];
}

/** The slides the map shows: the saved ones (their stage or chain still there), else the default deck. */
export function chosenSlides(doc: MapDoc): SlideRef[] {
  const saved = doc.map.presentation?.slides;
  if (!saved) return defaultSlides(doc);
  return saved.filter((ref) => resolvable(doc, ref));
}

/**
 * The picker's rows: the chosen slides first, in their order and ticked, then every other slide
 * the map could show, unticked, so a slide left out can be put back.
 */
export function pickerRows(doc: MapDoc): { readonly ref: SlideRef; readonly chosen: boolean }[] {
  const chosen = chosenSlides(doc);
  const keys = new Set(chosen.map(slideKey));
  return [...chosen.map((ref) => ({ ref, chosen: true })), ...availableSlides(doc).filter((ref) => !keys.has(slideKey(ref))).map((ref) => ({ ref, chosen: false }))];
}

function resolvable(doc: MapDoc, ref: SlideRef): boolean {
  if (ref.kind === 'stage') return doc.map.stages.some((stage) => stage.id === ref.stageId);
  if (ref.kind === 'chain') return Object.hasOwn(doc.chains, ref.chainId);
  return true;
}

/**
 * The map's slides resolved, ready to present or export. Slides naming a deleted stage or chain are
 * skipped; a slide named twice shows once.
 * @example deckOf(doc, SLIDE_WORDS.en).map((slide) => slide.title) // ['Clinic', 'Awareness', 'First visit', 'Action plan']
 */
export function deckOf(doc: MapDoc, words: SlideTitleWords): Slide[] {
  const seen = new Set<string>();
  const out: Slide[] = [];
  for (const ref of chosenSlides(doc)) {
    const key = slideKey(ref);
    if (seen.has(key)) continue;
    seen.add(key);
    const slide = resolveSlide(doc, ref, key, words);
    if (slide) out.push(slide);
  }
  return out;
}

function resolveSlide(doc: MapDoc, ref: SlideRef, key: string, words: SlideTitleWords): Slide | undefined {
  switch (ref.kind) {
    case 'map':
      return { kind: 'map', key, ref, title: doc.map.title };
    case 'stage': {
      const stage = doc.map.stages.find((s) => s.id === ref.stageId);
      return stage && { kind: 'stage', key, ref, title: stage.name, stage };
    }
    case 'chain': {
      const chain = Object.hasOwn(doc.chains, ref.chainId) ? doc.chains[ref.chainId] : undefined;
      if (!chain) return undefined;
      const steps = chain.steps.filter((id) => topicOf(doc, id) !== undefined);
      const weak = weakLink(doc, { ...chain, steps });
      return { kind: 'chain', key, ref, title: chain.name, chain, steps, ...(weak ? { weakStep: weak.index } : {}) };
    }
    case 'actions':
      return { kind: 'actions', key, ref, title: words.actionPlan, rows: actionRows(doc) };
    case 'chart':
      return { kind: 'chart', key, ref, title: words.charts[ref.chart], chart: ref.chart };
  }
}

/** Every touchpoint with an improvement action, in map order (depth first, siblings by order). */
export function actionRows(doc: MapDoc): ActionRow[] {
  const children = new Map<TopicId | null, Topic[]>();
  for (const topic of Object.values(doc.topics)) {
    const list = children.get(topic.parentId) ?? [];
    list.push(topic);
    children.set(topic.parentId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const out: ActionRow[] = [];
  const walk = (parent: TopicId | null) => {
    for (const topic of children.get(parent) ?? []) {
      if (topic.action && topic.action.what.trim() !== '') {
        out.push({ topicId: topic.id, touchpoint: topic.label, what: topic.action.what, owner: topic.action.owner ?? '', due: topic.action.due ?? '', status: topic.action.status });
      }
      walk(topic.id);
    }
  };
  walk(null);
  return out;
}

/**
 * How many steps a slide has while presenting: a chain shows its whole walk first, then each of its
 * steps lit in turn; every other slide is one step.
 */
export function stepCount(slide: Slide): number {
  return slide.kind === 'chain' ? 1 + slide.steps.length : 1;
}

/** Where the presenter is: a slide, and a step within it (0 = the slide as a whole). */
export interface DeckPosition {
  readonly slide: number;
  readonly step: number;
}

/** The next step, or the next slide's first; the same position at the end of the deck. */
export function nextPosition(deck: readonly Slide[], at: DeckPosition): DeckPosition {
  const slide = deck[at.slide];
  if (!slide) return { slide: 0, step: 0 };
  if (at.step + 1 < stepCount(slide)) return { slide: at.slide, step: at.step + 1 };
  if (at.slide + 1 < deck.length) return { slide: at.slide + 1, step: 0 };
  return at;
}

/** The previous step; going back onto a chain slide lands on its last step, as a clicker user expects. */
export function previousPosition(deck: readonly Slide[], at: DeckPosition): DeckPosition {
  if (at.step > 0) return { slide: at.slide, step: at.step - 1 };
  if (at.slide === 0) return at;
  const before = deck[at.slide - 1];
  return { slide: at.slide - 1, step: before ? stepCount(before) - 1 : 0 };
}

/** A position kept inside a deck that changed under it (a slide removed while presenting). */
export function clampPosition(deck: readonly Slide[], at: DeckPosition): DeckPosition {
  if (deck.length === 0) return { slide: 0, step: 0 };
  const slide = Math.min(Math.max(at.slide, 0), deck.length - 1);
  return { slide, step: Math.min(Math.max(at.step, 0), stepCount(deck[slide] as Slide) - 1) };
}

/** The touchpoint lit at a chain slide's step (step 1 = the first step), or undefined on the whole walk. */
export function litStep(slide: Slide, step: number): TopicId | undefined {
  return slide.kind === 'chain' && step > 0 ? slide.steps[step - 1] : undefined;
}
