import { useEffect } from 'react';
import { t } from '../../i18n';
import { stopPresentation, usePresentStore } from './present-store';
import { SlideShow } from './SlideShow';
import { SlideEditorHost } from './SlideEditor';

/**
 * While presenting: the slides, and the one piece of chrome left — how to get out. Also ends
 * presenting on Esc or on leaving full screen. Otherwise: the slide editor, when it is open.
 */
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
  if (!presenting) return <SlideEditorHost />;
  return (
    <>
      <SlideShow />
      <button type="button" className="present-hint" onClick={stopPresentation}>
        {t('present.exit')}
      </button>
    </>
  );
}
