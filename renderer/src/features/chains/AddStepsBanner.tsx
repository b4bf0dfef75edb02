/**
 * The banner that says "Add steps" mode is on — which chain is growing, how to add and how to
 * stop — over the mind map and the grid alike. While it shows, Esc ends the mode (a window
 * listener of its own, so the mode's Esc never depends on what else the keyboard does).
 */
import { useEffect } from 'react';
import { useDocumentStore } from '../../store/document-store';
import { t } from '../../i18n';
import { chainColourVar } from '../../drawing/theme';
import { useChainUiStore } from './chain-ui-store';
import { stopPicking } from './chain-operations';

export function AddStepsBanner() {
  const picking = useChainUiStore((s) => s.picking);
  const chain = useDocumentStore((s) => (picking && s.doc && Object.hasOwn(s.doc.chains, picking) ? s.doc.chains[picking] : undefined));
  const colourIndex = useDocumentStore((s) => (picking ? (s.doc?.chainOrder.indexOf(picking) ?? 0) : 0));
  const active = chain !== undefined;

  useEffect(() => {
    // the chain went away (deleted, undone): the mode ends with it
    if (picking && !active) stopPicking();
  }, [picking, active]);

  useEffect(() => {
    if (!active) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (stopPicking()) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active]);

  if (!chain) return null;
  const steps = chain.steps.length;
  return (
    <div className="add-steps-banner" role="status" style={{ borderColor: chainColourVar(colourIndex) }}>
      <span className="add-steps-banner__dot" style={{ background: chainColourVar(colourIndex) }} aria-hidden />
      <span>
        <strong>{t('chains.bannerTitle', { name: chain.name })}</strong> {t('chains.bannerBody', { count: steps })}
      </span>
      <button type="button" className="button button--primary" onClick={() => stopPicking()}>
        {t('chains.donePicking')}
      </button>
    </div>
  );
}
