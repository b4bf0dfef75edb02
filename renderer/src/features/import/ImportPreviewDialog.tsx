/**
 * The preview of a file from another tool, before anything is written: what will be created (maps,
 * touchpoints, details, stages), what is left out and why, and the choices — how the tree becomes
 * touchpoints, or which column of a table is what. Every guessed stage and channel is shown and can
 * be changed. Import creates new maps only; Cancel changes nothing.
 */
import { useMemo, useState } from 'react';
import { COLUMN_ROLES, DROPPED_KINDS, formatName, plannedTopicCount, type ColumnRole, type ImportPlan, type ImportSource } from '@shared/import';
import { CHANNELS, type Channel } from '@shared/model/types';
import { STAGE_PRESETS, type PresetId } from '@shared/templates/presets';
import { Dialog } from '../../ui/Dialog';
import { t, type MessageKey } from '../../i18n';
import { useImportPreviewStore } from './import-preview-store';
import { initialChoices, plansFor, rolesFor, type PreviewChoices } from './import-options';

/** Touchpoints listed in the preview; a file of thousands lists the first ones and counts the rest. */
const ROWS_SHOWN = 200;
/** Table rows shown in the column-mapping step. */
const SAMPLE_ROWS = 5;

/** The preview of the file waiting to be imported, when there is one. */
export function ImportPreview() {
  const pending = useImportPreviewStore((s) => s.pending);
  const answer = useImportPreviewStore((s) => s.answer);
  if (!pending) return null;
  return <ImportPreviewDialog key={pending.name} name={pending.name} source={pending.source} onAnswer={answer} />;
}

function ImportPreviewDialog({ name, source, onAnswer }: { name: string; source: ImportSource; onAnswer: (plans: readonly ImportPlan[] | null) => void }) {
  const [choices, setChoices] = useState<PreviewChoices>(() => initialChoices(source));
  const plans = useMemo(() => plansFor(source, choices), [source, choices]);
  const shown = plans[0];
  const shownSheet = Math.max(0, choices.sheet);
  const set = (patch: Partial<PreviewChoices>) => setChoices((c) => ({ ...c, ...patch, ...(('structure' in patch || 'preset' in patch || 'stage' in patch || 'roles' in patch || 'headerRow' in patch || 'sheet' in patch) && !('changes' in patch) && { changes: {} }) }));
  const change = (index: number, patch: { stage?: string | null; channel?: Channel | null }) =>
    setChoices((c) => ({ ...c, changes: { ...c.changes, [shownSheet]: { ...c.changes[shownSheet], [index]: { ...c.changes[shownSheet]?.[index], ...patch } } } }));
  const isTable = source.kind === 'table';
  const hasLabel = !isTable || choices.roles.includes('label');
  const touchpoints = plans.reduce((n, p) => n + p.touchpoints.length, 0);
  const topics = plans.reduce((n, p) => n + plannedTopicCount(p), 0);
  const stages = new Set(plans.flatMap((p) => p.stages)).size;
  const canImport = hasLabel && touchpoints > 0;

  return (
    <Dialog
      title={t(isTable ? 'importPreview.titleTable' : 'importPreview.title', { name })}
      onCancel={() => onAnswer(null)}
      onSubmit={() => canImport && onAnswer(plans)}
      actions={
        <>
          <button type="button" className="button" onClick={() => onAnswer(null)}>
            {t('importPreview.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!canImport}>
            {t(plans.length > 1 ? 'importPreview.importMany' : 'importPreview.import', { count: plans.length })}
          </button>
        </>
      }
    >
      <div className="import-preview">
        <p className="import-preview__what" role="status">
          {t('importPreview.format', { format: formatName(source.format) })}{' '}
          {canImport
            ? t(plans.length > 1 ? 'importPreview.createsMany' : 'importPreview.createsOne', { maps: plans.length, title: shown?.title ?? '', touchpoints, details: topics - touchpoints, stages })
            : hasLabel
              ? t('importPreview.nothing')
              : t('importPreview.noLabel')}
        </p>
        <Dropped source={source} />
        {plans.flatMap((p) => p.notes).length > 0 && (
          <ul className="import-preview__notes" aria-label={t('importPreview.notes')}>
            {plans.flatMap((p) => p.notes).slice(0, 10).map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        )}
        <SheetChoice source={source} sheet={choices.sheet} onChange={(sheet) => set({ sheet, ...(isTable && { roles: rolesFor(source, sheet) }) })} />
        {isTable ? <ColumnMapping source={source} choices={choices} onChange={set} /> : <TreeChoices source={source} choices={choices} onChange={set} />}
        {shown && canImport && <TouchpointTable plan={shown} onChange={change} />}
      </div>
    </Dialog>
  );
}

const DROPPED_WORDS: Readonly<Record<(typeof DROPPED_KINDS)[number], MessageKey>> = {
  image: 'importPreview.dropped.image',
  attachment: 'importPreview.dropped.attachment',
  relation: 'importPreview.dropped.relation',
  link: 'importPreview.dropped.link',
  floating: 'importPreview.dropped.floating',
  emptyRow: 'importPreview.dropped.emptyRow',
  formula: 'importPreview.dropped.formula',
  style: 'importPreview.dropped.style',
};

function Dropped({ source }: { source: ImportSource }) {
  const parts = DROPPED_KINDS.flatMap((kind) => {
    const count = source.dropped[kind] ?? 0;
    return count > 0 ? [t(DROPPED_WORDS[kind], { count })] : [];
  });
  if (parts.length === 0) return null;
  return <p className="import-preview__dropped">{t('importPreview.dropped', { what: parts.join('; ') })}</p>;
}

function SheetChoice({ source, sheet, onChange }: { source: ImportSource; sheet: number; onChange: (sheet: number) => void }) {
  const names = source.kind === 'tree' ? source.sheets.map((s) => s.title) : source.tables.map((s) => s.name);
  if (names.length < 2) return null;
  return (
    <label className="field">
      <span className="field__label">{t(source.kind === 'tree' ? 'importPreview.sheet' : 'importPreview.worksheet')}</span>
      <select value={sheet} onChange={(e) => onChange(Number(e.target.value))}>
        {source.kind === 'tree' && <option value={-1}>{t('importPreview.allSheets', { count: names.length })}</option>}
        {names.map((n, i) => (
          <option key={i} value={i}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}

function TreeChoices({ source, choices, onChange }: { source: ImportSource; choices: PreviewChoices; onChange: (patch: Partial<PreviewChoices>) => void }) {
  const structures = [
    ['auto', 'importPreview.structure.auto'],
    ['first-level', 'importPreview.structure.firstLevel'],
    ['none', 'importPreview.structure.none'],
  ] as const;
  const markers = initialChoices(source).markers !== 'none';
  return (
    <>
      <fieldset className="field">
        <legend className="field__label">{t('importPreview.structure')}</legend>
        {structures.map(([value, key]) => (
          <label key={value} className="import-preview__choice">
            <input type="radio" name="structure" value={value} checked={choices.structure === value} onChange={() => onChange({ structure: value })} />
            {t(key)}
          </label>
        ))}
      </fieldset>
      <div className="field-row">
        {choices.structure === 'auto' && (
          <label className="field">
            <span className="field__label">{t('importPreview.preset')}</span>
            <select value={choices.preset} onChange={(e) => onChange({ preset: e.target.value as PresetId })}>
              {STAGE_PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name.en}
                </option>
              ))}
            </select>
          </label>
        )}
        {choices.structure === 'none' && (
          <label className="field">
            <span className="field__label">{t('importPreview.stage')}</span>
            <input value={choices.stage} placeholder={t('importPreview.stage.placeholder')} onChange={(e) => onChange({ stage: e.target.value })} />
          </label>
        )}
        {markers && (
          <label className="field">
            <span className="field__label">{t('importPreview.markers')}</span>
            <select value={choices.markers} onChange={(e) => onChange({ markers: e.target.value as PreviewChoices['markers'] })}>
              <option value="importance">{t('importPreview.markers.importance')}</option>
              <option value="score">{t('importPreview.markers.score')}</option>
              <option value="none">{t('importPreview.markers.none')}</option>
            </select>
          </label>
        )}
      </div>
    </>
  );
}

const ROLE_WORDS: Readonly<Record<ColumnRole, MessageKey>> = {
  ignore: 'importPreview.role.ignore',
  label: 'importPreview.role.label',
  stage: 'importPreview.role.stage',
  channel: 'importPreview.role.channel',
  importance: 'importPreview.role.importance',
  score: 'importPreview.role.score',
  competitor: 'importPreview.role.competitor',
  notes: 'importPreview.role.notes',
  action: 'importPreview.role.action',
  owner: 'importPreview.role.owner',
  due: 'importPreview.role.due',
  detail: 'importPreview.role.detail',
};

function ColumnMapping({ source, choices, onChange }: { source: ImportSource; choices: PreviewChoices; onChange: (patch: Partial<PreviewChoices>) => void }) {
  if (source.kind !== 'table') return null;
  const table = source.tables[Math.max(0, choices.sheet)] ?? source.tables[0]!;
  const width = Math.max(...table.rows.slice(0, SAMPLE_ROWS + 1).map((r) => r.length), choices.roles.length);
  const columns = Array.from({ length: width }, (_, i) => i);
  const setRole = (column: number, role: ColumnRole) => {
    const roles = columns.map((i) => choices.roles[i] ?? 'ignore');
    // One column per role (competitors aside): choosing it for this column frees the other.
    if (role !== 'ignore' && role !== 'competitor') roles.forEach((r, i) => r === role && (roles[i] = 'ignore'));
    roles[column] = role;
    onChange({ roles });
  };
  const header = choices.headerRow ? (table.rows[0] ?? []) : [];
  const sample = table.rows.slice(choices.headerRow ? 1 : 0, (choices.headerRow ? 1 : 0) + SAMPLE_ROWS);
  return (
    <div className="field">
      <span className="field__label">{t('importPreview.columns')}</span>
      <label className="import-preview__choice">
        <input type="checkbox" checked={choices.headerRow} onChange={(e) => onChange({ headerRow: e.target.checked })} />
        {t('importPreview.headerRow')}
      </label>
      <div className="import-preview__scroll">
        <table className="import-preview__table import-preview__columns">
          <thead>
            <tr>
              {columns.map((i) => (
                <th key={i} scope="col">
                  <select aria-label={t('importPreview.columnRole', { column: header[i] || t('importPreview.columnN', { n: i + 1 }) })} value={choices.roles[i] ?? 'ignore'} onChange={(e) => setRole(i, e.target.value as ColumnRole)}>
                    {COLUMN_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(ROLE_WORDS[role])}
                      </option>
                    ))}
                  </select>
                  <span className="import-preview__header">{header[i] || t('importPreview.columnN', { n: i + 1 })}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sample.map((row, r) => (
              <tr key={r}>
                {columns.map((i) => (
                  <td key={i}>{row[i] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function TouchpointTable({ plan, onChange }: { plan: ImportPlan; onChange: (index: number, patch: { stage?: string | null; channel?: Channel | null }) => void }) {
  const rows = plan.touchpoints.slice(0, ROWS_SHOWN);
  return (
    <div className="field">
      <span className="field__label">{t('importPreview.touchpoints', { title: plan.title })}</span>
      <div className="import-preview__scroll import-preview__scroll--tall">
        <table className="import-preview__table" aria-label={t('importPreview.touchpointsTable')}>
          <thead>
            <tr>
              <th scope="col">{t('importPreview.col.touchpoint')}</th>
              <th scope="col">{t('importPreview.col.stage')}</th>
              <th scope="col">{t('importPreview.col.channel')}</th>
              <th scope="col">{t('importPreview.col.scores')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((tp, i) => (
              <tr key={i}>
                <th scope="row" className="import-preview__label">
                  {tp.label || <em className="muted">{t('importPreview.untitled')}</em>}
                  {tp.details.length > 0 && <span className="muted"> {t('importPreview.detailCount', { count: tp.details.length })}</span>}
                </th>
                <td>
                  <select className={tp.guessed?.stage ? 'import-preview__guess' : undefined} aria-label={t('importPreview.stageOf', { label: tp.label })} value={tp.stage ?? ''} onChange={(e) => onChange(i, { stage: e.target.value === '' ? null : e.target.value })}>
                    <option value="">{t('importPreview.unsorted')}</option>
                    {plan.stages.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                  {tp.guessed?.stage && <span className="import-preview__guess-tag">{t('importPreview.guessed')}</span>}
                </td>
                <td>
                  <select className={tp.guessed?.channel ? 'import-preview__guess' : undefined} aria-label={t('importPreview.channelOf', { label: tp.label })} value={tp.channel ?? ''} onChange={(e) => onChange(i, { channel: e.target.value === '' ? null : (e.target.value as Channel) })}>
                    <option value="">{t('importPreview.unsorted')}</option>
                    {CHANNELS.map((c) => (
                      <option key={c} value={c}>
                        {t(c === 'online' ? 'importPreview.online' : 'importPreview.offline')}
                      </option>
                    ))}
                  </select>
                  {tp.guessed?.channel && <span className="import-preview__guess-tag">{t('importPreview.guessed')}</span>}
                </td>
                <td className="import-preview__scores">{scoreText(tp)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.touchpoints.length > ROWS_SHOWN && <p className="muted">{t('importPreview.more', { count: plan.touchpoints.length - ROWS_SHOWN })}</p>}
    </div>
  );
}

function scoreText(tp: ImportPlan['touchpoints'][number]): string {
  const parts: string[] = [];
  if (tp.importance !== undefined) parts.push(t('importPreview.importance', { n: tp.importance }));
  if (tp.score !== undefined) parts.push(t('importPreview.score', { n: tp.score }));
  for (const [name, score] of Object.entries(tp.competitorScores ?? {})) parts.push(`${name} ${score}`);
  return parts.join(' · ');
}
