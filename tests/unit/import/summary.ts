/**
 * The import tests read a built map as a person checks it: each touchpoint with its stage and
 * channel by name, its scores, and its details as an indented outline — ids aside.
 */
import { readFileSync } from 'node:fs';
import { childrenOf, touchpointsOf } from '@shared/model/selectors';
import type { MapDoc, Topic } from '@shared/model/types';
import { buildMapFromPlan, type ImportPlan } from '@shared/import';
import { asId } from '../../builders/ids';
import { entriesOf } from '@shared/model/ids';

export const FIXTURES = new URL('../../fixtures/import/', import.meta.url);

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

/** A built map from a plan, with ids numbered in order. */
export function build(plan: ImportPlan): MapDoc {
  let n = 0;
  const built = buildMapFromPlan(plan, { newId: asId.maker((prefix) => `${prefix}-${(n += 1)}`), now: '2026-12-06T10:00:00.000Z' });
  if (!built.ok) throw new Error(built.problem);
  return built.doc;
}

export interface TouchpointSummary {
  label: string;
  stage?: string;
  channel?: string;
  importance?: number;
  score?: number;
  competitors?: Record<string, number>;
  notes?: string;
  owner?: string;
  due?: string;
  details?: string[];
}

function detailLines(doc: MapDoc, topic: Topic, depth: number, out: string[]): void {
  for (const child of childrenOf(doc, topic.id)) {
    out.push(`${'  '.repeat(depth)}${child.label}`);
    detailLines(doc, child, depth + 1, out);
  }
}

export function summary(doc: MapDoc): TouchpointSummary[] {
  const stage = new Map(doc.map.stages.map((s) => [s.id, s.name]));
  const competitor = new Map(doc.map.competitors.map((c) => [c.id, c.name]));
  return touchpointsOf(doc).map((t) => {
    const details: string[] = [];
    detailLines(doc, t, 0, details);
    const competitors = Object.fromEntries(entriesOf(t.competitorScores ?? {}).map(([id, s]) => [competitor.get(id) ?? id, s]));
    return {
      label: t.label,
      ...(t.stageId && { stage: stage.get(t.stageId) }),
      ...(t.channel && { channel: t.channel }),
      ...(t.importance !== undefined && { importance: t.importance }),
      ...(t.score !== undefined && { score: t.score }),
      ...(Object.keys(competitors).length > 0 && { competitors }),
      ...(t.notes !== undefined && { notes: t.notes }),
      ...(t.action?.owner !== undefined && { owner: t.action.owner }),
      ...(t.action?.due !== undefined && { due: t.action.due }),
      ...(details.length > 0 && { details }),
    };
  });
}
