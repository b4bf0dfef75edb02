/**
 * The main process: wires the pure modules of this folder to Electron and nothing more.
 *
 * - one instance (a second launch hands its files to this one and quits);
 * - the `app://` scheme registered before ready, served from dist/renderer with the CSP header;
 * - one secure window, its state restored, closed only after the quit handshake;
 * - guards on every web contents, permissions denied, every remote request cancelled;
 * - no network at all: no auto-updater, no crash reporter (neither is ever started);
 * - a `.touchmap` of every changed map in `<userData>/backups`, written atomically (backups.ts);
 * - `touchmap --export …`: a headless export instead of all of the above (cli-export.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from 'electron';
import { exportArgsFromArgv } from '../../shared/export-cli';
import { EVENT_CHANNELS, type AppInfo, type OpenedFile, type Platform } from '../../shared/ipc';
import { APP_SCHEME, appEntryUrl, clientRouteOf } from './app-origin';
import { BACKUPS_FOLDER_NAME, createBackupWriter } from './backups';
import { startCliExport, type ExportWindow } from './cli-export';
import { nodeBackupFs, nodeFs } from './electron-fs';
import { createFileOpenRouter, touchmapPathsFromArgv } from './file-open';
import { openTouchmapFileWithDialog, saveFileWithDialog, type FileDialogDeps } from './file-dialogs';
import { registerIpcHandlers } from './ipc-handlers';
import { matchLanguage } from '../../shared/i18n/languages';
import { applyMenuPatch, buildMenuTemplate, INITIAL_MENU_STATE, NATIVE_EDIT_COMMANDS, type MenuSend } from './menu';
import { createPrintDocuments, createPrintService, type PrintDocuments, type PrintWindow } from './print';
import { createAppProtocolHandler, registerAppScheme } from './protocol';
import { createQuitHandshake, quitWarningText, type QuitHandshake } from './quit';
import { openExternalSafely } from './security/external-url';
import { denyPermissions, guardWebContents } from './security/navigation';
import { blockRemoteRequests } from './security/network';
import { createRoomHost } from './room/room-host';
import { roomAddresses } from './room/room-addresses';
import { startRoomServer } from './room/room-server';
import { createSettingsStore } from './settings';
import { mainWindowOptions, printWindowOptions } from './window';
import { captureWindowState, restoreWindowState } from './window-state';

const RENDERER_DIR = path.join(__dirname, '..', 'renderer');
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
/** Windows groups the taskbar by this id; the same as electron-builder.yml appId. */
const APP_USER_MODEL_ID = 'app.touchmap.desktop';
/** A renderer that crashes again within this long after a reload is left down rather than reloaded in a loop. */
const RELOAD_AFTER_CRASH_MIN_MS = 10_000;

// --- before ready -------------------------------------------------------------------------------

// Tests (tests/electron) run each launch in its own profile; the single-instance lock is per profile.
if (process.env.TOUCHMAP_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.TOUCHMAP_USER_DATA_DIR));
registerAppScheme(protocol);
// Every renderer sandboxed, whatever a future window forgets to set.
app.enableSandbox();

function toPlatform(p: NodeJS.Platform): Platform {
  return p === 'darwin' || p === 'win32' || p === 'linux' ? p : 'other';
}

function warn(message: string, win: BrowserWindow | null): void {
  const options = { type: 'warning' as const, title: 'Touchmap', message: 'This file cannot be opened.', detail: message, buttons: ['OK'] };
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

/** The open workshop room's loopback socket (ws://127.0.0.1:port): the one address the guard lets through. */
let roomSocket: string | null = null;

/** The default session's guards and the app:// scheme: the same for the app and for `--export`. */
function secureDefaultSession(printDocuments: PrintDocuments): void {
  const ses = session.defaultSession;
  denyPermissions(ses);
  blockRemoteRequests(ses, () => roomSocket);
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ rootDir: RENDERER_DIR, readFile: (p) => fs.promises.readFile(p), printDocument: (id) => printDocuments.get(id) }),
  );
}

/** `touchmap --export …` (cli-export.ts): no main window, no single-instance lock, so it runs beside an open app. */
function exportFromCommandLine(args: readonly string[]): void {
  const printDocuments = createPrintDocuments();
  // The print window's options: hidden, sandboxed, no preload — the export page needs no bridge.
  const hiddenWindow = () => new BrowserWindow(printWindowOptions()) as unknown as PrintWindow & ExportWindow;
  const printService = createPrintService({ documents: printDocuments, createWindow: hiddenWindow });
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents);
  });
  void startCliExport(app, () => secureDefaultSession(printDocuments), {
    args,
    cwd: process.cwd(),
    createWindow: hiddenWindow,
    printToPDF: (job) => printService.toPDF(job),
    env: process.env,
    locale: () => app.getLocale(),
  });
}

function main(): void {
  const exportArgs = exportArgsFromArgv(process.argv);
  if (exportArgs) {
    exportFromCommandLine(exportArgs);
    return;
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  const settings = createSettingsStore(path.join(app.getPath('userData'), 'shell-settings.json'), fs);
  const printDocuments = createPrintDocuments();
  const backups = createBackupWriter({ fs: nodeBackupFs, folder: path.join(app.getPath('userData'), BACKUPS_FOLDER_NAME), now: () => new Date() });
  let menuState = INITIAL_MENU_STATE;
  let quitting = false;
  let current: { win: BrowserWindow; handshake: QuitHandshake } | null = null;

  const router = createFileOpenRouter({
    fs: nodeFs,
    deliver: (file: OpenedFile) => current?.win.webContents.send(EVENT_CHANNELS.openFile, file),
    warn: (message) => warn(message, current?.win ?? null),
  });

  const printService = createPrintService({
    documents: printDocuments,
    createWindow: () => new BrowserWindow(printWindowOptions()) as unknown as PrintWindow,
  });

  const dialogDeps = (): FileDialogDeps => {
    const win = current?.win;
    return {
      fs: nodeFs,
      settings,
      documentsDir: app.getPath('documents'),
      warn: (message) => warn(message, win ?? null),
      dialog: {
        showSaveDialog: (o) => (win ? dialog.showSaveDialog(win, o) : dialog.showSaveDialog(o)),
        showOpenDialog: (o) => (win ? dialog.showOpenDialog(win, o) : dialog.showOpenDialog(o)),
      },
    };
  };

  const menuSend: MenuSend = {
    operation(name) {
      if (!current) {
        // macOS with every window closed: any menu item brings the window back first.
        createMainWindow();
        return;
      }
      const native = NATIVE_EDIT_COMMANDS[name];
      if (native) current.win.webContents[native]();
      else current.win.webContents.send(EVENT_CHANNELS.menuOperation, name);
    },
    openRecentMap(mapId) {
      if (!current) createMainWindow();
      else current.win.webContents.send(EVENT_CHANNELS.openRecentMap, mapId);
    },
  };
  const rebuildMenu = () => Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, menuState, menuSend, !app.isPackaged)));

  function createMainWindow(): BrowserWindow {
    const state = restoreWindowState(
      settings.get().window,
      [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea),
    );
    const win = new BrowserWindow(mainWindowOptions({ preloadPath: PRELOAD_PATH, state, devTools: !app.isPackaged, dark: nativeTheme.shouldUseDarkColors }));
    const handshake = createQuitHandshake({
      ask(requestId) {
        if (win.isDestroyed() || win.webContents.isCrashed()) return false;
        win.webContents.send(EVENT_CHANNELS.beforeQuit, { requestId });
        return true;
      },
      async warn(problem) {
        const { message, detail } = quitWarningText(problem);
        const answer = await dialog.showMessageBox(win, { type: 'warning', title: 'Touchmap', message, detail, buttons: ['Keep Touchmap open', 'Close anyway'], defaultId: 0, cancelId: 0 });
        return answer.response === 1 ? 'close' : 'stay';
      },
      // The backups the renderer sent while flushing are on disk before the window goes.
      beforeClose: () => backups.flush(),
    });
    current = { win, handshake };

    let closeApproved = false;
    win.on('close', (event) => {
      if (closeApproved) return;
      // Not yet: the renderer first writes what it has not saved (quit.ts).
      event.preventDefault();
      void handshake.request().then((outcome) => {
        if (outcome === 'stay') {
          quitting = false;
          return;
        }
        closeApproved = true;
        settings.update((s) => ({ ...s, window: captureWindowState(win), lastRoute: clientRouteOf(win.webContents.getURL()) }));
        win.close();
      });
    });
    win.on('closed', () => {
      if (current?.win === win) current = null;
      router.markNotReady();
      // Preventing 'close' cancelled any quit in progress; resume it now the window is gone.
      if (quitting) app.quit();
    });
    win.webContents.on('did-navigate', () => router.markNotReady());
    let lastCrash = 0;
    win.webContents.on('render-process-gone', (_event, details) => {
      router.markNotReady();
      // Reload after a crash, but not in a loop: a page that crashes again at once stays down.
      const now = Date.now();
      if (details.reason !== 'clean-exit' && now - lastCrash > RELOAD_AFTER_CRASH_MIN_MS && !win.isDestroyed()) win.webContents.reload();
      lastCrash = now;
    });
    win.once('ready-to-show', () => {
      if (state.maximized) win.maximize();
      win.show();
    });
    void win.loadURL(appEntryUrl(settings.get().lastRoute));
    return win;
  }

  function focusMainWindow(): void {
    const win = current?.win ?? createMainWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  }

  // --- OS events that may come before ready ------------------------------------------------------
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    void router.open(filePath);
    if (app.isReady() && !current) createMainWindow();
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    focusMainWindow();
    for (const p of touchmapPathsFromArgv(argv, workingDirectory)) void router.open(p);
  });
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents);
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!current && app.isReady()) createMainWindow();
  });

  // The workshop room: started and stopped on the renderer's request, its state in <userData>/room.
  const room = createRoomHost({
    start: startRoomServer,
    addresses: () => roomAddresses(os.networkInterfaces()),
    dataDir: path.join(app.getPath('userData'), 'room'),
    staticDir: RENDERER_DIR,
    allowSocket: (origin) => {
      roomSocket = origin;
    },
  });
  app.on('will-quit', () => void room.close());

  void app.whenReady().then(() => {
    secureDefaultSession(printDocuments);

    // The OS's locale: the renderer's "Follow the system" language, and the menu's until the renderer says which it speaks.
    const appInfo: AppInfo = { name: 'Touchmap', version: app.getVersion(), platform: toPlatform(process.platform), locale: app.getLocale() };
    menuState = { ...menuState, locale: matchLanguage([app.getLocale()]) };
    registerIpcHandlers(ipcMain, {
      appInfo: () => appInfo,
      saveFile: (args) => saveFileWithDialog(dialogDeps(), args),
      openTouchmapFile: () => openTouchmapFileWithDialog(dialogDeps()),
      printToPDF: (job) => printService.toPDF(job),
      print: (job) => printService.print(job),
      setMenuState: (patch) => {
        menuState = applyMenuPatch(menuState, patch);
        rebuildMenu();
      },
      openFileReady: () => router.markReady(),
      confirmQuitReady: (answer) => current?.handshake.confirm(answer),
      backUpMap: (args) => backups.backUp(args.text),
      backupsFolder: () => backups.folder,
      openBackupsFolder: async () => {
        await nodeBackupFs.mkdir(backups.folder);
        const problem = await shell.openPath(backups.folder);
        if (problem) throw new Error(`The backups folder (${backups.folder}) could not be opened: ${problem}`);
      },
      // The renderer asks only after the user confirmed the full address; main still takes https only.
      openExternal: (url) => openExternalSafely(url, shell),
      roomAddresses: () => room.addresses(),
      openRoom: (args) => room.open(args),
      closeRoom: () => room.close(),
    });

    rebuildMenu();
    createMainWindow();
    for (const p of touchmapPathsFromArgv(process.argv.slice(1), process.cwd())) void router.open(p);
  });
}

main();
