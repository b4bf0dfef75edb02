/**
 * New map: a title, the map's language, and what to start from — a blank map with one of the
 * stage presets (default "Customer journey"), or one of the four starter maps of DOMAIN.md §6.
 * The language names the stages and, for a template, everything in it. Opens the new map.
 */
import { useState } from 'react';
import { Dialog } from '../../ui/Dialog';
import { currentLanguage, t, useLanguage } from '../../i18n';
import { navigate } from '../../store/route';
import { useUiStore } from '../../store/ui-store';
import { library } from '../../db/library';
import { createMap } from '@shared/model/commands';
import { newId } from '@shared/model/ids';
import { LOCALES, type Locale, type MapDoc } from '@shared/model/types';
import { STAGE_PRESETS, DEFAULT_PRESET_ID, presetStages } from '@shared/templates/presets';
import { TEMPLATES, buildTemplate, templateSpec, type TemplateId } from '@shared/templates';

import { LANGUAGE_NAMES } from '@shared/i18n/languages';

/** What the map starts from: `preset:<id>` or `template:<id>` (one radio group for both). */
type Start = `preset:${string}` | `template:${TemplateId}`;

/** A new map speaks the UI's language unless the person picks another. */
const defaultLocale = (): Locale => currentLanguage();

export function NewMapDialog({ onClose }: { readonly onClose: () => void }) {
  // Names and descriptions in the UI's language; a template's name also in the map's, when that differs.
  const ui = useLanguage();
  const [title, setTitle] = useState('');
  const [start, setStart] = useState<Start>(`preset:${DEFAULT_PRESET_ID}`);
  const [locale, setLocale] = useState<Locale>(defaultLocale);
  const [error, setError] = useState<string | null>(null);
  const notify = useUiStore((s) => s.notify);
  const templateId = start.startsWith('template:') ? (start.slice('template:'.length) as TemplateId) : null;
  const templateTitle = templateId ? templateSpec(templateId).title[locale] : null;

  async function create() {
    const clean = title.trim();
    if (!clean && !templateId) {
      setError(t('newMap.nameRequired'));
      return;
    }
    const now = new Date().toISOString();
    let doc: MapDoc;
    if (templateId) {
      doc = buildTemplate(templateId, { locale, newId, now, title: clean });
    } else {
      const presetId = STAGE_PRESETS.find((preset) => `preset:${preset.id}` === start)?.id ?? DEFAULT_PRESET_ID;
      doc = createMap({ id: newId('m'), rootId: newId('t'), title: clean, locale, presetId, now });
    }
    try {
      await library().createMap(doc);
      onClose();
      navigate({ screen: 'editor', mapId: doc.map.id });
    } catch (failure) {
      notify('error', t('newMap.failed', { reason: (failure as Error).message }));
    }
  }

  return (
    <Dialog
      title={t('newMap.title')}
      onCancel={onClose}
      onSubmit={() => void create()}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('newMap.create')}
          </button>
        </>
      }
    >
      <div className="new-map">
        <div className="new-map__top">
          <label className="field">
            <span className="field__label">{t('newMap.name')}</span>
            <input
              autoFocus
              value={title}
              placeholder={templateTitle ?? t('newMap.namePlaceholder')}
              onChange={(event) => {
                setTitle(event.target.value);
                setError(null);
              }}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'new-map-error' : templateTitle ? 'new-map-title-hint' : undefined}
            />
          </label>
          <label className="field">
            <span className="field__label">{t('newMap.language')}</span>
            <select value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
              {LOCALES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LANGUAGE_NAMES[code]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {error ? (
          <p id="new-map-error" className="field__error" role="alert">
            {error}
          </p>
        ) : (
          templateTitle && (
            <p id="new-map-title-hint" className="muted new-map__hint">
              {t('newMap.templateTitleHint', { title: templateTitle })}
            </p>
          )
        )}
        <div className="new-map__choices">
          <fieldset className="field presets">
            <legend className="field__label">{t('newMap.blank')}</legend>
            {STAGE_PRESETS.map((preset) => {
              const value: Start = `preset:${preset.id}`;
              return (
                <label key={preset.id} className={`preset ${value === start ? 'preset--checked' : ''}`}>
                  <input type="radio" name="start" value={value} checked={value === start} onChange={() => setStart(value)} />
                  <span className="preset__name">{preset.name[ui]}</span>
                  <span className="preset__stages" lang={locale}>
                    {presetStages(preset.id, locale).join(' · ')}
                  </span>
                </label>
              );
            })}
          </fieldset>
          <fieldset className="field presets">
            <legend className="field__label">{t('newMap.template')}</legend>
            {TEMPLATES.map((template) => {
              const value: Start = `template:${template.id}`;
              const actions = template.touchpoints.filter((touchpoint) => touchpoint.action).length;
              return (
                <label key={template.id} className={`preset preset--template ${value === start ? 'preset--checked' : ''}`}>
                  <input type="radio" name="start" value={value} checked={value === start} onChange={() => setStart(value)} />
                  <span className="preset__name">
                    {template.name[ui]}
                    {locale !== ui && (
                      <span className="preset__local" lang={locale}>
                        {' '}
                        · {template.name[locale]}
                      </span>
                    )}
                  </span>
                  <span className="preset__stages">{template.description[ui]}</span>
                  <span className="preset__meta">
                    {t('newMap.templateMeta', { touchpoints: template.touchpoints.length, chains: template.chains.length, actions })}
                  </span>
                </label>
              );
            })}
          </fieldset>
        </div>
      </div>
    </Dialog>
  );
}
