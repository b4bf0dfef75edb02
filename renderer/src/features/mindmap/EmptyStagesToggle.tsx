/**
 * The view option "Hide empty stages", as a checkbox over the mind map and in the grid's bar: the
 * same UI state (ui-store) drives both projections, and the operations registry's
 * `view.hideEmptyStages` toggles it from the keyboard and the menu.
 */
import { useUiStore } from '../../store/ui-store';
import { t } from '../../i18n';

export function EmptyStagesToggle() {
  const hidden = useUiStore((s) => s.hideEmptyStages);
  const toggle = useUiStore((s) => s.toggleEmptyStages);
  return (
    <label className="view-option" title={t('views.hideEmptyStagesHint')}>
      <input type="checkbox" checked={hidden} onChange={toggle} />
      {t('views.hideEmptyStages')}
    </label>
  );
}
