/**
 * The action plan as CSV: one row per touchpoint with its stage, channel,
 * scores and improvement action, for a facilitator to take into Excel or a tracker. Pure — no
 * DOM — so the app, the headless `npm run export` and the tests produce the same bytes.
 *
 * - UTF-8 with a byte-order mark: without it Excel opens UTF-8 CSV as the system code page and
 *   shows Cyrillic, Hangul and Kana as mojibake.
 * - RFC 4180: CRLF after every record, fields with a comma, quote, CR or LF quoted, quotes doubled.
 * - Formula injection guard (OWASP "CSV Injection"): a text cell starting with `=`, `+`, `-`, `@`,
 *   their full-width forms `＝ ＋ － ＠` (which Excel's Japanese and Chinese input turns into the
 *   ASCII ones), tab, CR or LF — after any leading spaces — is something Excel or Sheets may run as
 *   a formula, so it gets a leading apostrophe (`=HYPERLINK(…)` → `'=HYPERLINK(…)`). The cost: a
 *   label such as "-5% off" shows its apostrophe in plain-text viewers; spreadsheets hide it.
 * - Control characters (NUL, the other C0 codes, DEL, C1) are removed: they mean nothing in a
 *   cell, NUL ends the text in some readers, and the rest confuse importers. Tab, CR and LF stay
 *   (inside quotes, as RFC 4180 allows) since a note may hold them.
 * - A detail's row names its touchpoint and parent, not every ancestor (`Touchpoint › … › Parent ›
 *   Detail`), with those two labels shortened, so a long line of details costs rows, not a square.
 */
import { competitorScoreOf, descendantIds, topicOf, touchpointsOf } from '@shared/model/selectors';
import type { ImprovementAction, MapDoc, Topic } from '@shared/model/types';
import { mapWords, type MapCsvHeaders } from '@shared/templates/map-words';

export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';

/** The fixed columns' headers (map-words.ts); competitor columns sit between `score` and `action`, named by the competitor. */
export type ActionPlanHeaders = MapCsvHeaders;

/** The English headers: what an `en` map's plan starts with. */
export const DEFAULT_ACTION_PLAN_HEADERS: ActionPlanHeaders = mapWords('en').csv;

/** Shown between a touchpoint and its detail in the touchpoint column of a detail's row. */
const DETAIL_SEPARATOR = ' › ';

/**
 * The map's action plan as CSV text (BOM + RFC 4180, CRLF).
 *
 * Rows, decided for reading as a plan: touchpoints that have an improvement action come first,
 * then the rest (a touchpoint counts as having one when one of its details does); within each group by the map's stage order (no stage last), then channel
 * (online, offline, none), then sibling order. A detail gets its own row only when it carries an
 * action, right after its touchpoint, as `Touchpoint › Detail` with the touchpoint's stage and
 * channel (details take both, DOMAIN.md) — so no action in the map is left out of the plan.
 * Channel and status are written as the file's codes (`online`, `todo`) so the sheet sorts and
 * filters the same in every language; stage and competitors by their names.
 *
 * Headers are in the map's language (`doc.map.locale`); channel and status cells stay codes.
 *
 * @param headers overrides of some column titles
 * @example
 * const csv = actionPlanCsv(doc);
 * // "\uFEFFTouchpoint,Stage,Channel,Importance,Score,City Clinic,Action,Owner,Due,Status\r\n
 * //  Context ad,Awareness,online,8,4,7,Rewrite the ad around the free diagnosis,Marketing,2026-12-15,todo\r\n"
 */
export function actionPlanCsv(doc: MapDoc, headers: Partial<ActionPlanHeaders> = {}): string {
  const h = { ...mapWords(doc.map.locale).csv, ...headers };
  const { competitors, stages } = doc.map;
  const stageIndex = new Map(stages.map((s, i) => [s.id, i]));
  const stageName = new Map(stages.map((s) => [s.id, s.name]));

  // A block is a touchpoint's row plus its details' action rows; blocks sort, rows inside stay together.
  type Block = { readonly rows: readonly (readonly string[])[]; readonly group: number; readonly stage: number; readonly channel: number; readonly seq: number };
  const blocks: Block[] = touchpointsOf(doc).map((touchpoint, seq) => {
    const stageCell = (touchpoint.stageId !== undefined && stageName.get(touchpoint.stageId)) || '';
    const cellsOf = (topic: Topic, label: string): string[] => [
      label,
      stageCell,
      touchpoint.channel ?? '',
      numberCell(topic.importance),
      numberCell(topic.score),
      ...competitors.map((c) => numberCell(competitorScoreOf(topic, c.id))),
      ...actionCells(topic.action),
    ];
    const detailRows = descendantIds(doc, touchpoint.id).flatMap((id) => {
      const detail = topicOf(doc, id);
      return detail?.action ? [cellsOf(detail, labelPath(doc, touchpoint, detail))] : [];
    });
    return {
      rows: [cellsOf(touchpoint, touchpoint.label), ...detailRows],
      group: touchpoint.action || detailRows.length > 0 ? 0 : 1,
      stage: (touchpoint.stageId !== undefined ? stageIndex.get(touchpoint.stageId) : undefined) ?? stages.length,
      channel: touchpoint.channel === 'online' ? 0 : touchpoint.channel === 'offline' ? 1 : 2,
      seq,
    };
  });
  blocks.sort((a, b) => a.group - b.group || a.stage - b.stage || a.channel - b.channel || a.seq - b.seq);

  const header = [h.touchpoint, h.stage, h.channel, h.importance, h.score, ...competitors.map((c) => c.name), h.action, h.owner, h.due, h.status];
  const records = [header, ...blocks.flatMap((b) => b.rows)];
  return CSV_BOM + records.map((cells) => cells.map(csvField).join(',') + CRLF).join('');
}

/** Characters of the touchpoint's and the parent's label a detail's row repeats; its own label is whole. */
const PATH_LABEL_CHARS = 80;
/** Stands for the levels between the touchpoint and the detail's parent. */
const SKIPPED_LEVELS = '…';

/**
 * `Touchpoint › Detail`, `Touchpoint › Parent › Detail`, or deeper `Touchpoint › … › Parent ›
 * Detail`: enough to find the detail, and a constant cost per row however deep it sits.
 */
function labelPath(doc: MapDoc, touchpoint: Topic, detail: Topic): string {
  const parent = detail.parentId === null ? undefined : topicOf(doc, detail.parentId);
  const path = [shorten(touchpoint.label)];
  if (parent && parent.id !== touchpoint.id) {
    if (parent.parentId !== touchpoint.id) path.push(SKIPPED_LEVELS);
    path.push(shorten(parent.label));
  }
  path.push(detail.label);
  return path.join(DETAIL_SEPARATOR);
}

function shorten(label: string): string {
  return label.length <= PATH_LABEL_CHARS ? label : `${label.slice(0, PATH_LABEL_CHARS - 1)}…`;
}

function numberCell(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

function actionCells(action: ImprovementAction | undefined): string[] {
  return action ? [action.what, action.owner ?? '', action.due ?? '', action.status] : ['', '', '', ''];
}

/**
 * Starts that make Excel, LibreOffice or Sheets treat a cell as a formula (OWASP CSV Injection),
 * full-width forms included, after any spaces (some importers trim them). Anchored, with one
 * bounded class before the other: linear whatever the cell holds.
 */
const FORMULA_START = /^[ \u00a0\u3000]*[=+\-@\t\r\n\uff1d\uff0b\uff0d\uff20]/;
/** C0 controls other than tab, LF and CR; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * One CSV field: control characters removed, formula guard, then RFC 4180 quoting.
 * @example csvField('Ivanov, "Ltd"') // '"Ivanov, ""Ltd"""'
 * @example csvField('=1+1') // "'=1+1"
 * @example csvField('＝1+1') // "'＝1+1"
 * @example csvField('a\u0000b') // 'ab'
 */
export function csvField(raw: string): string {
  const value = raw.replace(CONTROL_CHARACTERS, '');
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
