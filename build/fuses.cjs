// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before
// signing (electron-builder signs after afterPack, so the signature covers the flipped fuses).
//
// Fuses are switches compiled into the Electron binary; flipping them off removes whole ways
// to make the signed app run someone else's code:
//   RunAsNode off            ELECTRON_RUN_AS_NODE=1 would turn Touchmap into a plain Node.js
//   NODE_OPTIONS off         --require of an arbitrary script through the environment
//   inspect arguments off    --inspect / --inspect-brk would open a debugger port
//   cookie encryption on     cookies at rest encrypted with the OS keychain
//   only load app from asar  no loose app/ folder beside the archive is ever loaded
//   asar integrity on        the archive's hash is checked at start (macOS and Windows only:
//                            Electron validates it there; electron-builder embeds the hash)
//   file:// extra privileges off  the app is served from app://, file:// needs no powers
'use strict';

/** Platforms where Electron validates the embedded ASAR integrity hash. */
const ASAR_INTEGRITY_PLATFORMS = new Set(['darwin', 'mas', 'win32']);

/**
 * The fuse settings for a platform, by the names of @electron/fuses' FuseV1Options.
 * Pure, so the unit test reads it without @electron/fuses or a binary.
 * @param {string} platformName electron-builder's electronPlatformName: darwin | mas | win32 | linux
 */
function fuseSettings(platformName) {
  return {
    RunAsNode: false,
    EnableCookieEncryption: true,
    EnableNodeOptionsEnvironmentVariable: false,
    EnableNodeCliInspectArguments: false,
    EnableEmbeddedAsarIntegrityValidation: ASAR_INTEGRITY_PLATFORMS.has(platformName),
    OnlyLoadAppFromAsar: true,
    GrantFileProtocolExtraPrivileges: false,
  };
}

/** Turns named settings into the config object @electron/fuses' flipFuses takes. */
function fuseConfig(platformName, fuses) {
  const { FuseVersion, FuseV1Options } = fuses;
  const config = {
    version: FuseVersion.V1,
    // Apple Silicon refuses to run a binary whose ad-hoc signature no longer matches; re-sign ad hoc
    // (a real signature, when configured, is applied after this hook anyway).
    resetAdHocDarwinSignature: platformName === 'darwin' || platformName === 'mas',
  };
  for (const [name, value] of Object.entries(fuseSettings(platformName))) {
    if (!(name in FuseV1Options)) throw new Error(`@electron/fuses has no fuse named ${name}: update build/fuses.cjs for this Electron version.`);
    config[FuseV1Options[name]] = value;
  }
  return config;
}

/** @param {import('app-builder-lib').AfterPackContext} context */
async function afterPack(context) {
  let fuses;
  try {
    fuses = require('@electron/fuses');
  } catch {
    throw new Error('build/fuses.cjs needs @electron/fuses (it comes with electron-builder): run `npm install` and package again.');
  }
  // electron-builder knows the packaged executable's name and extension for each platform.
  await context.packager.addElectronFuses(context, fuseConfig(context.electronPlatformName, fuses));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.fuseSettings = fuseSettings;
module.exports.fuseConfig = fuseConfig;
