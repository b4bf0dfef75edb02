/**
 * The preload: exposes the bridge (bridge.ts) as `window.touchmap` through contextBridge, and
 * nothing else. It runs sandboxed, so esbuild bundles it into one CommonJS file whose only
 * require is 'electron' (scripts/build-electron.mjs).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../../shared/ipc';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge(ipcRenderer));
