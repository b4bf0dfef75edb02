/**
 * App settings: what belongs to this computer rather than to a map — the theme (light, dark
 * or the system's), the UI language (language.ts) and Your data (where the maps live, storage, backups). The web build has no native menu, so this is where both builds choose it;
 * the desktop menu's View ▸ Theme sets the same preference (apply-theme.ts).
 */
import { Dialog } from '../ui/Dialog';
import { t } from '../i18n';
import { THEME_PREFERENCES, setThemePreference, useThemePreference } from './apply-theme';
import { useAppSettingsStore } from './app-settings-store';
import { YourDataSection } from './YourDataSection';
import { LANGUAGE_NAMES, UI_LANGUAGES } from '@shared/i18n/languages';
import { setLanguagePreference, systemLanguage, useLanguagePreference, type LanguagePreference } from './language';

const THEME_LABEL = { light: 'appSettings.theme.light', dark: 'appSettings.theme.dark', system: 'appSettings.theme.system' } as const;

export function AppSettingsDialog({ onClose }: { readonly onClose: () => void }) {
  const preference = useThemePreference();
  const language = useLanguagePreference();
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
      <div className="field app-settings__language">
        <label className="field__label" htmlFor="app-settings-language">
          {t('appSettings.language')}
        </label>
        <select id="app-settings-language" value={language} onChange={(event) => setLanguagePreference(event.target.value as LanguagePreference)}>
          <option value="system">{t('appSettings.language.system', { language: LANGUAGE_NAMES[systemLanguage()] })}</option>
          {UI_LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
        <p className="muted app-settings__about">{t('appSettings.languageAbout')}</p>
      </div>
      <YourDataSection />
    </Dialog>
  );
}

/** Mounted once by the app. */
export function AppSettingsHost() {
  const open = useAppSettingsStore((s) => s.open);
  return open ? <AppSettingsDialog onClose={() => useAppSettingsStore.getState().setOpen(false)} /> : null;
}
