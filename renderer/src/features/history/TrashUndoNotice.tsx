/**
 * "Moved “Clinic” to Trash — Undo": shown at the bottom of the library after a delete, for ten
 * seconds or until closed. Ctrl/Cmd+Z undoes the same delete while the library is shown.
 */
import { useEffect, useState } from 'react';
import { t } from '../../i18n';
import { undoLastDelete, useTrashUndoStore } from './trash-undo-store';

const SHOWN_MS = 10_000;

export function TrashUndoNotice() {
  const last = useTrashUndoStore((s) => s.moved.at(-1));
  const [hidden, setHidden] = useState<string | null>(null);

  useEffect(() => {
    if (!last) return;
    const timer = setTimeout(() => setHidden(last.id), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [last]);

  if (!last || hidden === last.id) return null;
  return (
    <div className="trash-undo" role="status" aria-live="polite">
      <div className="notice">
        <span>{t('trash.moved', { title: last.title })}</span>
        <button type="button" className="button button--ghost trash-undo__undo" onClick={() => void undoLastDelete()}>
          {t('trash.undo')}
        </button>
        <button type="button" className="button button--ghost" aria-label={t('common.close')} onClick={() => setHidden(last.id)}>
          ×
        </button>
      </div>
    </div>
  );
}
