import { useEffect } from 'react';
import { t } from '../../i18n';
import { stopPresentation, usePresentStore } from './present-store';

/** The one piece of chrome left while presenting: how to get out. Also ends presenting on Esc or on leaving full screen. */
export function PresentationHint() {
  const presenting = usePresentStore((s) => s.presenting);
  useEffect(() => {
    if (!presenting) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && stopPresentation()) event.preventDefault();
    };
    const onFullscreen = () => {
      if (!document.fullscreenElement) stopPresentation();
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [presenting]);
  if (!presenting) return null;
  return (
    <button type="button" className="present-hint" onClick={stopPresentation}>
      {t('present.exit')}
    </button>
  );
}
