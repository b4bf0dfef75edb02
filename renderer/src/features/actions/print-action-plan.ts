/**
 * Print… and Save as PDF… of the action plan: the rows as the view shows them (its filter and
 * sort), laid on A4 pages (action-plan-page.ts) and handed to the platform's printer.
 */
import { actionRows, filterActionRows, localDay, sortActionRows } from '@shared/model/action-plan';
import { safeFileName } from '@shared/file-names';
import type { MapDoc } from '@shared/model/types';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { printJob, savePdf } from '../../platform/print';
import { t } from '../../i18n';
import { useActionPlanStore } from './action-plan-store';
import { actionPlanPage, type ActionPlanPageWords } from './action-plan-page';

/** The printable page of the open map's plan, as filtered and sorted in the view. */
export function openPlanPage(doc: MapDoc, now = new Date()) {
  const { sort, filter } = useActionPlanStore.getState();
  const today = localDay(now);
  const all = actionRows(doc);
  const rows = sortActionRows(doc, filterActionRows(all, filter, today), sort);
  const words: ActionPlanPageWords = {
    title: t('actions.print.title', { title: doc.map.title }),
    subtitle:
      rows.length === all.length
        ? t('actions.print.subtitle', { date: today, count: rows.length })
        : t('actions.print.subtitleFiltered', { date: today, count: rows.length, total: all.length }),
    touchpoint: t('actions.col.touchpoint'),
    stage: t('actions.col.stage'),
    score: t('actions.col.score'),
    importance: t('actions.col.importance'),
    what: t('actions.col.what'),
    owner: t('actions.col.owner'),
    due: t('actions.col.due'),
    status: t('actions.col.status'),
    overdue: t('actions.overdue'),
    empty: t('actions.none'),
    statuses: { todo: t('status.todo'), doing: t('status.doing'), done: t('status.done') },
  };
  return actionPlanPage(rows, words, today, doc.map.locale);
}

/** `print`: the system print dialog; `pdf`: a PDF file (desktop) or the print dialog's Save as PDF (browser). */
export async function printActionPlan(how: 'print' | 'pdf'): Promise<void> {
  const doc = useDocumentStore.getState().doc;
  if (!doc) return;
  try {
    const { job } = openPlanPage(doc);
    if (how === 'print') await printJob(job);
    else await savePdf(job, safeFileName(t('actions.print.file', { title: doc.map.title }), 'pdf'));
  } catch (error) {
    useUiStore.getState().notify('error', t('actions.print.failed', { reason: (error as Error).message }));
  }
}
