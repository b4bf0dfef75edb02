import { useUiStore } from '../store/ui-store';
import { t } from '../i18n';

/** Shows the last error or information message (a refused edit, a repaired map) until dismissed. */
export function NoticeBar() {
  const notice = useUiStore((s) => s.notice);
  const dismiss = useUiStore((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      <button type="button" className="button button--ghost" onClick={dismiss}>
        {t('common.close')}
      </button>
    </div>
  );
}
