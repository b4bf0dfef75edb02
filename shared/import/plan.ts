/**
 * From a neutral tree or table to a plan of touchpoints — pure, so the preview can show every
 * guess, let the user change it, and only then build the map (build-map.ts). Nothing here writes.
 *
 * Tree structures:
 * - `first-level`: the centre's children are stages, their children touchpoints, deeper topics
 *   details. (Touchmap's own outline export, with Online / Offline above the stages, is recognised
 *   and its channels kept.)
 * - `none`: the centre's children are touchpoints (groups), all in one chosen stage or none.
 * - `auto`: touchpoints are sorted into the stages of a preset and into online / offline by the
 *   words of their labels (keywords.ts); a first-level topic named like a stage is that stage.
 */
import { fill } from '../i18n/message-language';
import { LOCALES, type Channel, type Locale } from '../model/types';
import { presetStages, stagePreset, type PresetId } from '../templates/presets';
import { mapWords } from '../templates/map-words';
import { channelHeading, guessChannel, guessJourneyStage, guessLocale, presetStageOf } from './keywords';
import { importWords, type Dropped, type ImportNode, type ImportSheet } from './source';

export type TreeStructure = 'auto' | 'first-level' | 'none';
/** What a score marker (XMind priority 1–9, FreeMind full-1…9) sets. */
export type MarkerScores = 'none' | 'importance' | 'score';

export interface TreePlanOptions {
  readonly structure: TreeStructure;
  /** For `none`: the stage every touchpoint goes to; none when undefined. */
  readonly stage?: string;
  /** For `auto`: the preset whose stages the touchpoints are sorted into. */
  readonly preset?: PresetId;
  readonly markers?: MarkerScores;
  /** The map's language; guessed from the labels when left out. */
  readonly locale?: Locale;
}

export interface PlannedDetail {
  readonly label: string;
  readonly notes?: string;
  readonly children: readonly PlannedDetail[];
}

export interface PlannedAction {
  readonly what: string;
  readonly owner?: string;
  readonly due?: string;
}

export interface PlannedTouchpoint {
  readonly label: string;
  readonly notes?: string;
  /** A stage name of the plan's `stages`, or undefined (unsorted). */
  readonly stage?: string;
  readonly channel?: Channel;
  readonly importance?: number;
  readonly score?: number;
  /** Competitor name → score. */
  readonly competitorScores?: Readonly<Record<string, number>>;
  readonly action?: PlannedAction;
  readonly details: readonly PlannedDetail[];
  /** Which of stage and channel were guessed from words (the preview marks them). */
  readonly guessed?: { readonly stage?: boolean; readonly channel?: boolean };
}

export interface ImportPlan {
  readonly title: string;
  /** The label of the map's centre topic (the business); the title when left out. */
  readonly centre?: string;
  readonly locale: Locale;
  readonly stages: readonly string[];
  readonly competitors: readonly string[];
  readonly touchpoints: readonly PlannedTouchpoint[];
  /** What did not come along and why, counted. */
  readonly dropped: Dropped;
  /** Values that could not be used, one sentence each ("Row 4: importance 14 is not 1–10"). */
  readonly notes: readonly string[];
}

// ───────────────────────────── words for fields

const fieldWords = (pick: (w: ReturnType<typeof mapWords>['outline']) => string, extra: readonly string[]) =>
  new Set([...LOCALES.map((l) => pick(mapWords(l).outline).toLowerCase()), ...extra]);
const IMPORTANCE_WORDS = fieldWords((w) => w.importance, ['importance', 'priority', 'weight', 'важность', 'приоритет', '중요도', '우선순위', '重要度', '優先度']);
const SCORE_WORDS = fieldWords((w) => w.score, ['score', 'our score', 'rating', 'wow', 'оценка', 'наша оценка', 'балл', '점수', '평가', '評価', 'スコア', '点数']);

/** A whole number in range from text, or undefined. */
export function numberIn(text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text.trim().replace(',', '.'));
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/** The number of a score marker: XMind `priority-3`, FreeMind `full-3`. */
function markerNumber(markers: readonly string[] | undefined): number | undefined {
  for (const m of markers ?? []) {
    const match = /^(?:priority|full)-(\d)$/.exec(m);
    if (match) return Number(match[1]);
  }
  return undefined;
}

// ───────────────────────────── trees

function detailOf(node: ImportNode): PlannedDetail {
  return { label: node.label, ...(node.notes !== undefined && { notes: node.notes }), children: node.children.map(detailOf) };
}

function allLabels(node: ImportNode, out: string[], limit = 2000): void {
  const stack = [node];
  while (stack.length > 0 && out.length < limit) {
    const n = stack.pop() as ImportNode;
    out.push(n.label);
    stack.push(...n.children);
  }
}

/** The language of a sheet by the script of its labels. */
export function sheetLocale(sheet: ImportSheet): Locale {
  const labels: string[] = [];
  allLabels(sheet.root, labels);
  return guessLocale(labels.join(' '));
}

interface Collected {
  competitors: string[];
  notes: string[];
}

/** A touchpoint from a node: scores from markers and attributes, the rest of the attributes in its notes. */
function touchpointOf(node: ImportNode, markers: MarkerScores, collected: Collected, place: { stage?: string; channel?: Channel; guessed?: PlannedTouchpoint['guessed'] }): PlannedTouchpoint {
  let importance: number | undefined;
  let score: number | undefined;
  const competitorScores: Record<string, number> = {};
  const extraNotes: string[] = [];
  const marker = markerNumber(node.markers);
  if (marker !== undefined && markers === 'importance') importance = 11 - marker; // priority 1 is the most important
  if (marker !== undefined && markers === 'score') score = marker;
  for (const [name, value] of Object.entries(node.attributes ?? {})) {
    const key = name.trim().toLowerCase();
    if (IMPORTANCE_WORDS.has(key)) {
      importance = numberIn(value, 1, 10);
      if (importance === undefined) collected.notes.push(fill(importWords().nodeBadImportance, { label: node.label, value }));
      else continue;
    } else if (SCORE_WORDS.has(key)) {
      score = numberIn(value, 0, 10);
      if (score === undefined) collected.notes.push(fill(importWords().nodeBadScore, { label: node.label, value }));
      else continue;
    } else if (numberIn(value, 0, 10) !== undefined && /\S/.test(name) && !/^\d+$/.test(name)) {
      // A named 0–10 value that is neither importance nor score: a competitor's score (the outline export writes them so).
      competitorScores[name] = numberIn(value, 0, 10) as number;
      if (!collected.competitors.includes(name)) collected.competitors.push(name);
      continue;
    }
    extraNotes.push(`${name}: ${value}`);
  }
  const notes = [node.notes, ...extraNotes].filter((n): n is string => n !== undefined && n !== '').join('\n');
  const labels = (node.markers ?? []).filter((m) => !/^(?:priority|full)-\d$/.test(m) && !/^[a-z]+-[a-z0-9-]+$/.test(m));
  return {
    label: node.label,
    ...((notes !== '' || labels.length > 0) && { notes: [notes, labels.length > 0 ? labels.join(', ') : ''].filter(Boolean).join('\n') }),
    ...(place.stage !== undefined && { stage: place.stage }),
    ...(place.channel !== undefined && { channel: place.channel }),
    ...(importance !== undefined && { importance }),
    ...(score !== undefined && { score }),
    ...(Object.keys(competitorScores).length > 0 && { competitorScores }),
    ...(place.guessed && { guessed: place.guessed }),
    details: node.children.map(detailOf),
  };
}

/**
 * The plan for one tree.
 * @example planTree(sheet, { structure: 'auto', preset: 'customer-journey', markers: 'importance' })
 */
export function planTree(sheet: ImportSheet, options: TreePlanOptions, dropped: Dropped = {}): ImportPlan {
  const locale = options.locale ?? sheetLocale(sheet);
  const markers = options.markers ?? 'none';
  const collected: Collected = { competitors: [], notes: [] };
  const stages: string[] = [];
  const addStage = (name: string) => {
    const clean = name.trim() || '—';
    if (!stages.includes(clean)) stages.push(clean);
    return clean;
  };
  const touchpoints: PlannedTouchpoint[] = [];
  const top = sheet.root.children;

  // Touchmap's own outline: Online / Offline / Unsorted, then stages, then touchpoints.
  const byChannel = top.length > 0 && top.every((n) => channelHeading(n.label) !== undefined);

  if (options.structure === 'first-level' || (options.structure === 'auto' && byChannel)) {
    const groups = byChannel ? top.map((n) => ({ channel: channelHeading(n.label), nodes: n.children })) : [{ channel: undefined, nodes: top }];
    for (const group of groups) {
      const channel = group.channel === 'unsorted' ? undefined : group.channel;
      for (const stageNode of group.nodes) {
        if (group.channel === 'unsorted') {
          touchpoints.push(touchpointOf(stageNode, markers, collected, {}));
          continue;
        }
        const stage = addStage(stageNode.label);
        for (const node of stageNode.children) touchpoints.push(touchpointOf(node, markers, collected, { stage, ...(channel && { channel }) }));
      }
    }
  } else if (options.structure === 'none') {
    const stage = options.stage?.trim() ? addStage(options.stage) : undefined;
    for (const node of top) touchpoints.push(touchpointOf(node, markers, collected, stage === undefined ? {} : { stage }));
  } else {
    const preset = options.preset ?? 'customer-journey';
    const names = presetStages(preset, locale);
    for (const name of names) addStage(name);
    const journey = presetStages('customer-journey', locale);
    const guessStage = (label: string): string | undefined => {
      const index = guessJourneyStage(label);
      if (index === undefined) return undefined;
      const journeyName = journey[index] as string;
      // Another preset: the stage at the same place in the lifecycle.
      if (preset === 'customer-journey') return journeyName;
      const at = Math.min(names.length - 1, Math.round((index / (journey.length - 1)) * (names.length - 1)));
      return names[at];
    };
    const place = (node: ImportNode, stage?: string) => {
      const guessedStage = stage ?? guessStage(node.label);
      const channel = guessChannel(node.label);
      return {
        ...(guessedStage !== undefined && { stage: guessedStage }),
        ...(channel !== undefined && { channel }),
        guessed: { stage: stage === undefined && guessedStage !== undefined, channel: channel !== undefined },
      };
    };
    for (const node of top) {
      const asStage = presetStageOf(node.label);
      if (asStage && node.children.length > 0) {
        const presetNames = stagePreset(preset).stages[locale];
        const name = asStage.presetIndex === stagePresetIndex(preset) ? (presetNames[asStage.stageIndex] as string) : addStage(node.label);
        for (const child of node.children) touchpoints.push(touchpointOf(child, markers, collected, place(child, name)));
      } else touchpoints.push(touchpointOf(node, markers, collected, place(node)));
    }
  }
  return { title: sheet.title, centre: sheet.root.label, locale, stages, competitors: collected.competitors, touchpoints, dropped, notes: collected.notes };
}

function stagePresetIndex(preset: PresetId): number {
  return ['customer-journey', 'buying-decision', 'relationship', 'before-during-after'].indexOf(preset);
}

/** The plan with one touchpoint's stage or channel changed by the user (no longer a guess). */
export function changeTouchpoint(plan: ImportPlan, index: number, change: { stage?: string | null; channel?: Channel | null }): ImportPlan {
  const touchpoints = plan.touchpoints.map((t, i) => {
    if (i !== index) return t;
    const next: Record<string, unknown> = { ...t, guessed: { ...t.guessed } };
    if (change.stage !== undefined) {
      if (change.stage === null) delete next.stage;
      else next.stage = change.stage;
      (next.guessed as Record<string, boolean>).stage = false;
    }
    if (change.channel !== undefined) {
      if (change.channel === null) delete next.channel;
      else next.channel = change.channel;
      (next.guessed as Record<string, boolean>).channel = false;
    }
    return next as unknown as PlannedTouchpoint;
  });
  return { ...plan, touchpoints };
}

/** How many topics a plan creates (touchpoints and their details). */
export function plannedTopicCount(plan: ImportPlan): number {
  let count = 0;
  const stack: PlannedDetail[] = [];
  for (const t of plan.touchpoints) {
    count += 1;
    stack.push(...t.details);
  }
  while (stack.length > 0) {
    const d = stack.pop() as PlannedDetail;
    count += 1;
    stack.push(...d.children);
  }
  return count;
}
