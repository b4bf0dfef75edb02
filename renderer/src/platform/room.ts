/**
 * The workshop room through the desktop shell: in Electron the main process starts and stops the
 * room server; in a browser there is no such bridge and the facilitator connects to a server
 * started with `npm run room` (undefined here).
 */
import type { TouchmapBridge } from '@shared/ipc';
import { desktopBridge } from './files';

export type DesktopRoom = Pick<TouchmapBridge, 'roomAddresses' | 'openRoom' | 'closeRoom'>;

export function desktopRoom(): DesktopRoom | undefined {
  const bridge = desktopBridge();
  return bridge && typeof bridge.openRoom === 'function' ? bridge : undefined;
}
