/**
 * "Fix first without an action": the important, low-scored touchpoints nobody has planned for.
 * Each row's "Add action" opens a small form — what to do, who, by when — that sets the
 * touchpoint's improvement action through `setTopicFields`, as the inspector does: one undo step.
 * The row then leaves the list (it has an action now); Undo brings it back.
 */
import { useState, type FormEvent } from 'react';
import { fixFirstWithoutAction } from '@shared/model/analysis/fix-first';
import { setTopicFields } from '@shared/model/commands';
import type { ImprovementAction, MapDoc, Topic } from '@shared/model/types';
import { runCommand } from '../../store/run-command';
import { useUiStore } from '../../store/ui-store';
import { t } from '../../i18n';
import { showTouchpointOnMap } from './select-touchpoint';

const DUE = /^\d{4}-\d{2}-\d{2}$/;

function ActionForm({ topic, onDone }: { readonly topic: Topic; readonly onDone: () => void }) {
  const [what, setWhat] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = what.trim();
    if (text === '') return setError(t('analysis.fixFirst.whatMissing'));
    if (due !== '' && !DUE.test(due)) return setError(t('analysis.fixFirst.dueInvalid'));
    const action: ImprovementAction = { what: text, status: 'todo', ...(owner.trim() ? { owner: owner.trim() } : {}), ...(due ? { due } : {}) };
    if (runCommand((doc) => setTopicFields(doc, [topic.id], { action }), { history: 'step' })) {
      useUiStore.getState().notify('info', t('analysis.fixFirst.added', { label: topic.label }));
      onDone();
    }
  };
  return (
    <form className="fix-first__form" onSubmit={submit} aria-label={t('analysis.fixFirst.formLabel', { label: topic.label })}>
      <label className="field">
        <span className="field__label">{t('analysis.fixFirst.what')}</span>
        <input value={what} onChange={(e) => setWhat(e.target.value)} autoFocus placeholder={t('analysis.fixFirst.whatPlaceholder')} />
      </label>
      <div className="field-row">
        <label className="field">
          <span className="field__label">{t('analysis.fixFirst.owner')}</span>
          <input value={owner} onChange={(e) => setOwner(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{t('analysis.fixFirst.due')}</span>
          <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </label>
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="fix-first__buttons">
        <button type="button" className="button button--ghost" onClick={onDone}>
          {t('analysis.fixFirst.cancel')}
        </button>
        <button type="submit" className="button button--primary">
          {t('analysis.fixFirst.save')}
        </button>
      </div>
    </form>
  );
}

export function FixFirstList({ doc }: { readonly doc: MapDoc }) {
  const [open, setOpen] = useState<string | null>(null);
  const topics = fixFirstWithoutAction(doc);
  return (
    <section className="analysis-section fix-first" aria-labelledby="fix-first-title">
      <h3 id="fix-first-title" className="analysis-section__title">
        {t('analysis.fixFirst.title')} <span className="muted">({topics.length})</span>
      </h3>
      {topics.length === 0 ? (
        <p className="muted">{t('analysis.fixFirst.none')}</p>
      ) : (
        <ul className="fix-first__list">
          {topics.map((topic) => (
            <li key={topic.id} className="fix-first__row">
              <div className="fix-first__head">
                <button type="button" className="link-button fix-first__label" onClick={() => showTouchpointOnMap(topic.id)} title={t('analysis.showOnMap')}>
                  {topic.label}
                </button>
                <span className="muted fix-first__numbers">{t('analysis.fixFirst.numbers', { importance: topic.importance ?? '', score: topic.score ?? '' })}</span>
                {open !== topic.id && (
                  <button type="button" className="button button--ghost" onClick={() => setOpen(topic.id)} aria-label={t('analysis.fixFirst.addFor', { label: topic.label })}>
                    {t('analysis.fixFirst.add')}
                  </button>
                )}
              </div>
              {open === topic.id && <ActionForm topic={topic} onDone={() => setOpen(null)} />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
