/**
 * The library's file buttons: Import… (a `.touchmap` file, as new maps) and Back up all maps (one
 * `.touchmap` with every map). Both dispatch registry operations, like the keys and the native menu.
 */
import { runOperation } from '../../operations/run-operation';
import { t } from '../../i18n';

/** @param hasMaps whether the library holds any map (nothing to back up otherwise) */
export function LibraryFileActions({ hasMaps }: { readonly hasMaps: boolean }) {
  return (
    <div className="toolbar__group">
      <button type="button" className="button button--ghost" onClick={() => runOperation('file.import')} title={t('import.shortcut')}>
        {t('import.button')}
      </button>
      <button type="button" className="button button--ghost" disabled={!hasMaps} onClick={() => runOperation('file.backupAll')}>
        {t('backup.button')}
      </button>
    </div>
  );
}
