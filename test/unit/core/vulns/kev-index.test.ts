import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KevCatalogSchema, KEV_SNAPSHOT_FILE, VENDOR_TABLE_FILE, KevMatcher, loadKevData, parseKevFile } from '../../../../main/core/vulns/index.js';
import { decodeKevIndex, encodeKevIndex, fileFingerprint, readKevIndex } from '../../../../main/core/vulns/kev-index.js';

const resources = join(import.meta.dirname, '../../../../resources');
const snapshotPath = join(resources, KEV_SNAPSHOT_FILE);
const full = parseKevFile(snapshotPath, KevCatalogSchema);
const index = encodeKevIndex(full, fileFingerprint(snapshotPath));

describe('the compact KEV index', () => {
  it('gives back every entry of the snapshot, field for field, except the CWE list', () => {
    const { catalog } = decodeKevIndex(JSON.stringify(index), 'index');
    expect(catalog.catalogVersion).toBe(full.catalogVersion);
    expect(catalog.count).toBe(full.count);
    expect(catalog.vulnerabilities).toEqual(full.vulnerabilities.map(({ cwes: _cwes, ...e }) => e));
    expect(JSON.stringify(index).length).toBeLessThan(readFileSync(snapshotPath).length * 0.6);
  });

  it('matches exactly as the snapshot does', () => {
    const { table } = loadKevData(resources, '/nonexistent/kev-index.json');
    const fromIndex = new KevMatcher(decodeKevIndex(JSON.stringify(index), 'index').catalog, table);
    const fromSnapshot = new KevMatcher(full, table);
    for (const [vendor, model] of [['D-Link Systems, Inc.', 'DIR-645'], ['NETGEAR', 'WNR2000v5'], ['Zyxel', 'NAS326'], ['Hikvision', 'DS-2CD2032-I']] as const) {
      const a = fromIndex.match({ vendor, model, firmware: '1.0' });
      expect(a).toEqual(fromSnapshot.match({ vendor, model, firmware: '1.0' }));
    }
    expect(fromIndex.match({ vendor: 'D-Link Systems, Inc.', model: 'DIR-645', firmware: null }).matches.map((m) => m.cve)).toContain('CVE-2015-2051');
  });

  it('a truncated or altered index is refused with the failing field', () => {
    expect(() => decodeKevIndex(JSON.stringify({ ...index, product: index.product.slice(1) }), 'idx')).toThrow(/idx is invalid at count: a column does not have one value/);
    expect(() => decodeKevIndex(JSON.stringify({ ...index, vendor: [index.strings.length, ...index.vendor.slice(1)] }), 'idx')).toThrow(/outside the string table/);
    expect(() => decodeKevIndex(JSON.stringify({ ...index, cve: ['CVE-x', ...index.cve.slice(1)] }), 'idx')).toThrow(/idx is invalid at cve\.0/);
    expect(() => decodeKevIndex(JSON.stringify(index).slice(0, 5000), 'idx')).toThrow(/idx could not be read as JSON/);
  });

  it('is used only for the snapshot it was built from; otherwise the loader reads the snapshot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'porchlight-kev-index-'));
    try {
      const file = join(dir, 'kev-index.json');
      writeFileSync(file, JSON.stringify(index));
      expect(readKevIndex(file, snapshotPath)?.count).toBe(full.count);
      expect(readKevIndex(join(dir, 'missing.json'), snapshotPath)).toBeNull();
      // Another resources folder whose snapshot has one entry less: the index does not belong to it.
      const other = join(dir, 'resources');
      mkdirSync(join(other, 'kev'), { recursive: true });
      writeFileSync(join(other, KEV_SNAPSHOT_FILE), JSON.stringify({ ...full, count: full.count - 1, vulnerabilities: full.vulnerabilities.slice(1) }));
      copyFileSync(join(resources, VENDOR_TABLE_FILE), join(other, VENDOR_TABLE_FILE));
      expect(readKevIndex(file, join(other, KEV_SNAPSHOT_FILE))).toBeNull();
      expect(loadKevData(other, file).catalog.count).toBe(full.count - 1);
      // A broken index beside the bundle is an error, not a silent fallback.
      writeFileSync(file, '{"format":1}');
      expect(() => loadKevData(resources, file)).toThrow(/is invalid at/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
