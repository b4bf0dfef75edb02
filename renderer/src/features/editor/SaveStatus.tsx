import { useUiStore } from '../../store/ui-store';
import { t } from '../../i18n';

/** "Saved / Saving… / Not saved": autosave's state, always visible, announced politely. */
export function SaveStatus() {
  const save = useUiStore((s) => s.save);
  const text =
    save.state === 'deleted' ? t('save.deleted') : save.state === 'error' ? t('save.error', { message: save.message ?? '' }) : save.state === 'saving' ? t('save.saving') : save.state === 'unsaved' ? t('save.unsaved') : t('save.saved');
  return (
    <span className={`save-status save-status--${save.state}`} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </span>
  );
}
