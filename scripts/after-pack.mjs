// electron-builder afterPack hook (electron-builder.yml `afterPack`). Runs once per platform/arch
// after the app is laid out and before it is signed and wrapped into an installer:
//   1. fails the build loudly unless keytar's native module sits in app.asar.unpacked and was
//      built for the platform and architecture being packaged (N-API: no Electron-ABI rebuild is
//      needed, but a Linux .node inside a Windows package would still be wrong);
//   2. flips the Electron fuses with @electron/fuses, then reads them back and fails on any mismatch.
import { existsSync, openSync, readSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, FuseState, flipFuses, getCurrentFuseWire } from '@electron/fuses';

/** The fuse settings every Porchlight package ships with (docs/security-checklist.md, item 19). */
export const FUSES = Object.freeze({
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // Porchlight serves itself from app://, never file://.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  [FuseV1Options.WasmTrapHandlers]: true,
});

/** Where keytar's native module must be, relative to the package's resources directory. */
export const KEYTAR_NODE = join('app.asar.unpacked', 'node_modules', 'keytar', 'build', 'Release', 'keytar.node');

/** electron-builder's Arch enum values, by name. */
const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

/** The resources directory of a packaged app. */
export function resourcesDirOf(context) {
  if (context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas') {
    return join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources');
  }
  return join(context.appOutDir, 'resources');
}

/** The file @electron/fuses patches: the .app bundle on macOS, the executable elsewhere. */
export function electronBinaryOf(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`);
    case 'win32':
      return join(context.appOutDir, `${name}.exe`);
    default:
      return join(context.appOutDir, context.packager.executableName ?? name.toLowerCase());
  }
}

/** Reads the platform and architecture a native binary was built for, from its header. */
export function nativeTargetOf(file) {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(4096);
  let n;
  try {
    n = readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  const b = buf.subarray(0, n);
  if (b.length >= 20 && b.readUInt32BE(0) === 0x7f454c46) {
    const little = b[5] === 1;
    const machine = little ? b.readUInt16LE(18) : b.readUInt16BE(18);
    return { platform: 'linux', arch: { 0x3e: 'x64', 0xb7: 'arm64', 0x28: 'armv7l', 0x03: 'ia32' }[machine] ?? `machine-0x${machine.toString(16)}` };
  }
  if (b.length >= 8 && [0xfeedfacf, 0xcffaedfe, 0xfeedface, 0xcefaedfe].includes(b.readUInt32BE(0))) {
    const cpu = b.readUInt32BE(0) === 0xcffaedfe || b.readUInt32BE(0) === 0xcefaedfe ? b.readUInt32LE(4) : b.readUInt32BE(4);
    return { platform: 'darwin', arch: { 0x01000007: 'x64', 0x0100000c: 'arm64' }[cpu] ?? `cpu-0x${cpu.toString(16)}` };
  }
  if (b.length >= 8 && b.readUInt32BE(0) === 0xcafebabe) return { platform: 'darwin', arch: 'universal' };
  if (b.length >= 64 && b[0] === 0x4d && b[1] === 0x5a) {
    const pe = b.readUInt32LE(0x3c);
    if (pe + 6 <= b.length && b.readUInt32BE(pe) === 0x50450000) {
      const machine = b.readUInt16LE(pe + 4);
      return { platform: 'win32', arch: { 0x8664: 'x64', 0xaa64: 'arm64', 0x014c: 'ia32' }[machine] ?? `machine-0x${machine.toString(16)}` };
    }
    return { platform: 'win32', arch: 'unknown' };
  }
  return { platform: 'unknown', arch: 'unknown' };
}

/** Throws unless keytar.node is unpacked in `resourcesDir` and built for `platform`/`arch`; returns its path. */
export function assertKeytarUnpacked(resourcesDir, platform, arch) {
  const file = join(resourcesDir, KEYTAR_NODE);
  if (!existsSync(file)) {
    throw new Error(
      `afterPack: keytar's native module is missing from the package: ${file}\n` +
        'Porchlight cannot reach the OS keychain without it. Check electron-builder.yml `asarUnpack` and that ' +
        '`npm ci` built or downloaded keytar (node_modules/keytar/build/Release/keytar.node).',
    );
  }
  const target = nativeTargetOf(file);
  const wantPlatform = platform === 'mas' ? 'darwin' : platform;
  const archOk = !arch || arch === 'universal' || target.arch === 'universal' || target.arch === arch;
  if (target.platform !== wantPlatform || !archOk) {
    throw new Error(
      `afterPack: keytar.node was built for ${target.platform}/${target.arch} but this package is ${wantPlatform}/${arch}: ${file}\n` +
        'Build each platform on its own OS (keytar is N-API, so no Electron rebuild is needed, but the binary is per OS/CPU).',
    );
  }
  return file;
}

/** Flips the fuses, then reads them back; throws if any fuse differs from FUSES. */
export async function applyFuses(binary, { resetAdHocDarwinSignature = false } = {}) {
  await flipFuses(binary, { version: FuseVersion.V1, resetAdHocDarwinSignature, ...FUSES });
  const wire = await getCurrentFuseWire(binary);
  const wrong = Object.entries(FUSES).filter(([option, on]) => wire[option] !== (on ? FuseState.ENABLE : FuseState.DISABLE));
  if (wrong.length) throw new Error(`afterPack: fuses not applied to ${binary}: ${wrong.map(([o]) => FuseV1Options[o]).join(', ')}`);
  return wire;
}

/** The hook electron-builder calls. */
export async function afterPack(context) {
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const keytar = assertKeytarUnpacked(resourcesDirOf(context), context.electronPlatformName, arch);
  const binary = electronBinaryOf(context);
  await applyFuses(binary, { resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && arch === 'arm64' });
  console.log(`  • afterPack: keytar.node present (${keytar}); fuses applied to ${binary}`);
}

export default afterPack;
