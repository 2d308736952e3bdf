import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { actionKind, affectedByVersion, assessHome, kevMatcher, loadKevData, vulnVerdict } from '../../../../main/core/vulns/index.js';
import { EMPTY_HOME_MODEL, type DeviceRecord, type HomeModelDoc } from '../../../../main/core/model/index.js';

const resources = join(import.meta.dirname, '../../../../resources');
const m = kevMatcher(resources);
const cves = (vendor: string, model: string, firmware: string | null = null) => m.match({ vendor, model, firmware }).matches.map((x) => x.cve);

describe('the KEV snapshot', () => {
  it('is the whole catalog 2025.08.25 and passes its schema', () => {
    const { catalog } = loadKevData(resources);
    expect(catalog.catalogVersion).toBe('2025.08.25');
    expect(catalog.vulnerabilities).toHaveLength(1404);
    expect(catalog.count).toBe(1404);
  });
});

describe('matching over the whole snapshot', () => {
  it('an end-of-life D-Link router by exact model fails, with CISA\'s words', () => {
    const r = m.match({ vendor: 'D-Link Systems, Inc.', model: 'DIR-645', firmware: '1.03' });
    expect(r.status).toBe('end-of-life');
    const e = r.matches.find((x) => x.cve === 'CVE-2015-2051')!;
    expect(e).toMatchObject({ how: 'exact-model', matched: 'DIR-645', action: 'end-of-life', dateAdded: '2022-02-10' });
    expect(e.requiredAction).toMatch(/end-of-life and should be disconnected/);
    expect(r.matches[0]!.cve).toBe('CVE-2015-2051'); // the surest match first, before the DIR family's
    expect(r.matches.slice(1).every((x) => x.how === 'model-family')).toBe(true);
  });
  it('vendor aliases: dlink, D-Link Corporation and the MAC registry spelling are the same maker', () => {
    for (const v of ['dlink', 'D-Link Corporation', 'D-Link International', 'D Link']) expect(cves(v, 'DIR-645')).toContain('CVE-2015-2051');
  });
  it('"…or discontinue use if mitigations are unavailable" is not end of life: DIR-859 warns', () => {
    const r = m.match({ vendor: 'D-Link', model: 'DIR-859', firmware: null });
    expect(r.matches.map((x) => x.cve)).toEqual(expect.arrayContaining(['CVE-2024-0769', 'CVE-2019-17621']));
    expect(r.matches.find((x) => x.cve === 'CVE-2024-0769')!.action).toBe('mitigate');
    expect(r.status).toBe('listed');
  });
  it('consumer routers and cameras of several makers', () => {
    expect(cves('TP-LINK TECHNOLOGIES CO.,LTD.', 'Archer AX21')).toContain('CVE-2023-1389');
    expect(cves('TP-Link', 'TL-WR940N')).toContain('CVE-2023-33538');
    expect(cves('ASUSTeK Computer Inc.', 'RT-AX55')).toContain('CVE-2023-39780');
    expect(cves('NETGEAR', 'DGN2200')).toEqual(expect.arrayContaining(['CVE-2017-6334', 'CVE-2017-6077']));
    expect(cves('Shenzhen Tenda Technology', 'AC15')).toContain('CVE-2020-10987');
    expect(cves('Reolink', 'RLC-410W')).toContain('CVE-2021-40407');
    expect(cves('D-Link', 'DCS-2530L')).toEqual(expect.arrayContaining(['CVE-2020-25078', 'CVE-2020-25079']));
    expect(cves('Zyxel Communications Corporation', 'EMG2926')).toContain('CVE-2017-6884');
  });
  it('a hardware revision is said as such (WNR2000 vs the entry\'s WNR2000v5)', () => {
    const r = m.match({ vendor: 'NETGEAR', model: 'WNR2000', firmware: null });
    expect(r.matches.find((x) => x.cve === 'CVE-2016-10174')).toMatchObject({ how: 'revision' });
  });
  it('model families: a Zyxel VMG modem is in "DSL CPE Devices", a Hikvision DS-2CD camera in its camera line', () => {
    const z = m.match({ vendor: 'ZyXEL', model: 'VMG3312-T20A', firmware: null });
    expect(z.matches.filter((x) => x.product === 'DSL CPE Devices').map((x) => x.how)).toEqual(['model-family', 'model-family']);
    // "could be end-of-life … if a current mitigation is unavailable" is not said as end of life
    expect(z.status).toBe('listed');
    const h = m.match({ vendor: 'Hikvision Digital Technology', model: 'DS-2CD2143G2-I', firmware: null });
    expect(h.matches.map((x) => [x.cve, x.how])).toEqual([['CVE-2021-36260', 'model-family']]);
  });
  it('a family match on an end-of-life entry warns, it does not fail (the model is not named)', () => {
    const r = m.match({ vendor: 'D-Link', model: 'DIR-836L', firmware: null });
    expect(r.matches.map((x) => [x.cve, x.action])).toContainEqual(['CVE-2021-45382', 'end-of-life']);
    expect(r.matches.every((x) => x.how === 'model-family')).toBe(true);
    expect(r.status).toBe('listed');
  });
  it('look-alikes never match', () => {
    expect(cves('D-Link', 'DIR-820L')).not.toContain('CVE-2023-25280'); // the entry names DIR-820, not DIR-820L
    // DIR-850L is named by no entry: only the DIR family's model-less entries concern it
    expect(m.match({ vendor: 'D-Link', model: 'DIR-850L', firmware: null }).matches.every((x) => x.how === 'model-family')).toBe(true);
    expect(cves('D-Link', 'DIR-850L')).not.toContain('CVE-2022-26258'); // DIR-820L's entry
    expect(cves('Tenda', 'AC1100')).not.toContain('CVE-2021-31755'); // AC11 ≠ AC1100
    expect(cves('Dahua', 'DS-2CD2143G2-I')).toEqual([]); // a Hikvision model name under another maker
    expect(cves('Hikvision', 'IPC-HFW2431S')).toEqual([]); // a Dahua model name under Hikvision
    expect(cves('EZVIZ', 'DS-2CV2021G2')).toEqual([]); // a maker the table does not tie to Hikvision
    expect(cves('TP-Link', 'DIR-645')).toEqual([]); // the model of another maker
  });
  it('"Multiple Routers": each entry only for the product line its advisory names, and look-alike DIR models never', () => {
    const family = (model: string) => m.match({ vendor: 'D-Link', model, firmware: null }).matches.filter((x) => x.how === 'model-family').map((x) => x.cve).sort();
    expect(family('DIR-860L')).toEqual(['CVE-2018-6530']);
    expect(family('DIR-880L')).toEqual(['CVE-2018-6530']);
    expect(family('DIR-820LW')).toEqual(['CVE-2021-45382']);
    expect(family('DIR-836L')).toEqual(['CVE-2021-45382']);
    expect(family('DIR-655')).toEqual(['CVE-2019-16920']);
    expect(family('DHP-1565')).toEqual(['CVE-2019-16920']);
    expect(family('DIR-866L')).toEqual(['CVE-2019-16920']);
    // Look-alikes: other DIR routers, other revisions of the number, and models that only start the same.
    for (const other of ['DIR-859', 'DIR-882', 'DIR-850L', 'DIR-8600', 'DIR-880', 'DIR-6550', 'DIR-X1860', 'DIR-1260', 'DIR-842', 'DIR-615', 'DIR-820', 'DHP-W310AV', 'COVR-1100']) expect(family(other), other).toEqual([]);
  });
  it('the maker alone never counts: a D-Link device without a known model is unidentified, a model-less name is clear', () => {
    expect(m.match({ vendor: 'D-Link', model: null, firmware: null })).toMatchObject({ status: 'unidentified', missing: 'model' });
    expect(m.match({ vendor: null, model: 'DIR-645', firmware: null })).toMatchObject({ status: 'unidentified', missing: 'vendor' });
    expect(m.match({ vendor: 'D-Link', model: 'Smart Plug', firmware: null }).status).toBe('clear');
  });
  it('the lab devices: only the catalogued D-Link and the Hikvision camera match', () => {
    const lab: [string, string, string][] = [
      ['AVM', 'FRITZ!Box 7590', 'clear'],
      ['Google Inc.', 'Eureka Dongle', 'clear'],
      ['Signify', 'Philips hue bridge 2015', 'clear'],
      ['Hikvision', 'DS-2CD2143G2-I', 'listed'],
      ['Sonos, Inc.', 'Sonos One', 'clear'],
      ['ASUSTeK Computer Inc.', 'RT-AC68U', 'clear'],
      ['D-Link', 'DIR-645', 'end-of-life'],
    ];
    for (const [vendor, model, status] of lab) expect([vendor, model, m.match({ vendor, model, firmware: null }).status]).toEqual([vendor, model, status]);
  });
});

describe('required actions', () => {
  it('end of life only when the primary instruction says so', () => {
    expect(actionKind('The impacted product is end-of-life and should be disconnected if still in use.')).toBe('end-of-life');
    expect(actionKind('The impacted product is end-of-life (EoL) and/or end-of-service (EoS). Users should discontinue utilization of the product.')).toBe('end-of-life');
    expect(actionKind('This vulnerability affects legacy D-Link products. All associated hardware revisions have reached their end-of-life (EOL) or end-of-service (EOS) life cycle and should be retired and replaced per vendor instructions.')).toBe('end-of-life');
    expect(actionKind('Apply mitigations per vendor instructions or discontinue use of the product if mitigations are unavailable.')).toBe('mitigate');
    expect(actionKind('Apply updates per vendor instructions or discontinue use of the product if updates are unavailable.')).toBe('update');
    expect(actionKind('Apply updates per vendor instructions. If the affected device has since entered end-of-life, it should be disconnected if still in use.')).toBe('update');
    expect(actionKind('The impacted product could be end-of-life (EoL) and/or end-of-service (EoS). Users should discontinue product utilization if a current mitigation is unavailable.')).toBe('possibly-end-of-life');
  });
  it('every distinct required action of the snapshot gets a kind, and end of life never comes from the closing clause', () => {
    const { catalog } = loadKevData(resources);
    for (const e of catalog.vulnerabilities) {
      const k = actionKind(e.requiredAction);
      if (/^apply (mitigations|updates)/i.test(e.requiredAction.trim())) expect(k).not.toBe('end-of-life');
    }
    expect(catalog.vulnerabilities.filter((e) => actionKind(e.requiredAction) === 'end-of-life').length).toBeGreaterThan(60);
  });
});

describe('affected versions', () => {
  it('only when the entry states versions and the firmware is known and inside them', () => {
    expect(affectedByVersion('Foo routers before 1.2.3 allow …', '1.2.0')).toBe('yes');
    expect(affectedByVersion('Foo routers before 1.2.3 allow …', 'V1.2.3')).toBe('no');
    expect(affectedByVersion('Foo 2.0.4 and earlier allows …', '2.0.4')).toBe('yes');
    expect(affectedByVersion('Foo routers before 1.2.3 allow …', null)).toBe('firmware-unknown');
    expect(affectedByVersion('D-Link DIR-645 allows remote attackers …', '1.03')).toBe('not-stated');
  });
});

describe('the home verdict', () => {
  const dev = (id: string, ip: string, vendor: string | null, model: string | null, extra: Partial<DeviceRecord> = {}): DeviceRecord => ({
    id, ip, mac: null, vendor, model, category: 'unknown', categoryBasis: null, names: [id], services: [], firstSeen: null, lastSeen: null,
    userName: null, userCategory: null, moveToIot: false, removed: false, removedAt: null, manual: false, loginPage: null, userVendor: null, userModel: null, ...extra,
  });
  const home = (devices: DeviceRecord[]): HomeModelDoc => ({ ...EMPTY_HOME_MODEL, devices: Object.fromEntries(devices.map((d) => [d.id, d])) });
  it('no devices: unknown; clear and identified: pass; unidentified: unknown; owner entry then matches', () => {
    expect(vulnVerdict(assessHome(m, home([]), null)).status).toBe('unknown');
    expect(vulnVerdict(assessHome(m, home([dev('sonos', '127.0.0.46', 'Sonos, Inc.', 'Sonos One')]), null)).status).toBe('pass');
    const unknown = vulnVerdict(assessHome(m, home([dev('sonos', '127.0.0.46', 'Sonos, Inc.', 'Sonos One'), dev('x', '127.0.0.48', 'REALTEK', null)]), null));
    expect(unknown.status).toBe('unknown');
    expect(unknown.reason.code).toBe('vulns.unidentified');
    const entered = assessHome(m, home([dev('x', '127.0.0.48', 'REALTEK', null, { userVendor: 'D-Link', userModel: 'DIR-645' })]), null);
    expect(entered.devices[0]).toMatchObject({ identifiedBy: 'owner', status: 'end-of-life' });
    expect(vulnVerdict(entered).status).toBe('fail');
  });
  it('the re-audit flags entries added since the last audit', () => {
    const h = assessHome(m, home([dev('dl', '127.0.0.51', 'D-Link', 'DIR-859')]), '2024-01-01T00:00:00.000Z');
    expect(h.devices[0]!.newSince).toEqual(['CVE-2024-0769']);
    expect(vulnVerdict(h).detail.code).toBe('vulns.snapshot-new');
  });
});
