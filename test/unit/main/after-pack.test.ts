import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseV1Options, FuseState, getCurrentFuseWire } from '@electron/fuses';
import {
  FUSES,
  KEYTAR_NODE,
  afterPack,
  applyFuses,
  assertKeytarUnpacked,
  electronBinaryOf,
  nativeTargetOf,
  resourcesDirOf,
  type PackContextLike,
} from '../../../scripts/after-pack.mjs';
import { tempDir } from '../../support/fakes.js';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const REAL_KEYTAR = join(process.cwd(), 'node_modules', 'keytar', 'build', 'Release', 'keytar.node');

/**
 * A stand-in Electron executable: filler bytes around the fuse wire exactly as Electron lays it
 * out (sentinel, version 1, wire length, one byte per fuse), with Electron's defaults. The real
 * @electron/fuses code patches it; no Electron binary can be downloaded here.
 */
function fakeElectronBinary(file: string, wire = '101101001') {
  writeFileSync(file, Buffer.concat([Buffer.alloc(5000, 0x90), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), Buffer.from(wire), Buffer.alloc(3000, 0x90)]));
}

function linuxContext(appOutDir: string): PackContextLike {
  return { appOutDir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'Porchlight' }, executableName: 'porchlight' } };
}

describe('fuses', () => {
  it('are the reviewed settings', () => {
    expect(FUSES).toEqual({
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      [FuseV1Options.WasmTrapHandlers]: true,
    });
  });

  it('applyFuses flips the wire with @electron/fuses and verifies it by reading it back', async () => {
    const bin = join(tempDir(), 'porchlight');
    fakeElectronBinary(bin);
    const before = await getCurrentFuseWire(bin);
    expect(before[FuseV1Options.RunAsNode]).toBe(FuseState.ENABLE);
    await applyFuses(bin);
    const after = await getCurrentFuseWire(bin);
    for (const [option, on] of Object.entries(FUSES)) expect(after[option as unknown as FuseV1Options], FuseV1Options[Number(option)]).toBe(on ? FuseState.ENABLE : FuseState.DISABLE);
    const bytes = readFileSync(bin);
    const at = bytes.indexOf(SENTINEL) + SENTINEL.length + 2;
    expect(bytes.subarray(at, at + 9).toString()).toBe('010011001');
  });

  it('applyFuses fails on a binary without a fuse wire', async () => {
    const bin = join(tempDir(), 'not-electron');
    writeFileSync(bin, Buffer.alloc(1000, 1));
    await expect(applyFuses(bin)).rejects.toThrow(/sentinel/);
  });

  it('applyFuses fails when the binary’s wire is too short for a fuse we set', async () => {
    const bin = join(tempDir(), 'old-electron');
    fakeElectronBinary(bin, '1011');
    await expect(applyFuses(bin)).rejects.toThrow(/not long enough/);
  });
});

describe('keytar.node in app.asar.unpacked', () => {
  it('nativeTargetOf reads ELF, PE and Mach-O headers', () => {
    const dir = tempDir();
    expect(nativeTargetOf(REAL_KEYTAR)).toEqual({ platform: process.platform === 'linux' ? 'linux' : expect.any(String), arch: expect.any(String) });
    const pe = Buffer.alloc(256);
    pe.write('MZ', 0);
    pe.writeUInt32LE(0x80, 0x3c);
    pe.writeUInt32BE(0x50450000, 0x80);
    pe.writeUInt16LE(0x8664, 0x84);
    writeFileSync(join(dir, 'a.node'), pe);
    expect(nativeTargetOf(join(dir, 'a.node'))).toEqual({ platform: 'win32', arch: 'x64' });
    const macho = Buffer.alloc(64);
    macho.writeUInt32BE(0xcffaedfe, 0);
    macho.writeUInt32LE(0x0100000c, 4);
    writeFileSync(join(dir, 'b.node'), macho);
    expect(nativeTargetOf(join(dir, 'b.node'))).toEqual({ platform: 'darwin', arch: 'arm64' });
    writeFileSync(join(dir, 'c.node'), 'garbage');
    expect(nativeTargetOf(join(dir, 'c.node'))).toEqual({ platform: 'unknown', arch: 'unknown' });
  });

  it('fails loudly when the .node file is missing', () => {
    expect(() => assertKeytarUnpacked(tempDir(), 'linux', 'x64')).toThrow(/keytar's native module is missing from the package/);
  });

  it.runIf(process.platform === 'linux' && process.arch === 'x64')('accepts this machine’s keytar.node for linux/x64 and refuses it for another OS or CPU', () => {
    const res = tempDir();
    mkdirSync(join(res, KEYTAR_NODE, '..'), { recursive: true });
    copyFileSync(REAL_KEYTAR, join(res, KEYTAR_NODE));
    expect(assertKeytarUnpacked(res, 'linux', 'x64')).toBe(join(res, KEYTAR_NODE));
    expect(() => assertKeytarUnpacked(res, 'win32', 'x64')).toThrow(/built for linux\/x64 but this package is win32\/x64/);
    expect(() => assertKeytarUnpacked(res, 'darwin', 'arm64')).toThrow(/built for linux\/x64/);
    expect(() => assertKeytarUnpacked(res, 'linux', 'arm64')).toThrow(/linux\/arm64/);
  });
});

describe('afterPack hook', () => {
  it('finds the resources folder and binary of each platform', () => {
    const ctx = (electronPlatformName: string) => ({ ...linuxContext('/out'), electronPlatformName });
    expect(resourcesDirOf(ctx('linux'))).toBe(join('/out', 'resources'));
    expect(resourcesDirOf(ctx('win32'))).toBe(join('/out', 'resources'));
    expect(resourcesDirOf(ctx('darwin'))).toBe(join('/out', 'Porchlight.app', 'Contents', 'Resources'));
    expect(electronBinaryOf(ctx('linux'))).toBe(join('/out', 'porchlight'));
    expect(electronBinaryOf(ctx('win32'))).toBe(join('/out', 'Porchlight.exe'));
    expect(electronBinaryOf(ctx('darwin'))).toBe(join('/out', 'Porchlight.app'));
  });

  it.runIf(process.platform === 'linux' && process.arch === 'x64')('on a complete linux layout: checks keytar and flips the fuses', async () => {
    const out = tempDir();
    fakeElectronBinary(join(out, 'porchlight'));
    mkdirSync(join(out, 'resources', KEYTAR_NODE, '..'), { recursive: true });
    copyFileSync(REAL_KEYTAR, join(out, 'resources', KEYTAR_NODE));
    await afterPack(linuxContext(out));
    expect((await getCurrentFuseWire(join(out, 'porchlight')))[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
  });

  it('without keytar.node: fails the build and leaves the binary untouched', async () => {
    const out = tempDir();
    fakeElectronBinary(join(out, 'porchlight'));
    const before = readFileSync(join(out, 'porchlight'));
    await expect(afterPack(linuxContext(out))).rejects.toThrow(/keytar's native module is missing/);
    expect(readFileSync(join(out, 'porchlight')).equals(before)).toBe(true);
  });
});
