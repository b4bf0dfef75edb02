/**
 * Map settings: the map's own lists — lifecycle stages (rename, add, remove, reorder), customer
 * segments and named competitors (add, rename, remove). Every change is one command, so one undo
 * step; a refused name is explained in the dialog and changes nothing. Removing a stage that still
 * holds touchpoints first asks where they go: another stage, or Unsorted.
 */
import { useEffect, useRef, useState } from 'react';
import {
  addCompetitor,
  addSegment,
  addStage,
  removeCompetitor,
  removeSegment,
  removeStage,
  renameCompetitor,
  renameSegment,
  renameStage,
  reorderStage,
} from '@shared/model/commands';
import { newId } from '@shared/model/ids';
import { competitorScoreOf, touchpointsOf } from '@shared/model/selectors';
import type { MapDoc, Stage } from '@shared/model/types';
import { Dialog } from '../../ui/Dialog';
import { useDocumentStore } from '../../store/document-store';
import { t } from '../../i18n';
import { runOperation } from '../../operations/run-operation';
import { closeMapSettings, useMapSettingsStore } from './map-settings-store';
import { nameProblem, type ListKind } from './names';

type Command = (doc: MapDoc) => MapDoc;

/** Renders the dialog while it is open; mounted once by the editor. */
export function MapSettingsHost() {
  const open = useMapSettingsStore((s) => s.open);
  const hasDoc = useDocumentStore((s) => s.doc !== null);
  return open && hasDoc ? <MapSettingsDialog /> : null;
}

function MapSettingsDialog() {
  const doc = useDocumentStore((s) => s.doc) as MapDoc;
  const focus = useMapSettingsStore((s) => s.focus);
  const [error, setError] = useState<string | null>(null);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focus) body.current?.querySelector(`[data-section="${focus}"]`)?.scrollIntoView({ block: 'start' });
  }, [focus]);

  /** Runs a command; a refusal is shown here (the app's notice bar sits under the modal). */
  const run = (command: Command): boolean => {
    try {
      useDocumentStore.getState().apply(command);
      setError(null);
      return true;
    } catch (failure) {
      setError((failure as Error).message);
      return false;
    }
  };
  const refuse = (message: string) => {
    setError(message);
    return false;
  };

  const { stages, segments, competitors } = doc.map;
  return (
    <Dialog
      title={t('settings.title')}
      onCancel={closeMapSettings}
      actions={
        <button type="button" className="button button--primary" onClick={closeMapSettings}>
          {t('settings.done')}
        </button>
      }
    >
      <div
        ref={body}
        className="map-settings"
        onKeyDown={(event) => {
          // undo / redo reach the map from here too; text fields keep their own undo
          const target = event.target as HTMLElement;
          if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || !(event.ctrlKey || event.metaKey) || event.key.toLowerCase() !== 'z') return;
          event.preventDefault();
          runOperation(event.shiftKey ? 'edit.redo' : 'edit.undo');
        }}
      >
        {error && (
          <p className="field__error map-settings__error" role="alert">
            {error}
          </p>
        )}
        <section className="map-settings__section" data-section="stages" aria-labelledby="settings-stages">
          <h3 id="settings-stages" className="map-settings__heading">
            {t('settings.stages')}
          </h3>
          <p className="muted map-settings__intro">{t('settings.stagesIntro')}</p>
          <ol className="named-list">
            {stages.map((stage, index) => (
              <StageRow key={stage.id} doc={doc} stage={stage} index={index} run={run} refuse={refuse} />
            ))}
          </ol>
          <AddRow kind="stage" list={stages} run={run} refuse={refuse} add={(name) => (d) => addStage(d, { id: newId('s'), name })} />
        </section>
        <NamedSection
          kind="segment"
          list={segments}
          run={run}
          refuse={refuse}
          add={(name) => (d) => addSegment(d, { id: newId('g'), name })}
          rename={(id, name) => (d) => renameSegment(d, id, name)}
          remove={(id) => (d) => removeSegment(d, id)}
          usage={(id) => Object.values(doc.topics).filter((topic) => topic.segmentIds?.includes(id)).length}
        />
        <NamedSection
          kind="competitor"
          list={competitors}
          run={run}
          refuse={refuse}
          add={(name) => (d) => addCompetitor(d, { id: newId('c'), name })}
          rename={(id, name) => (d) => renameCompetitor(d, id, name)}
          remove={(id) => (d) => removeCompetitor(d, id)}
          usage={(id) => Object.values(doc.topics).filter((topic) => competitorScoreOf(topic, id) !== undefined).length}
        />
      </div>
    </Dialog>
  );
}

interface RowProps {
  readonly run: (command: Command) => boolean;
  readonly refuse: (message: string) => boolean;
}

function StageRow({ doc, stage, index, run, refuse }: RowProps & { readonly doc: MapDoc; readonly stage: Stage; readonly index: number }) {
  const { stages } = doc.map;
  const held = touchpointsOf(doc).filter((topic) => topic.stageId === stage.id).length;
  const [removing, setRemoving] = useState(false);
  const others = stages.filter((other) => other.id !== stage.id);
  const [moveTo, setMoveTo] = useState<string>('');
  return (
    <li className="named-list__item">
      <div className="named-list__row">
        <span className="named-list__index">{index + 1}</span>
        <NameInput
          label={t('settings.stage.name', { index: index + 1 })}
          value={stage.name}
          commit={(name) => {
            const problem = nameProblem('stage', name, stages, stage.id);
            return problem ? refuse(problem) : run((d) => renameStage(d, stage.id, name));
          }}
        />
        <span className="named-list__count">{t('settings.touchpoints', { count: held })}</span>
        <button
          type="button"
          className="icon-button"
          aria-label={t('settings.stage.up', { name: stage.name })}
          title={t('settings.stage.up', { name: stage.name })}
          disabled={index === 0}
          onClick={() => run((d) => reorderStage(d, stage.id, index - 1))}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('settings.stage.down', { name: stage.name })}
          title={t('settings.stage.down', { name: stage.name })}
          disabled={index === stages.length - 1}
          onClick={() => run((d) => reorderStage(d, stage.id, index + 1))}
        >
          ↓
        </button>
        <button
          type="button"
          className="icon-button icon-button--danger"
          aria-label={t('settings.stage.remove', { name: stage.name })}
          title={t('settings.stage.remove', { name: stage.name })}
          onClick={() => (held > 0 ? setRemoving(true) : run((d) => removeStage(d, stage.id, null)))}
        >
          ✕
        </button>
      </div>
      {removing && held > 0 && (
        <div className="named-list__confirm" role="group" aria-label={t('settings.stage.removeTitle', { name: stage.name })}>
          <label className="field">
            <span className="named-list__question">{t(held === 1 ? 'settings.stage.moveToOne' : 'settings.stage.moveTo', { count: held, name: stage.name })}</span>
            <select value={moveTo} onChange={(event) => setMoveTo(event.target.value)}>
              <option value="">{t('group.unsorted')}</option>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.name}
                </option>
              ))}
            </select>
          </label>
          <div className="named-list__confirm-actions">
            <button type="button" className="button" onClick={() => setRemoving(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button button--danger-solid"
              onClick={() => {
                if (run((d) => removeStage(d, stage.id, doc.map.stages.find((other) => other.id === moveTo)?.id ?? null))) setRemoving(false);
              }}
            >
              {t('settings.stage.confirmRemove')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function NamedSection<Id extends string>({
  kind,
  list,
  run,
  refuse,
  add,
  rename,
  remove,
  usage,
}: RowProps & {
  readonly kind: Exclude<ListKind, 'stage'>;
  readonly list: readonly { readonly id: Id; readonly name: string }[];
  readonly add: (name: string) => Command;
  readonly rename: (id: Id, name: string) => Command;
  readonly remove: (id: Id) => Command;
  readonly usage: (id: Id) => number;
}) {
  const heading = `settings-${kind}s`;
  return (
    <section className="map-settings__section" data-section={`${kind}s`} aria-labelledby={heading}>
      <h3 id={heading} className="map-settings__heading">
        {t(`settings.${kind}s`)}
      </h3>
      <p className="muted map-settings__intro">{t(`settings.${kind}sIntro`)}</p>
      {list.length > 0 && (
        <ul className="named-list">
          {list.map((entry, index) => (
            <li key={entry.id} className="named-list__item">
              <div className="named-list__row">
                <NameInput
                  label={t(`settings.${kind}.name`, { index: index + 1 })}
                  value={entry.name}
                  commit={(name) => {
                    const problem = nameProblem(kind, name, list, entry.id);
                    return problem ? refuse(problem) : run(rename(entry.id, name));
                  }}
                />
                <span className="named-list__count">{usageText(kind, usage(entry.id))}</span>
                <button
                  type="button"
                  className="icon-button icon-button--danger"
                  aria-label={t(`settings.${kind}.remove`, { name: entry.name })}
                  title={t(`settings.${kind}.remove`, { name: entry.name })}
                  onClick={() => run(remove(entry.id))}
                >
                  ✕
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <AddRow kind={kind} list={list} run={run} refuse={refuse} add={add} />
    </section>
  );
}

/** "1 touchpoint", "3 scores": how much of the map uses a segment or a competitor. */
function usageText(kind: Exclude<ListKind, 'stage'>, count: number): string {
  return t(`settings.${kind}.usage`, { count });
}

/** The "new …" field and its Add button; Enter adds too. */
function AddRow({
  kind,
  list,
  run,
  refuse,
  add,
}: RowProps & { readonly kind: ListKind; readonly list: readonly { readonly id: string; readonly name: string }[]; readonly add: (name: string) => Command }) {
  const [draft, setDraft] = useState('');
  const submit = () => {
    const problem = nameProblem(kind, draft, list);
    if (problem) return refuse(problem);
    if (run(add(draft.trim()))) setDraft('');
    return true;
  };
  return (
    <div className="named-list__add">
      <input
        aria-label={t(`settings.${kind}.new`)}
        placeholder={t(`settings.${kind}.new`)}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            submit();
          }
        }}
      />
      <button type="button" className="button" onClick={submit}>
        {t(`settings.${kind}.add`)}
      </button>
    </div>
  );
}

/** A name that commits on Enter or when left; a refused name goes back to the stored one. */
function NameInput({ label, value, commit }: { readonly label: string; readonly value: string; readonly commit: (name: string) => boolean }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const done = () => {
    if (draft === value) return;
    if (!commit(draft)) setDraft(value);
  };
  return (
    <input
      className="named-list__name"
      aria-label={label}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={done}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          done();
        }
      }}
    />
  );
}
