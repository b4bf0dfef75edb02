/**
 * The action plan as a printable page: one self-contained HTML document (no script, no external
 * reference) of A4 portrait pages, the table's header repeated on each page, for Print and Save as
 * PDF. Chromium prints it, so its words stay text in the PDF. Pure: the words come in as an argument.
 */
import type { PrintJob } from '@shared/ipc';
import { isOverdue, type ActionRow } from '@shared/model/action-plan';

export interface ActionPlanPageWords {
  readonly title: string;
  /** "Printed 2026-12-06 · 12 actions" */
  readonly subtitle: string;
  readonly touchpoint: string;
  readonly stage: string;
  readonly score: string;
  readonly importance: string;
  readonly what: string;
  readonly owner: string;
  readonly due: string;
  readonly status: string;
  readonly overdue: string;
  readonly empty: string;
  readonly statuses: Readonly<Record<ActionRow['status'], string>>;
}

/** A4 in inches. The margins live in the page's CSS `@page` and the printer's are 0, so every printer leaves the same room. */
const A4 = { widthInches: 8.27, heightInches: 11.69 } as const;
const MARGIN_IN = 0.5;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const CSS = `
@page { size: A4 portrait; margin: ${MARGIN_IN}in; }
* { box-sizing: border-box; }
body { margin: 0; font-family: 'Noto Sans', 'Noto Sans CJK JP', 'Noto Sans JP', 'Noto Sans KR', 'Segoe UI', Arial, sans-serif; font-size: 9pt; color: #1d2433; }
h1 { font-size: 16pt; margin: 0 0 2pt; }
.subtitle { margin: 0 0 10pt; color: #5b6475; font-size: 9pt; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
thead { display: table-header-group; }
th { text-align: left; font-size: 8pt; font-weight: 700; color: #5b6475; border-bottom: 1.5pt solid #1d2433; padding: 4pt 4pt; overflow-wrap: normal; word-break: keep-all; }
td { padding: 5pt 4pt; border-bottom: 0.5pt solid #c9ced8; vertical-align: top; overflow-wrap: break-word; hyphens: auto; }
tr { break-inside: avoid; }
.num { text-align: right; padding-right: 10pt; }
col.touchpoint { width: 17%; } col.stage { width: 13%; } col.score { width: 7%; } col.importance { width: 11%; }
col.what { width: 23%; } col.owner { width: 11%; } col.due { width: 10%; } col.status { width: 8%; }
.due { white-space: nowrap; }
.overdue td { background: #fdecec; }
.flag { display: block; font-weight: 700; color: #b42318; font-size: 8pt; }
.done td { color: #5b6475; }
.empty { color: #5b6475; font-style: italic; }
`;

/**
 * The printable page of these rows (already filtered and sorted as the user sees them).
 * @example actionPlanPage(rows, words, '2026-12-06', 'en').job.pageSize // { widthInches: 8.27, heightInches: 11.69 }
 */
export function actionPlanPage(rows: readonly ActionRow[], words: ActionPlanPageWords, today: string, lang: string): { readonly html: string; readonly job: PrintJob } {
  const head = ['touchpoint', 'stage', 'score', 'importance', 'what', 'owner', 'due', 'status'] as const;
  const cols = head.map((c) => `<col class="${c}">`).join('');
  const ths = head.map((c) => `<th${c === 'score' || c === 'importance' ? ' class="num"' : ''}>${escapeHtml(words[c])}</th>`).join('');
  const body =
    rows.length === 0
      ? `<tr><td colspan="8" class="empty">${escapeHtml(words.empty)}</td></tr>`
      : rows
          .map((row) => {
            const late = isOverdue(row, today);
            const cls = late ? ' class="overdue"' : row.status === 'done' ? ' class="done"' : '';
            const due = `${escapeHtml(row.due)}${late ? `<span class="flag">⚠ ${escapeHtml(words.overdue)}</span>` : ''}`;
            return (
              `<tr${cls}><td>${escapeHtml(row.touchpoint)}</td><td>${escapeHtml(row.stage)}</td>` +
              `<td class="num">${row.score ?? ''}</td><td class="num">${row.importance ?? ''}</td>` +
              `<td>${escapeHtml(row.what)}</td><td>${escapeHtml(row.owner)}</td><td class="due">${due}</td><td>${escapeHtml(words.statuses[row.status])}</td></tr>`
            );
          })
          .join('');
  const html =
    `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(words.title)}</title><style>${CSS}</style></head><body>` +
    `<h1>${escapeHtml(words.title)}</h1><p class="subtitle">${escapeHtml(words.subtitle)}</p>` +
    `<table><colgroup>${cols}</colgroup><thead><tr>${ths}</tr></thead><tbody>${body}</tbody></table></body></html>`;
  const job: PrintJob = {
    html,
    pageSize: A4,
    margins: { top: 0, right: 0, bottom: 0, left: 0 },
    title: words.title.slice(0, 200),
  };
  return { html, job };
}
