/**
 * The packaging configuration, checked without packaging: the Electron binary cannot be
 * downloaded here, so `npm run dist` cannot run, but everything it would read can be validated.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BUILD = path.join(ROOT, 'build');
const fromRoot = (p: string) => path.join(ROOT, p);

/** js-yaml ships with electron-builder; read through require so no types are needed. */
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  files: string[];
  directories: { buildResources: string; output: string };
  afterPack: string;
  publish: unknown;
  fileAssociations: Array<{ ext: string | string[]; name: string; mimeType?: string; role: string; icon?: string; rank?: string }>;
  mac: { target: string[]; icon: string; entitlements: string; hardenedRuntime: boolean };
  win: { target: string[]; icon: string };
  linux: { target: string[]; icon: string; mimeTypes: string[]; maintainer: string };
  nsis: { installerIcon: string };
}

const config = yaml.load(readFileSync(fromRoot('electron-builder.yml'), 'utf8')) as BuilderConfig;

// --- image headers ------------------------------------------------------------------------------

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  expect(bytes.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every image in an .ico: its directory size and the size of the image data itself. */
function icoImages(bytes: Buffer): Array<{ size: number; actual: number }> {
  expect(bytes.readUInt16LE(0)).toBe(0);
  expect(bytes.readUInt16LE(2)).toBe(1);
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const e = 6 + i * 16;
    const size = bytes[e] || 256;
    const data = bytes.subarray(bytes.readUInt32LE(e + 12), bytes.readUInt32LE(e + 12) + bytes.readUInt32LE(e + 8));
    const actual = data.subarray(0, 8).equals(PNG_SIGNATURE) ? pngSize(data).width : data.readInt32LE(4);
    return { size, actual };
  });
}

/** Every entry of an .icns: its type and the pixel size of its PNG. */
function icnsImages(bytes: Buffer): Map<string, number> {
  expect(bytes.toString('ascii', 0, 4)).toBe('icns');
  expect(bytes.readUInt32BE(4)).toBe(bytes.length);
  const entries = new Map<string, number>();
  for (let offset = 8; offset < bytes.length; ) {
    const type = bytes.toString('ascii', offset, offset + 4);
    const length = bytes.readUInt32BE(offset + 4);
    entries.set(type, pngSize(bytes.subarray(offset + 8, offset + length)).width);
    offset += length;
  }
  return entries;
}

/** What each platform needs: Linux icon folder sizes, Windows .ico sizes, macOS .icns slots. */
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
const WINDOWS_SIZES = [16, 24, 32, 48, 256];
const MAC_SLOTS: Record<string, number> = { icp4: 16, icp5: 32, ic11: 32, icp6: 64, ic12: 64, ic07: 128, ic08: 256, ic13: 256, ic09: 512, ic14: 512, ic10: 1024 };

describe('electron-builder configuration', () => {
  it('names the app and packs it into an ASAR', () => {
    expect(config.appId).toBe('app.touchmap.desktop');
    expect(config.productName).toBe('Touchmap');
    expect(config.asar).toBe(true);
    expect(config.directories.buildResources).toBe('build');
  });

  it('packs the built app and its entry point, no source maps, no node_modules', () => {
    const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', '!dist/**/*.map', '!node_modules/**/*']));
  });

  it('targets AppImage and deb, an NSIS installer and a dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('never publishes or checks for updates (no network)', () => {
    expect(config.publish).toBeNull();
  });

  it('flips the fuses after packing, with a hook that exists', () => {
    expect(config.afterPack).toBe('build/fuses.cjs');
    expect(existsSync(fromRoot(config.afterPack))).toBe(true);
  });

  it('registers .touchmap with its own document icon for macOS and Windows', () => {
    expect(config.fileAssociations[0]).toEqual(expect.objectContaining({ ext: 'touchmap', name: 'Touchmap map', mimeType: 'application/x-touchmap', role: 'Editor', icon: 'document-icon' }));
    // The other tools' files are offered in "Open with", never taken over.
    expect(config.fileAssociations.slice(1).flatMap((a) => a.ext)).toEqual(['xmind', 'mm', 'opml', 'csv', 'tsv', 'xlsx', 'md']);
    for (const other of config.fileAssociations.slice(1)) expect(other).toMatchObject({ role: 'Viewer', rank: 'Alternate' });
    expect(existsSync(path.join(BUILD, 'document-icon.icns'))).toBe(true);
    expect(existsSync(path.join(BUILD, 'document-icon.ico'))).toBe(true);
    expect(config.linux.mimeTypes).toContain('application/x-touchmap');
  });

  it('points each platform at an icon that exists', () => {
    for (const icon of [config.mac.icon, config.win.icon, config.nsis.installerIcon, config.linux.icon, config.mac.entitlements]) {
      expect(existsSync(fromRoot(icon)), icon).toBe(true);
    }
    expect(config.mac.hardenedRuntime).toBe(true);
  });

  it('passes electron-builder’s own schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(structuredClone(config), { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
  }, 30_000);
});

describe('icons generated from build/icon.svg', () => {
  it('keeps the SVG sources', () => {
    for (const svg of ['icon.svg', 'document-icon.svg']) expect(readFileSync(path.join(BUILD, svg), 'utf8')).toContain('<svg');
  });

  it('has a Linux PNG at every size, each really that size', () => {
    for (const size of LINUX_SIZES) {
      const file = path.join(BUILD, 'icons', `${size}x${size}.png`);
      expect(pngSize(readFileSync(file)), file).toEqual({ width: size, height: size });
    }
    expect(pngSize(readFileSync(path.join(BUILD, 'icon.png')))).toEqual({ width: 1024, height: 1024 });
  });

  it.each(['icon.ico', 'document-icon.ico'])('%s holds the sizes Windows needs, 256 included', (file) => {
    const images = icoImages(readFileSync(path.join(BUILD, file)));
    for (const size of WINDOWS_SIZES) expect(images.find((i) => i.size === size), `${file} ${size}`).toBeDefined();
    for (const image of images) expect(image.actual).toBe(image.size);
  });

  it.each(['icon.icns', 'document-icon.icns'])('%s holds every macOS slot up to 1024 (512@2x)', (file) => {
    const entries = icnsImages(readFileSync(path.join(BUILD, file)));
    for (const [type, size] of Object.entries(MAC_SLOTS)) expect(entries.get(type), `${file} ${type}`).toBe(size);
  });
});

describe('fuses (build/fuses.cjs)', () => {
  const hook = require(path.join(BUILD, 'fuses.cjs')) as {
    (context: unknown): Promise<void>;
    fuseSettings(platform: string): Record<string, boolean>;
    fuseConfig(platform: string, fuses: unknown): Record<string | number, unknown>;
  };
  const fuses = require('@electron/fuses') as { FuseVersion: { V1: string }; FuseV1Options: Record<string, number> };

  it('turns off RunAsNode, NODE_OPTIONS and inspect arguments, turns on cookie encryption and app-from-asar-only', () => {
    for (const platform of ['linux', 'win32', 'darwin']) {
      expect(hook.fuseSettings(platform)).toMatchObject({
        RunAsNode: false,
        EnableNodeOptionsEnvironmentVariable: false,
        EnableNodeCliInspectArguments: false,
        EnableCookieEncryption: true,
        OnlyLoadAppFromAsar: true,
        GrantFileProtocolExtraPrivileges: false,
      });
    }
  });

  it('checks ASAR integrity where Electron supports it (macOS, Windows), not on Linux', () => {
    expect(hook.fuseSettings('darwin').EnableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(hook.fuseSettings('win32').EnableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(hook.fuseSettings('linux').EnableEmbeddedAsarIntegrityValidation).toBe(false);
  });

  it('names only fuses this Electron’s @electron/fuses knows', () => {
    const config = hook.fuseConfig('win32', fuses);
    expect(config.version).toBe(fuses.FuseVersion.V1);
    expect(config[fuses.FuseV1Options.RunAsNode as number]).toBe(false);
    expect(config[fuses.FuseV1Options.EnableEmbeddedAsarIntegrityValidation as number]).toBe(true);
  });

  it('asks electron-builder to flip them on the packaged binary', async () => {
    const addElectronFuses = vi.fn(async () => {});
    const context = { electronPlatformName: 'linux', packager: { addElectronFuses } };
    await hook(context);
    expect(addElectronFuses).toHaveBeenCalledWith(context, expect.objectContaining({ version: fuses.FuseVersion.V1 }));
  });
});
