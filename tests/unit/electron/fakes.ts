/**
 * Small fakes of the Electron objects the main-process modules take as parameters. Electron
 * itself is never imported by a unit test: without its binary, `require('electron')` would
 * try to download it.
 */
import type { IpcMainLike, InvokeHandler } from '../../../electron/main/ipc-handlers';
import type { SenderEventLike } from '../../../electron/main/security/trusted-sender';

/** A WebFrameMain-like sender: the app's top frame unless told otherwise. */
export function senderEvent(url = 'app://touchmap/index.html', options: { subframe?: boolean } = {}): SenderEventLike {
  return { senderFrame: { url, parent: options.subframe ? { url: 'app://touchmap/index.html' } : null } };
}

/** ipcMain with `invoke(channel, event, ...args)` to call what was registered. */
export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, listener: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  invoke(channel: string, event: SenderEventLike, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  }
}

/** A preventable event as Electron passes to will-navigate and friends. */
export function preventable(): { preventDefault(): void; readonly prevented: boolean } {
  let prevented = false;
  return {
    preventDefault: () => {
      prevented = true;
    },
    get prevented() {
      return prevented;
    },
  };
}

type AnyListener = (...args: never[]) => unknown;

/** A WebContents that records its listeners and window-open handler. */
export class FakeWebContents {
  readonly listeners = new Map<string, AnyListener[]>();
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  on(event: string, listener: AnyListener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }
}

/** A print job that passes validation: an A4 landscape page with 0.4 in margins. */
export const A4_LANDSCAPE_JOB = {
  html: '<!doctype html><svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><text x="10" y="20">Clinic</text></svg>',
  pageSize: { widthInches: 11.69, heightInches: 8.27 },
  margins: { top: 0.4, right: 0.4, bottom: 0.4, left: 0.4 },
};
