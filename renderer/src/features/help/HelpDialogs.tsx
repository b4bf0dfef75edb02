/**
 * Help ▸ Keyboard shortcuts lists every operation that has a key and the keys views answer
 * themselves, as the app composes them from the operations table (shared/operations.ts), so the
 * list can never drift from what the keys do. Help ▸ About names the app and its promise: no
 * account, no network.
 */
import { useEffect, useState } from 'react';
import { chordLabel, type KeyChord } from '@shared/operations';
import { Dialog } from '../../ui/Dialog';
import { t } from '../../i18n';
import { desktopBridge } from '../../platform/files';
import { useHelpStore } from './help-store';
import { isMac } from '../../operations/is-mac';

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
