/**
 * The editor's right-hand column: two tabs, the Inspector of the selection and the map's
 * Chains. One column rather than two panels, so the map keeps its width while a facilitator
 * builds a chain by clicking and glances at a step's fields.
 *
 * Selecting a touchpoint on the map, the grid or the outline brings the Inspector forward (that
 * is what the click is for, once a chain is built) — except while "Add steps" takes clicks as
 * steps, when the selection came from the Chains tab itself (a step clicked in its list), or when
 * the user pinned the Chains tab.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { isBelowRoot, isTopicIdOf } from '@shared/model/selectors';
import { Inspector } from '../inspector';
import { AnalysisPanel } from '../analysis';
import { t } from '../../i18n';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { useChainUiStore, type SidePanelTab } from './chain-ui-store';
import { ChainsPanel } from './ChainsPanel';

const TABS: readonly { readonly tab: SidePanelTab; readonly label: 'inspector.title' | 'chains.title' | 'analysis.tab' }[] = [
  { tab: 'inspector', label: 'inspector.title' },
  { tab: 'chains', label: 'chains.title' },
  { tab: 'analysis', label: 'analysis.tab' },
];

/** Brings the Inspector forward when a touchpoint is selected from outside the panel. */
function useInspectorForward(panel: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    // where the last click or key happened: a step clicked in the Chains list selects its touchpoint there
    let lastTarget: EventTarget | null = null;
    const remember = (event: Event) => {
      lastTarget = event.target;
    };
    window.addEventListener('pointerdown', remember, true);
    window.addEventListener('keydown', remember, true);
    const off = useUiStore.subscribe((state, previous) => {
      if (state.selected === previous.selected || state.selected.length === 0 || state.chainsPinned) return;
      const chains = useChainUiStore.getState();
      if (chains.tab !== 'chains' || chains.picking !== null) return;
      if (lastTarget instanceof Node && panel.current?.contains(lastTarget)) return;
      const doc = useDocumentStore.getState().doc;
      const topicSelected = doc !== null && state.selected.some((id) => isTopicIdOf(doc, id) && isBelowRoot(doc, id));
      if (topicSelected) chains.setTab('inspector');
    });
    return () => {
      off();
      window.removeEventListener('pointerdown', remember, true);
      window.removeEventListener('keydown', remember, true);
    };
  }, [panel]);
}

function PinChains() {
  const pinned = useUiStore((s) => s.chainsPinned);
  return (
    <button
      type="button"
      className="side-panel__pin"
      aria-pressed={pinned}
      aria-label={t('chains.pin')}
      title={t('chains.pinAbout')}
      onClick={() => useUiStore.getState().setChainsPinned(!pinned)}
    >
      {/* a push pin */}
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path d="M10.5 1.5l4 4-1.4 1.4-.9-.4-2.6 2.6.3 3.1-1.2 1.2-2.7-2.7-3.4 3.4-.7-.7 3.4-3.4L2.6 7.3l1.2-1.2 3.1.3 2.6-2.6-.4-.9z" fill="currentColor" />
      </svg>
    </button>
  );
}

export function SidePanel() {
  const tab = useChainUiStore((s) => s.tab);
  const setTab = useChainUiStore((s) => s.setTab);
  const panel = useRef<HTMLDivElement>(null);
  useInspectorForward(panel);
  return (
    <div className={`side-panel side-panel--${tab}`} ref={panel}>
      <div className="side-panel__tabs">
        <div className="side-panel__tablist" role="tablist" aria-label={t('chains.panelTabs')}>
          {TABS.map((entry) => (
            <button
              key={entry.tab}
              type="button"
              role="tab"
              id={`side-tab-${entry.tab}`}
              aria-selected={tab === entry.tab}
              aria-controls={`side-panel-${entry.tab}`}
              className="side-panel__tab"
              onClick={() => setTab(entry.tab)}
            >
              {t(entry.label)}
            </button>
          ))}
        </div>
        {tab === 'chains' && <PinChains />}
      </div>
      <div className="side-panel__body" role="tabpanel" id={`side-panel-${tab}`} aria-labelledby={`side-tab-${tab}`}>
        {tab === 'inspector' ? <Inspector /> : tab === 'analysis' ? <AnalysisPanel /> : <ChainsPanel />}
      </div>
    </div>
  );
}
