/**
 * A plan becomes one new map: the plan's stages and competitors, a touchpoint per planned one
 * (details below it, depth first, no recursion), ids from `newId`. The map is then written and
 * read back through the .touchmap reader, so every rule and limit of a stored map holds — an
 * import can never store a map the app would refuse to open.
 */
import { parseTouchmapFile, serializeTouchmapFile } from '../file-format';
import type { IdMaker } from '../model/ids';
import type { Competitor, CompetitorId, MapDoc, Stage, StageId, Topic, TopicId } from '../model/types';
import { MAX_LABEL_LENGTH } from '../limits';
import type { ImportPlan, PlannedDetail } from './plan';

export interface BuildDeps {
  readonly newId: IdMaker;
  /** ISO time of the import: the map's createdAt and updatedAt. */
  readonly now: string;
}

export type BuildResult = { readonly ok: true; readonly doc: MapDoc } | { readonly ok: false; readonly problem: string };

/** A name fit for a stage or title: one line, within the label limit. */
function name(text: string, fallback: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return (one === '' ? fallback : one).slice(0, MAX_LABEL_LENGTH);
}

/**
 * Builds the map a plan describes, or says why it cannot be stored.
 * @example const built = buildMapFromPlan(plan, { newId, now: new Date().toISOString() });
 */
export function buildMapFromPlan(plan: ImportPlan, deps: BuildDeps): BuildResult {
  const { newId, now } = deps;
  const title = name(plan.title, 'Imported map');
  const stages: Stage[] = [];
  const stageId = new Map<string, StageId>();
  for (const stage of plan.stages) {
    const n = name(stage, '—');
    if (stageId.has(n)) continue;
    const id = newId('s');
    stageId.set(n, id);
    stages.push({ id, name: n });
  }
  const competitors: Competitor[] = [];
  const competitorId = new Map<string, CompetitorId>();
  const addCompetitor = (raw: string) => {
    const n = name(raw, '—');
    if (!competitorId.has(n)) {
      const id = newId('c');
      competitorId.set(n, id);
      competitors.push({ id, name: n });
    }
    return competitorId.get(n) as CompetitorId;
  };
  for (const c of plan.competitors) addCompetitor(c);

  const rootId = newId('t');
  const topics: Record<TopicId, Topic> = { [rootId]: { id: rootId, parentId: null, order: 0, label: plan.centre?.trim() ? plan.centre : title } };
  plan.touchpoints.forEach((t, order) => {
    const id = newId('t');
    const stage = t.stage === undefined ? undefined : stageId.get(name(t.stage, '—'));
    const scores: Record<CompetitorId, number> = {};
    for (const [c, score] of Object.entries(t.competitorScores ?? {})) scores[addCompetitor(c)] = score;
    topics[id] = {
      id,
      parentId: rootId,
      order,
      label: t.label,
      ...(t.channel !== undefined && { channel: t.channel }),
      ...(stage !== undefined && { stageId: stage }),
      ...(t.importance !== undefined && { importance: t.importance }),
      ...(t.score !== undefined && { score: t.score }),
      ...(Object.keys(scores).length > 0 && { competitorScores: scores }),
      ...(t.notes !== undefined && t.notes !== '' && { notes: t.notes }),
      ...(t.action !== undefined && { action: { what: t.action.what, ...(t.action.owner !== undefined && { owner: t.action.owner }), ...(t.action.due !== undefined && { due: t.action.due }), status: 'todo' as const } }),
    };
    const stack: { detail: PlannedDetail; parentId: TopicId; order: number }[] = t.details.map((detail, i) => ({ detail, parentId: id, order: i })).reverse();
    while (stack.length > 0) {
      const { detail, parentId, order: o } = stack.pop() as (typeof stack)[number];
      const detailId = newId('t');
      topics[detailId] = { id: detailId, parentId, order: o, label: detail.label, ...(detail.notes !== undefined && detail.notes !== '' && { notes: detail.notes }) };
      for (let i = detail.children.length - 1; i >= 0; i--) stack.push({ detail: detail.children[i] as PlannedDetail, parentId: detailId, order: i });
    }
  });

  const doc: MapDoc = {
    map: { id: newId('m'), title, locale: plan.locale, stages, segments: [], competitors, createdAt: now, updatedAt: now },
    topics,
    chains: {},
    chainOrder: [],
  };
  // The .touchmap reader's rules and limits, applied to what was built.
  const checked = parseTouchmapFile(serializeTouchmapFile([doc], now));
  if (!checked.ok) return { ok: false, problem: checked.error };
  return { ok: true, doc: checked.docs[0] as MapDoc };
}
