/**
 * The compact MAC-vendor index agrees with the oui-data package it is built from: every MA-L,
 * MA-M and MA-S prefix answers its organisation's name, prefixes that are not registered answer
 * null, and the file the build writes (scripts/oui-index.mjs) is what the adapter reads.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeOuiIndex, OuiIndex } from '../../../../main/adapters/network/oui-index.js';
import { OuiDataRegistry } from '../../../../main/adapters/network/oui-registry.js';
import { shortOrganisation, vendorOfMac } from '../../../../main/core/network/mac.js';
// @ts-expect-error: a plain .mjs build script without types
import { writeOuiIndex } from '../../../../scripts/oui-index.mjs';

const registry = createRequire(import.meta.url)('oui-data') as Record<string, string>;

describe('MAC vendor index', () => {
  const index = new OuiIndex(encodeOuiIndex(registry));

  it('keeps every MA-L, MA-M and MA-S prefix with its organisation', () => {
    const keys = Object.keys(registry);
    const counts = index.counts();
    expect(counts[6]).toBe(keys.filter((k) => k.length === 6).length);
    expect(counts[7]).toBe(keys.filter((k) => k.length === 7).length);
    expect(counts[9]).toBe(keys.filter((k) => k.length === 9).length);
    expect(counts[7]).toBeGreaterThan(1000);
    expect(counts[9]).toBeGreaterThan(1000);
    for (const k of keys) expect(index.organisation(k), k).toBe(shortOrganisation(registry[k]!));
  });

  it('answers null for prefixes that are not registered and for malformed ones', () => {
    const notRegistered = ['FFFFFF', '0000000', '000000000', 'FCA667F'].filter((k) => !(k in registry));
    expect(notRegistered.length).toBeGreaterThan(0);
    for (const k of notRegistered) expect(index.organisation(k)).toBeNull();
    for (const bad of ['', 'FCA6', 'FCA66700', 'ZZZZZZ', 'FCA6670000']) expect(index.organisation(bad)).toBeNull();
  });

  it('refuses a truncated or foreign file instead of answering from garbage', () => {
    const bytes = encodeOuiIndex({ FCA667: 'Amazon Technologies Inc.\nP.O Box 8102' });
    expect(() => new OuiIndex(bytes.slice(0, bytes.length - 1))).toThrow(/truncated/);
    expect(() => new OuiIndex(new Uint8Array(64))).toThrow(/unknown format/);
  });

  it('the file the build writes is the one the adapter reads, and it is smaller than the JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oui-index-'));
    try {
      const file = join(dir, 'oui-index.bin');
      const size = (await writeOuiIndex(file)) as number;
      expect(size).toBeLessThan(readFileSync(createRequire(import.meta.url).resolve('oui-data')).length / 2);
      const fromFile = new OuiDataRegistry(file);
      expect(vendorOfMac('fc:a6:67:00:00:01', fromFile)).toMatch(/^Amazon Technologies/);
      expect(vendorOfMac('00:1b:c5:00:00:01', fromFile)).toBe('Converging Systems Inc.');
      writeFileSync(file, 'not an index');
      expect(() => new OuiDataRegistry(file).organisation('FCA667')).toThrow(/unknown format|truncated/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
