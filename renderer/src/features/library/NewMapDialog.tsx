import { useState } from 'react';
import { Dialog } from '../../ui/Dialog';
import { t } from '../../i18n';
import { navigate } from '../../app/route';
import { useUiStore } from '../../store/ui-store';
import { library } from '../../db/library';
import { createMap } from '@shared/model/commands';
import { newId } from '@shared/model/ids';
import { STAGE_PRESETS, DEFAULT_PRESET_ID, type PresetId } from '@shared/templates/presets';
import type { Locale } from '@shared/model/types';

/** New map: a title and a stage preset (default "Customer journey"); opens the new map. */
export function NewMapDialog({ onClose }: { readonly onClose: () => void }) {
  const [title, setTitle] = useState('');
  const [presetId, setPresetId] = useState<PresetId>(DEFAULT_PRESET_ID);
  const [error, setError] = useState<string | null>(null);
  const notify = useUiStore((s) => s.notify);
  const locale: Locale = 'en';

  async function create() {
    const clean = title.trim();
    if (!clean) {
      setError(t('newMap.nameRequired'));
      return;
    }
    const doc = createMap({ id: newId('m'), rootId: newId('t'), title: clean, locale, presetId, now: new Date().toISOString() });
    try {
      await library().createMap(doc);
      onClose();
      navigate({ screen: 'editor', mapId: doc.map.id });
    } catch (failure) {
      notify('error', `The map could not be created: ${(failure as Error).message}`);
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
      <label className="field">
        <span className="field__label">{t('newMap.name')}</span>
        <input
          autoFocus
          value={title}
          placeholder={t('newMap.namePlaceholder')}
          onChange={(event) => {
            setTitle(event.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'new-map-error' : undefined}
        />
      </label>
      {error && (
        <p id="new-map-error" className="field__error" role="alert">
          {error}
        </p>
      )}
      <fieldset className="field presets">
        <legend className="field__label">{t('newMap.preset')}</legend>
        {STAGE_PRESETS.map((preset) => (
          <label key={preset.id} className={`preset ${preset.id === presetId ? 'preset--checked' : ''}`}>
            <input type="radio" name="preset" value={preset.id} checked={preset.id === presetId} onChange={() => setPresetId(preset.id)} />
            <span className="preset__name">{preset.name[locale]}</span>
            <span className="preset__stages">{preset.stages[locale].join(' · ')}</span>
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}
