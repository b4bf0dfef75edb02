import { useUiStore } from '../store/ui-store';
import { t } from '../i18n';

/**
 * Shows the last error or information message (a refused edit, a repaired map) until dismissed;
 * technical details, when the message has any, wait behind a "Details" disclosure.
 */
export function NoticeBar() {
  const notice = useUiStore((s) => s.notice);
  const dismiss = useUiStore((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className={`notice notice--${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <div className="notice__body">
        <span>{notice.text}</span>
        {notice.details !== undefined && (
          <details className="notice__details">
            <summary>{t('notice.details')}</summary>
            <pre>{notice.details}</pre>
          </details>
        )}
      </div>
      <button type="button" className="button button--ghost" onClick={dismiss}>
        {t('common.close')}
      </button>
    </div>
  );
}
