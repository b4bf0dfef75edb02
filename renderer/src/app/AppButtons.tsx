/**
 * Help and App settings, in the library's header and the editor's toolbar: the web build has no
 * native menu, so these are how a newcomer finds the keyboard shortcuts and the theme in both builds.
 */
import { t } from '../i18n';
import { runOperation } from './operations';
import { useAppSettingsStore } from './app-settings-store';

export function AppButtons() {
  return (
    <div className="toolbar__group app-buttons">
      <button type="button" className="button button--ghost button--icon" aria-label={t('help.button')} title={t('help.buttonTitle')} onClick={() => runOperation('help.shortcuts')}>
        <span aria-hidden="true">?</span>
      </button>
      <button type="button" className="button button--ghost button--icon" aria-label={t('appSettings.open')} title={t('appSettings.open')} onClick={() => useAppSettingsStore.getState().setOpen(true)}>
        <span aria-hidden="true">⚙</span>
      </button>
    </div>
  );
}
