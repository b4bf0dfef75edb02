/**
 * A fake of the `electron` module, just wide enough for electron/main/index.ts, so the wiring
 * test can load the real main process and play the OS, the user and the renderer against it.
 * The real `electron` package is never loaded (without its binary it would try to download it).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

type Listener = (...args: never[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args);
  }
}

/**
 * Bundles the real electron/main/index.ts into `<workDir>/electron/main.cjs`, with `electron`
 * resolved to whatever the test puts on `globalThis.__touchmapFakeElectron`, so a test can start
 * the whole main process against a fake. Returns the bundle's path.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

export async function bundleMainWithFakeElectron(workDir: string): Promise<string> {
  const bundle = path.join(workDir, 'electron', 'main.cjs');
  await build({
    entryPoints: [path.join(ROOT, 'electron/main/index.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
    plugins: [
      {
        name: 'fake-electron',
        setup(b) {
          b.onResolve({ filter: /^electron$/ }, () => ({ path: 'electron', namespace: 'fake' }));
          b.onLoad({ filter: /.*/, namespace: 'fake' }, () => ({ contents: 'module.exports = globalThis.__touchmapFakeElectron;', loader: 'js' }));
        },
      },
    ],
  });
  return bundle;
}

export function preventableEvent() {
  const event = { defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) };
  return event;
}

export class FakeWebContents extends Emitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: Array<[string, unknown]> = [];
  readonly editCommands: string[] = [];
  url = 'app://touchmap/index.html';
  getURL() {
    return this.url;
  }
  windowOpenHandler: ((d: { url: string }) => unknown) | undefined;
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  isCrashed() {
    return false;
  }
  reload() {}
  cut() {
    this.editCommands.push('cut');
  }
  copy() {
    this.editCommands.push('copy');
  }
  paste() {
    this.editCommands.push('paste');
  }
  setWindowOpenHandler(h: (d: { url: string }) => unknown) {
    this.windowOpenHandler = h;
  }
  async loadURL() {}
  async executeJavaScript() {
    return 0;
  }
  async printToPDF() {
    return Buffer.from('%PDF-1.7');
  }
  print(_o: unknown, cb: (ok: boolean, reason: string) => void) {
    cb(true, '');
  }
}

export function createFakeElectron() {
  const windows: FakeBrowserWindow[] = [];
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((r) => (resolveReady = r));

  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    destroyed = false;
    shown = false;
    loadedUrl = '';
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      fake.app.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
    }
    close() {
      const event = preventableEvent();
      this.emit('close', event);
      if (!event.defaultPrevented) {
        this.destroyed = true;
        this.emit('closed');
      }
    }
    destroy() {
      this.destroyed = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
    show() {
      this.shown = true;
    }
    maximize() {}
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    setTitle() {}
    getNormalBounds() {
      return { x: 40, y: 30, width: 1100, height: 700 };
    }
    isMaximized() {
      return false;
    }
  }

  const fake = {
    windows,
    fireReady: () => resolveReady(),
    app: Object.assign(new Emitter(), {
      isPackaged: false,
      quitCalls: 0,
      paths: new Map<string, string>(),
      setPath(name: string, value: string) {
        this.paths.set(name, value);
      },
      getPath(name: string) {
        return this.paths.get(name) ?? `/nonexistent/${name}`;
      },
      enableSandbox: () => void (fake.calls.enableSandbox = true),
      requestSingleInstanceLock: () => true,
      setAppUserModelId() {},
      getVersion: () => '0.1.0',
      getLocale: () => 'en-US',
      quit() {
        this.quitCalls++;
      },
      whenReady: () => ready,
      isReady: () => fake.calls.ready,
    }),
    calls: { enableSandbox: false, ready: false, privileged: [] as unknown[], handled: [] as string[], menus: [] as unknown[] },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.calls.privileged.push(...schemes),
      handle: (scheme: string, handler: (r: { url: string; method: string }) => Promise<Response>) => {
        fake.calls.handled.push(scheme);
        fake.protocolHandler = handler;
      },
    },
    protocolHandler: undefined as undefined | ((r: { url: string; method: string }) => Promise<Response>),
    session: {
      defaultSession: {
        permissionRequest: undefined as unknown,
        onBeforeRequest: undefined as unknown,
        setPermissionRequestHandler(h: unknown) {
          this.permissionRequest = h;
        },
        setPermissionCheckHandler() {},
        setDevicePermissionHandler() {},
        webRequest: {
          onBeforeRequest: (l: unknown) => void (fake.session.defaultSession.onBeforeRequest = l),
        },
      },
    },
    ipcMain: {
      handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
      handle(channel: string, h: (event: unknown, ...args: unknown[]) => Promise<unknown>) {
        this.handlers.set(channel, h);
      },
    },
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (m: unknown) => void fake.calls.menus.push(m),
    },
    nativeTheme: { shouldUseDarkColors: false },
    screen: {
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    dialog: {
      messages: [] as unknown[],
      async showMessageBox(...args: unknown[]) {
        this.messages.push(args.at(-1));
        return { response: 0 };
      },
      showSaveDialog: async () => ({ canceled: true }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    },
    shell: {
      opened: [] as string[],
      openedPaths: [] as string[],
      openExternal: async (url: string) => void fake.shell.opened.push(url),
      openPath: async (folder: string) => (fake.shell.openedPaths.push(folder), ''),
    },
    BrowserWindow: FakeBrowserWindow,
  };
  return fake;
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
