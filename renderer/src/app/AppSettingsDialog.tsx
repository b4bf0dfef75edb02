/**
 * App settings: what belongs to this computer rather than to a map — the theme (light, dark
 * or the system's) and Your data (where the maps live, storage, backups). The web build has no native menu, so this is where both builds choose it;
 * the desktop menu's View ▸ Theme sets the same preference (apply-theme.ts).
 */
import { Dialog } from '../ui/Dialog';
import { t } from '../i18n';
import { THEME_PREFERENCES, setThemePreference, useThemePreference } from './apply-theme';
import { useAppSettingsStore } from './app-settings-store';
import { YourDataSection } from './YourDataSection';

const THEME_LABEL = { light: 'appSettings.theme.light', dark: 'appSettings.theme.dark', system: 'appSettings.theme.system' } as const;

export function AppSettingsDialog({ onClose }: { readonly onClose: () => void }) {
  const preference = useThemePreference();
  return (
    <Dialog
      title={t('appSettings.title')}
      onCancel={onClose}
      actions={
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('settings.done')}
        </button>
      }
    >
      <fieldset className="field app-settings__theme">
        <legend className="field__label">{t('appSettings.theme')}</legend>
        {THEME_PREFERENCES.map((choice) => (
          <label key={choice} className="app-settings__choice">
            <input type="radio" name="theme" value={choice} checked={preference === choice} onChange={() => setThemePreference(choice)} />
            {t(THEME_LABEL[choice])}
          </label>
        ))}
        <p className="muted app-settings__about">{t('appSettings.themeAbout')}</p>
      </fieldset>
      <YourDataSection />
    </Dialog>
  );
}

/** Mounted once by the app. */
export function AppSettingsHost() {
  const open = useAppSettingsStore((s) => s.open);
  return open ? <AppSettingsDialog onClose={() => useAppSettingsStore.getState().setOpen(false)} /> : null;
}
