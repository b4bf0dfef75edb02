import { useState } from 'react';
import { Dialog } from '../../ui/Dialog';
import { t } from '../../i18n';
import { useUiStore } from '../../store/ui-store';
import { library } from '../../db/library';
import type { MapSummary } from '../../db';

/** Rename a map from the library; an empty title is refused with a message. */
export function RenameMapDialog({ map, onClose }: { readonly map: MapSummary; readonly onClose: (changed: boolean) => void }) {
  const [title, setTitle] = useState(map.title);
  const [error, setError] = useState<string | null>(null);
  const notify = useUiStore((s) => s.notify);
  async function save() {
    const clean = title.trim();
    if (!clean) return setError(t('newMap.nameRequired'));
    try {
      await library().renameMap(map.id, clean);
      onClose(true);
    } catch (failure) {
      notify('error', `The map could not be renamed: ${(failure as Error).message}`);
      onClose(false);
    }
  }
  return (
    <Dialog
      title={t('rename.title')}
      onCancel={() => onClose(false)}
      onSubmit={() => void save()}
      actions={
        <>
          <button type="button" className="button" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary">
            {t('rename.save')}
          </button>
        </>
      }
    >
      <label className="field">
        <span className="field__label">{t('rename.name')}</span>
        <input autoFocus value={title} onChange={(event) => (setTitle(event.target.value), setError(null))} />
      </label>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
