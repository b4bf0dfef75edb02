/**
 * How a comparison reads, in the UI's words: the summary line, a touchpoint's changes, a stage's
 * totals. Shared by the Compare dialog and the PDF page, so both say the same thing.
 */
import { signed, type MapComparison, type RatingChange, type StageComparison, type StageTotals, type TouchpointChange } from '@shared/model/analysis/compare';
import { t } from '../../i18n';

/** "1 score up", "2 scores up" (the language's plural forms); '' for none. */
function counted(count: number, key: 'compare.sum.up' | 'compare.sum.down' | 'compare.sum.completed' | 'compare.sum.actionsAdded'): string {
  return count === 0 ? '' : t(key, { count });
}

/** "2 added · 1 removed · 1 score up · 1 score down · 1 action completed · 1 action added", or "No changes". */
export function summaryText(c: MapComparison): string {
  const parts = [
    c.added > 0 ? t('compare.sum.added', { count: c.added }) : '',
    c.removed > 0 ? t('compare.sum.removed', { count: c.removed }) : '',
    counted(c.scoresUp, 'compare.sum.up'),
    counted(c.scoresDown, 'compare.sum.down'),
    counted(c.actionsCompleted, 'compare.sum.completed'),
    counted(c.actionsAdded, 'compare.sum.actionsAdded'),
  ].filter(Boolean);
  return parts.length === 0 ? t('compare.none') : parts.join(' · ');
}

/** What kind of change, as a word that never relies on colour: "New", "Removed", "Changed". */
export function changeWord(change: TouchpointChange['change']): string {
  return t(`compare.change.${change}`);
}

function ratingName(r: RatingChange): string {
  return r.kind === 'competitor' ? (r.competitor ?? '') : t(r.kind === 'score' ? 'compare.rating.score' : 'compare.rating.importance');
}

/** "our score 4 → 6 (+2)", "importance set to 8", "City Clinic cleared (was 7)". */
export function ratingText(r: RatingChange): string {
  const name = ratingName(r);
  if (r.delta !== undefined) return t('compare.rating.moved', { name, before: r.before ?? '', after: r.after ?? '', delta: signed(r.delta) });
  if (r.after !== undefined) return t('compare.rating.set', { name, after: r.after });
  return t('compare.rating.cleared', { name, before: r.before ?? '' });
}

/** Everything that changed about one touchpoint, as one line. */
export function touchpointText(change: TouchpointChange): string {
  const parts = change.ratings.map(ratingText);
  if (change.action) parts.push(t(`compare.action.${change.action}`));
  return parts.join('; ');
}

function averageText(totals: StageTotals): string {
  return totals.averageScore === undefined ? '–' : String(totals.averageScore);
}

/** "Touchpoints 2 → 2 · average score 3.5 → 6.5 · actions done 0 → 1". */
export function totalsText(stage: StageComparison): string {
  return t('compare.totals', {
    before: stage.before.touchpoints,
    after: stage.after.touchpoints,
    scoreBefore: averageText(stage.before),
    scoreAfter: averageText(stage.after),
    doneBefore: stage.before.actionsDone,
    doneAfter: stage.after.actionsDone,
  });
}

/** A stage's heading: its name, or "No stage". */
export function stageName(stage: StageComparison): string {
  return stage.stageId === null ? t('compare.noStage') : stage.name;
}
