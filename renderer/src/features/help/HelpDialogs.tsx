/**
 * Help ▸ Keyboard shortcuts lists every action that has a key, read from the action registry
 * itself, so the list can never drift from what the keys do. Help ▸ About names the app and
 * its promise: no account, no network.
 */
import { useEffect, useState } from 'react';
import { Dialog } from '../../ui/Dialog';
import { t } from '../../i18n';
import { desktopBridge } from '../../platform/files';
import { useHelpStore } from './help-store';
import { isMac, type KeyChord } from '../../commands-runtime/action-names';

/** A chord as the user's keyboard spells it: Cmd on macOS, Ctrl elsewhere. */
export function chordLabel(chord: KeyChord, mac: boolean): string {
  const names: Record<string, string> = { ' ': 'Space', ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Delete: 'Delete', Backspace: 'Backspace' };
  const key = names[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  const parts = [chord.mod ? (mac ? '⌘' : 'Ctrl') : '', chord.shift ? (mac ? '⇧' : 'Shift') : '', key].filter(Boolean);
  return parts.join(mac ? '' : '+');
}

export interface ShortcutRow {
  readonly label: string;
  readonly keys: readonly KeyChord[];
  /** Keys that are a range, not a chord ("0–9", "A–Z"). */
  readonly text?: readonly string[];
}

export function ShortcutsDialog({ rows, onClose }: { readonly rows: readonly ShortcutRow[]; readonly onClose: () => void }) {
  const mac = isMac();
  return (
    <Dialog
      title={t('help.shortcuts')}
      onCancel={onClose}
      actions={
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <table className="shortcuts">
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>
                {row.keys.map((chord, index) => (
                  <kbd key={index}>{chordLabel(chord, mac)}</kbd>
                ))}
                {row.text?.map((keys) => <kbd key={keys}>{keys}</kbd>)}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('help.nextWhileNaming')}</th>
            <td>
              <kbd>{chordLabel({ key: 'Enter' }, mac)}</kbd>
            </td>
          </tr>
          <tr>
            <th scope="row">{t('help.typeToEdit')}</th>
            <td>
              <kbd>A–Z</kbd>
            </td>
          </tr>
        </tbody>
      </table>
    </Dialog>
  );
}

function AboutDialog({ onClose }: { readonly onClose: () => void }) {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    void desktopBridge()
      ?.getAppInfo()
      .then((info) => setVersion(info.version))
      .catch(() => undefined);
  }, []);
  return (
    <Dialog
      title={t('help.about')}
      onCancel={onClose}
      actions={
        <button type="button" className="button button--primary" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <p>
        <strong>{t('app.name')}</strong>
        {version ? ` ${version}` : ''}
      </p>
      <p>{t('help.aboutBody')}</p>
    </Dialog>
  );
}

/** Mounted once by the app: shows whichever help dialog is open. */
export function HelpDialogsHost({ rows }: { readonly rows: readonly ShortcutRow[] }) {
  const open = useHelpStore((s) => s.open);
  const close = () => useHelpStore.getState().show(null);
  if (open === 'shortcuts') return <ShortcutsDialog rows={rows} onClose={close} />;
  if (open === 'about') return <AboutDialog onClose={close} />;
  return null;
}
