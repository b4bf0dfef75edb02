/**
 * The desktop shell's side of the operations: native menu items run the same named operations
 * as keys and buttons; menu items are enabled only when their operation can act; files from the
 * OS are imported as new maps; every autosaved map is backed up to the shell's backups folder
 * when editing pauses; quitting waits for pending saves and backups. In a plain browser there is
 * no bridge and nothing here runs.
 */
import { MENU_OPERATIONS, type MenuOperation, type TouchmapBridge } from '@shared/ipc';
import { desktopBridge } from '../platform/files';
import { createBackupScheduler } from '../platform/backups';
import { flushPendingSaves, library, openAppDatabase, watchTrashMoves, watchWrites } from '../db/library';
import { useDocumentStore } from '../store/document-store';
import { useUiStore } from '../store/ui-store';
import { importOpenedFile } from '../features/import';
import { canRun, runOperation } from './operations';
import { navigate } from '../store/route';
import { i18n } from '../i18n';
import { isUiLanguage } from '@shared/i18n/languages';
import { setShellLocale } from './language';

/** Which menu items can act now: the registry's own `enabled` for each. */
export function menuEnabledState(): Record<MenuOperation, boolean> {
  const state = {} as Record<MenuOperation, boolean>;
  for (const name of MENU_OPERATIONS) state[name] = canRun(name);
  return state;
}

/** Connects the bridge; returns a function that disconnects it (tests, hot reload). */
export function startDesktopIntegration(bridge: TouchmapBridge | undefined = desktopBridge()): () => void {
  if (!bridge) return () => undefined;
  const offs: (() => void)[] = [];

  offs.push(
    bridge.onMenuOperation((name) => {
      runOperation(name);
    }),
  );
  offs.push(bridge.onOpenRecentMap((mapId) => navigate({ screen: 'editor', mapId })));
  offs.push(
    bridge.onOpenFile((file) => {
      void importOpenedFile(file);
    }),
  );
  const backups = createBackupScheduler({
    backUp: (text) => bridge.backUpMap({ text }),
    loadDoc: async (mapId) => (await library().loadMap(mapId))?.doc ?? null,
    onError: (mapId, error) => console.error(`Touchmap: the automatic backup of map ${mapId} failed; it is tried again later.`, error),
  });
  offs.push(watchWrites((report) => backups.changed(report.mapId)));
  // A map moved to Trash is backed up at once, as stored: its rows stay in the database until the
  // purge, and the backups folder then holds it too, so Trash is never the only copy.
  offs.push(
    watchTrashMoves((mapId) => {
      backups.changed(mapId);
      void backups.flush();
    }),
  );
  offs.push(() => backups.stop());
  offs.push(
    bridge.onBeforeQuit(() => {
      // Saves first, so the backup holds the last edit; a failed backup does not hold up the quit.
      void flushPendingSaves()
        .then(() => backups.flush())
        .then(
          () => bridge.confirmQuitReady({ ok: true }),
          (error: Error) => bridge.confirmQuitReady({ ok: false, error: error.message }),
        );
    }),
  );

  // Menu state follows the document and the selection; one patch per burst of changes.
  let last = '';
  let queued = false;
  const pushMenuState = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      const enabled = menuEnabledState();
      const key = JSON.stringify(enabled);
      if (key === last) return;
      last = key;
      void bridge.setMenuState({ enabled });
    });
  };
  offs.push(useDocumentStore.subscribe(pushMenuState));
  offs.push(useDocumentStore.temporal.subscribe(pushMenuState));
  offs.push(useUiStore.subscribe(pushMenuState));
  window.addEventListener('hashchange', pushMenuState);
  offs.push(() => window.removeEventListener('hashchange', pushMenuState));
  pushMenuState();

  // Recent maps: the newest maps of the library, refreshed whenever the screen changes.
  const pushRecent = () => {
    // after the open check: a database this app cannot read is never opened through Dexie
    void openAppDatabase()
      .then((outcome) => (outcome.ok ? library().listMaps() : []))
      .then((maps) => bridge.setMenuState({ recentMaps: maps.slice(0, 10).map((m) => ({ id: m.id, title: m.title })) }))
      .catch(() => undefined);
  };
  window.addEventListener('hashchange', pushRecent);
  offs.push(() => window.removeEventListener('hashchange', pushRecent));
  pushRecent();

  // The menu speaks the UI language; under "Follow the system" that is the OS's locale.
  const pushLocale = (language: string) => {
    if (isUiLanguage(language)) void bridge.setMenuState({ locale: language });
  };
  i18n.on('languageChanged', pushLocale);
  offs.push(() => i18n.off('languageChanged', pushLocale));
  void bridge
    .getAppInfo()
    .then((info) => {
      if (info.locale) setShellLocale(info.locale);
      pushLocale(i18n.language);
    })
    .catch(() => undefined);

  return () => offs.forEach((off) => off());
}
