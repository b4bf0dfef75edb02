/**
 * The preview's choices and the plans they give — pure, so the dialog only draws them. A tree file
 * gives one plan per chosen sheet; a table gives one plan from the chosen sheet and its column
 * mapping. The user's changes to a guessed stage or channel are kept per touchpoint.
 */
import { changeTouchpoint, guessColumns, planTable, planTree, type ColumnRole, type ImportPlan, type ImportSource, type MarkerScores, type TreeStructure } from '@shared/import';
import type { Channel } from '@shared/model/types';
import type { PresetId } from '@shared/templates/presets';

export interface PreviewChoices {
  /** The sheet or table shown; for trees, -1 means every sheet, one map each. */
  readonly sheet: number;
  readonly structure: TreeStructure;
  readonly preset: PresetId;
  readonly stage: string;
  readonly markers: MarkerScores;
  readonly roles: readonly ColumnRole[];
  readonly headerRow: boolean;
  /** Per shown sheet, per touchpoint index: the user's stage and channel. */
  readonly changes: Readonly<Record<number, Readonly<Record<number, { stage?: string | null; channel?: Channel | null }>>>>;
}

/** Whether any topic of the source carries a score marker (priority-N, full-N). */
export function hasScoreMarkers(source: ImportSource): boolean {
  if (source.kind !== 'tree') return false;
  const stack = source.sheets.map((s) => s.root);
  let seen = 0;
  while (stack.length > 0 && seen < 100_000) {
    const node = stack.pop()!;
    seen += 1;
    if (node.markers?.some((m) => /^(priority|full)-\d$/.test(m))) return true;
    stack.push(...node.children);
  }
  return false;
}

/** The first choices for a source: sort by words for trees, the guessed columns for tables. */
export function initialChoices(source: ImportSource): PreviewChoices {
  const table = source.kind === 'table' ? source.tables[0] : undefined;
  return {
    sheet: source.kind === 'tree' && source.sheets.length > 1 ? -1 : 0,
    structure: 'auto',
    preset: 'customer-journey',
    stage: '',
    markers: hasScoreMarkers(source) ? 'importance' : 'none',
    roles: table ? guessColumns(table.rows[0] ?? [], table.rows.slice(1, 50)) : [],
    headerRow: true,
    changes: {},
  };
}

/** The roles guessed for another table of the source. */
export function rolesFor(source: ImportSource, sheet: number): ColumnRole[] {
  const table = source.kind === 'table' ? source.tables[sheet] : undefined;
  return table ? guessColumns(table.rows[0] ?? [], table.rows.slice(1, 50)) : [];
}

function withChanges(plan: ImportPlan, changes: PreviewChoices['changes'][number] | undefined): ImportPlan {
  let out = plan;
  for (const [index, change] of Object.entries(changes ?? {})) out = changeTouchpoint(out, Number(index), change);
  return out;
}

/** The plans the choices give: one per map to create, in order. */
export function plansFor(source: ImportSource, choices: PreviewChoices): ImportPlan[] {
  if (source.kind === 'table') {
    const table = source.tables[Math.max(0, choices.sheet)] ?? source.tables[0]!;
    const title = source.tables.length > 1 ? table.name : table.name;
    return [withChanges({ ...planTable(table, choices.roles, { headerRow: choices.headerRow }, source.dropped), title }, choices.changes[choices.sheet])];
  }
  const indexes = choices.sheet < 0 ? source.sheets.map((_, i) => i) : [choices.sheet];
  return indexes.map((i) => {
    const plan = planTree(source.sheets[i]!, { structure: choices.structure, preset: choices.preset, markers: choices.markers, ...(choices.stage !== '' && { stage: choices.stage }) }, i === indexes[0] ? source.dropped : {});
    return withChanges(plan, choices.changes[i]);
  });
}
