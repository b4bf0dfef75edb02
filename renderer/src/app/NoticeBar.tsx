/**
 * The app's messages, at the top centre under the toolbar, clear of the map's own controls
 * (filter top left, search top right, zoom buttons, legend and minimap at the bottom). Every notice
 * of the app is shown here, with its own button when it has one ("Undo"). Information
 * is announced politely and goes by itself (notice-timer.ts); an error is announced at once and
 * stays until dismissed.
 */
import { useEffect, useRef } from 'react';
import { useUiStore, type Notice } from '../store/ui-store';
import { t } from '../i18n';
import { noticeLifetime, pausableTimer, type PausableTimer } from './notice-timer';
import { BackupReminder } from './BackupReminder';

export function NoticeBar() {
  const notice = useUiStore((s) => s.notice);
  const dismiss = useUiStore((s) => s.dismissNotice);
  const timer = useRef<PausableTimer | null>(null);
  const held = useRef({ pointer: false, focus: false });

  useEffect(() => {
    const lifetime = notice ? noticeLifetime(notice.kind, notice) : null;
    if (lifetime === null) return;
    const own = pausableTimer(lifetime, () => useUiStore.getState().dismissNotice());
    timer.current = own;
    if (held.current.pointer || held.current.focus) own.pause();
    return () => {
      own.cancel();
      if (timer.current === own) timer.current = null;
    };
  }, [notice]);

  const hold = (what: 'pointer' | 'focus', on: boolean) => {
    held.current[what] = on;
    if (held.current.pointer || held.current.focus) timer.current?.pause();
    else timer.current?.resume();
  };

  // The polite region stays mounted, so a screen reader announces each message put into it.
  return (
    <div className="notices">
      <div role="status" aria-live="polite" aria-atomic="true" className="notices__live">
        {notice?.kind === 'info' && (
          <div
            className="notice notice--info"
            onPointerEnter={() => hold('pointer', true)}
            onPointerLeave={() => hold('pointer', false)}
            onFocus={() => hold('focus', true)}
            onBlur={() => hold('focus', false)}
          >
            <NoticeText notice={notice} />
            <NoticeActionButton notice={notice} />
            <button type="button" className="button button--ghost" onClick={dismiss}>
              {t('common.close')}
            </button>
          </div>
        )}
      </div>
      {notice?.kind === 'error' && (
        <div className="notice notice--error" role="alert">
          <NoticeText notice={notice} />
          <NoticeActionButton notice={notice} />
          <button type="button" className="button button--ghost" onClick={dismiss}>
            {t('common.close')}
          </button>
        </div>
      )}
      <BackupReminder />
    </div>
  );
}

/** The notice's own button ("Undo", "Download the original"): runs it, and the notice has done its job. */
function NoticeActionButton({ notice }: { notice: Notice }) {
  if (!notice.action) return null;
  const { action } = notice;
  return (
    <button
      type="button"
      className="button button--ghost notice__action"
      onClick={() => {
        useUiStore.getState().dismissNotice();
        action.run();
      }}
    >
      {action.label}
    </button>
  );
}

/** The message, and its technical text (a path, a parser's words) folded behind "Details". */
function NoticeText({ notice }: { notice: { readonly text: string; readonly details?: string } }) {
  return (
    <div className="notice__body">
      <span>{notice.text}</span>
      {notice.details !== undefined && (
        <details className="notice__details">
          <summary>{t('notice.details')}</summary>
          <pre>{notice.details}</pre>
        </details>
      )}
    </div>
  );
}
