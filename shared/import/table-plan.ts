/**
 * Tables (CSV, TSV, Excel) to touchpoints: one row, one touchpoint. The column-mapping step says
 * which column is what; `guessColumns` proposes it from the header row in English, Russian,
 * Korean and Japanese. A stage name the map does not have becomes a new stage; a value out of
 * range is left empty and named in the plan's notes, never silently changed.
 */
import { fill } from '../i18n/message-language';
import type { Channel, Locale } from '../model/types';
import { presetStages } from '../templates/presets';
import { CHANNEL_NAMES, guessChannel, guessLocale } from './keywords';
import { numberIn, type ImportPlan, type PlannedTouchpoint } from './plan';
import { importWords, type Dropped, type ImportTable } from './source';

export const COLUMN_ROLES = ['ignore', 'label', 'stage', 'channel', 'importance', 'score', 'competitor', 'notes', 'action', 'owner', 'due', 'detail'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Header words per role, lower case; a header matches when it equals or starts with one. */
const HEADER_WORDS: Readonly<Record<Exclude<ColumnRole, 'ignore' | 'competitor'>, readonly string[]>> = {
  label: ['touchpoint', 'touch point', 'label', 'name', 'title', 'точка контакта', 'точки контакта', 'название', 'наименование', '접점', '터치포인트', '이름', '名称', 'タッチポイント', '接点', '名前'],
  stage: ['stage', 'phase', 'step', 'этап', 'стадия', 'фаза', '단계', '스테이지', 'ステージ', '段階', 'フェーズ'],
  channel: ['channel', 'online/offline', 'канал', 'онлайн/офлайн', '채널', 'チャネル', 'チャンネル'],
  importance: ['importance', 'priority', 'weight', 'важность', 'приоритет', 'вес', '중요도', '우선순위', '重要度', '優先度'],
  score: ['our score', 'score', 'rating', 'wow', 'наша оценка', 'оценка', 'балл', '우리 점수', '점수', '평가', '自社評価', '評価', 'スコア'],
  notes: ['notes', 'note', 'comment', 'description', 'заметки', 'примечание', 'комментарий', 'описание', '메모', '비고', '설명', 'メモ', '備考', '説明'],
  action: ['action', 'improvement', 'what to do', 'действие', 'улучшение', 'что сделать', '개선', '조치', '改善', 'アクション', '対策'],
  owner: ['owner', 'responsible', 'who', 'ответственный', 'кто', '담당', '책임자', '担当', '責任者'],
  due: ['due', 'deadline', 'by when', 'date', 'срок', 'дедлайн', 'дата', '기한', '마감', '期限', '締切'],
  detail: ['detail', 'details', 'детали', 'подробности', '세부', '詳細'],
};

/** Headers that name a competitor's score: "Competitor: City Clinic", "Конкурент …", "경쟁사 …", "競合 …". */
const COMPETITOR_PREFIX = /^(competitor|конкурент|경쟁사|競合)\s*[:：-]?\s*/i;

/**
 * A role per column, guessed from its header. The first text column is the label when no header
 * says so; a numeric column named after something else is taken for a competitor's score.
 * @example guessColumns(['Этап', 'Точка контакта', 'Важность']) // ['stage', 'label', 'importance']
 */
export function guessColumns(header: readonly string[], sample: readonly (readonly string[])[] = []): ColumnRole[] {
  const roles: ColumnRole[] = header.map((cell) => {
    const h = cell.trim().toLowerCase();
    if (h === '') return 'ignore';
    if (COMPETITOR_PREFIX.test(h)) return 'competitor';
    for (const [role, words] of Object.entries(HEADER_WORDS)) if (words.some((w) => h === w || h.startsWith(`${w} `) || h.startsWith(`${w}(`) || h.startsWith(`${w},`))) return role as ColumnRole;
    return 'ignore';
  });
  // The same role twice: only the first keeps it.
  const seen = new Set<ColumnRole>();
  roles.forEach((role, i) => {
    if (role === 'ignore' || role === 'competitor') return;
    if (seen.has(role)) roles[i] = 'ignore';
    seen.add(role);
  });
  if (!roles.includes('label')) {
    const textColumn = roles.findIndex((role, i) => role === 'ignore' && sample.some((row) => (row[i] ?? '').trim() !== '' && Number.isNaN(Number(row[i]))));
    if (textColumn >= 0) roles[textColumn] = 'label';
  }
  // Numeric columns with a header that says nothing else: competitors' scores.
  roles.forEach((role, i) => {
    if (role !== 'ignore' || (header[i] ?? '').trim() === '' || sample.length === 0) return;
    const values = sample.map((row) => (row[i] ?? '').trim()).filter(Boolean);
    if (values.length > 0 && values.every((v) => numberIn(v, 0, 10) !== undefined)) roles[i] = 'competitor';
  });
  return roles;
}

/** A competitor's name from its column header. */
export function competitorName(header: string): string {
  return header.trim().replace(COMPETITOR_PREFIX, '').trim() || header.trim();
}

/** A channel from a cell's words: "online", "Офлайн", "온라인"… or a guess from the words. */
function channelOf(cell: string): Channel | undefined {
  const key = cell.trim().toLowerCase();
  if (key === '') return undefined;
  if (CHANNEL_NAMES.online.includes(key)) return 'online';
  if (CHANNEL_NAMES.offline.includes(key)) return 'offline';
  return guessChannel(key);
}

export interface TablePlanOptions {
  /** Whether the first row is a header (skipped); true by default. */
  readonly headerRow?: boolean;
  readonly locale?: Locale;
  /** Guess the channel from the label when no channel column says. */
  readonly guessChannels?: boolean;
}

/**
 * The plan for a table with its columns mapped.
 * @example planTable(table, guessColumns(table.rows[0]), {})
 */
export function planTable(table: ImportTable, roles: readonly ColumnRole[], options: TablePlanOptions = {}, dropped: Dropped = {}): ImportPlan {
  const headerRow = options.headerRow ?? true;
  const header = headerRow ? (table.rows[0] ?? []) : [];
  const body = headerRow ? table.rows.slice(1) : table.rows;
  const locale = options.locale ?? guessLocale(table.rows.slice(0, 50).flat().join(' '));
  const labelAt = roles.indexOf('label');
  const at = (role: ColumnRole) => roles.indexOf(role);
  const competitorColumns = roles.flatMap((role, i) => (role === 'competitor' ? [i] : []));
  const competitors = [...new Set(competitorColumns.map((i) => competitorName(header[i] ?? `Competitor ${i + 1}`)))];
  const stages: string[] = [];
  const notes: string[] = [];
  const touchpoints: PlannedTouchpoint[] = [];
  let emptyRows = 0;
  const rowNumber = (r: number) => r + 1 + (headerRow ? 1 : 0);
  body.forEach((row, r) => {
    const cell = (i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
    const label = cell(labelAt);
    if (label === '') {
      if (row.some((c) => c.trim() !== '')) notes.push(labelAt >= 0 && header[labelAt] !== undefined ? fill(importWords().rowNoColumn, { row: rowNumber(r), column: header[labelAt] }) : fill(importWords().rowNoLabel, { row: rowNumber(r) }));
      else emptyRows += 1;
      return;
    }
    const stage = cell(at('stage'));
    if (stage !== '' && !stages.includes(stage)) stages.push(stage);
    const number = (role: 'importance' | 'score', min: number, max: number) => {
      const text = cell(at(role));
      if (text === '') return undefined;
      const value = numberIn(text, min, max);
      if (value === undefined) notes.push(fill(role === 'importance' ? importWords().rowBadImportance : importWords().rowBadScore, { row: rowNumber(r), value: text, min, max }));
      return value;
    };
    const importance = number('importance', 1, 10);
    const score = number('score', 0, 10);
    const competitorScores: Record<string, number> = {};
    for (const i of competitorColumns) {
      const text = cell(i);
      if (text === '') continue;
      const value = numberIn(text, 0, 10);
      const name = competitorName(header[i] ?? `Competitor ${i + 1}`);
      if (value === undefined) notes.push(fill(importWords().rowBadCompetitor, { row: rowNumber(r), name, value: text }));
      else competitorScores[name] = value;
    }
    const channelCell = cell(at('channel'));
    const channel = channelCell !== '' ? channelOf(channelCell) : options.guessChannels ? guessChannel(label) : undefined;
    const what = cell(at('action'));
    const owner = cell(at('owner'));
    const due = normalDate(cell(at('due')));
    if (cell(at('due')) !== '' && due === undefined) notes.push(fill(importWords().rowBadDue, { row: rowNumber(r), value: cell(at('due')) }));
    const note = cell(at('notes'));
    const detail = cell(at('detail'));
    touchpoints.push({
      label,
      ...(note !== '' && { notes: note }),
      ...(stage !== '' && { stage }),
      ...(channel !== undefined && { channel }),
      ...(importance !== undefined && { importance }),
      ...(score !== undefined && { score }),
      ...(Object.keys(competitorScores).length > 0 && { competitorScores }),
      ...((what !== '' || owner !== '' || due !== undefined) && { action: { what: what || label, ...(owner !== '' && { owner }), ...(due !== undefined && { due }) } }),
      ...(channelCell === '' && channel !== undefined && { guessed: { channel: true } }),
      details: detail === '' ? [] : detail.split(/\n|;\s*/).filter(Boolean).map((d) => ({ label: d.trim(), children: [] })),
    });
  });
  // Stages in the order of the preset where they are its stages, the rest in the order met.
  const preset = presetStages('customer-journey', locale);
  stages.sort((a, b) => rank(preset, a) - rank(preset, b));
  return { title: table.name, locale, stages, competitors, touchpoints, dropped: emptyRows > 0 ? { ...dropped, emptyRow: emptyRows } : dropped, notes };
}

function rank(preset: readonly string[], stage: string): number {
  const i = preset.findIndex((p) => p.toLowerCase() === stage.toLowerCase());
  return i < 0 ? preset.length : i;
}

/** A due date as YYYY-MM-DD: ISO dates, and day.month.year as Russian tables write them. */
function normalDate(text: string): string | undefined {
  if (text === '') return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const dotted = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2]?.padStart(2, '0'), dotted[1]?.padStart(2, '0')] : [];
  if (!y || !m || !d) return undefined;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${m}-${d}` ? undefined : `${y}-${m}-${d}`;
}
