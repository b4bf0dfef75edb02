/**
 * The editor's right-hand column: two tabs, the Inspector of the selection and the map's
 * Chains. One column rather than two panels, so the map keeps its width while a facilitator
 * builds a chain by clicking and glances at a step's fields.
 */
import { Inspector } from '../inspector/Inspector';
import { t } from '../../i18n';
import { useChainUi, type SidePanelTab } from './chain-ui';
import { ChainsPanel } from './ChainsPanel';

const TABS: readonly { readonly tab: SidePanelTab; readonly label: 'inspector.title' | 'chains.title' }[] = [
  { tab: 'inspector', label: 'inspector.title' },
  { tab: 'chains', label: 'chains.title' },
];

export function SidePanel() {
  const tab = useChainUi((s) => s.tab);
  const setTab = useChainUi((s) => s.setTab);
  return (
    <div className={`side-panel side-panel--${tab}`}>
      <div className="side-panel__tabs" role="tablist" aria-label={t('chains.panelTabs')}>
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
      <div className="side-panel__body" role="tabpanel" id={`side-panel-${tab}`} aria-labelledby={`side-tab-${tab}`}>
        {tab === 'inspector' ? <Inspector /> : <ChainsPanel />}
      </div>
    </div>
  );
}
