import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { planReaudit } from '../../../../main/core/audit/plan.js';
import { loadCheckCatalog } from '../../../../main/core/checks/index.js';
import { assessHome, kevMatcher, vulnRecord } from '../../../../main/core/vulns/index.js';
import { EMPTY_HOME_MODEL, type DeviceRecord } from '../../../../main/core/model/index.js';
import type { AuditRecord } from '../../../../main/core/audit/index.js';

const resources = join(import.meta.dirname, '../../../../resources');
const catalog = loadCheckCatalog(resources);
const dlink: DeviceRecord = {
  id: '1c:7e:e5:64:5a:51', ip: '127.0.0.51', mac: '1c:7e:e5:64:5a:51', vendor: 'D-Link International', model: 'DIR-859', category: 'router', categoryBasis: null, names: ['D-Link Router'], services: [],
  firstSeen: null, lastSeen: null, userName: null, userCategory: null, moveToIot: false, removed: false, removedAt: null, manual: false, loginPage: null, userVendor: null, userModel: null,
};
const home = { ...EMPTY_HOME_MODEL, devices: { [dlink.id]: dlink } };
const last = (at: string): AuditRecord => ({ schemaVersion: 1, id: 'aaaaaaaa-0000', at, mode: 'first-time', source: 'app', appVersion: '0', score: 50, checks: [], inventory: [], router: null, exports: [], vulnerabilities: null });

describe('the re-audit and entries added to the catalog since the last audit', () => {
  it('brings the Updates step back, naming the entry and the device', () => {
    const vulnerabilities = vulnRecord(assessHome(kevMatcher(resources), home, '2024-01-01T00:00:00.000Z'));
    const plan = planReaudit(catalog, last('2024-01-01T00:00:00.000Z'), { checks: [], inventory: [], score: 50, vulnerabilities });
    expect(plan.steps).toContain('updates');
    expect(plan.reasons).toContainEqual({ step: 'updates', kind: 'new-vulnerability', subject: 'CVE-2024-0769 (D-Link Router)' });
  });
  it('an audit after the entry was added does not bring it back', () => {
    const vulnerabilities = vulnRecord(assessHome(kevMatcher(resources), home, '2025-08-26T00:00:00.000Z'));
    const plan = planReaudit(catalog, last('2025-08-26T00:00:00.000Z'), { checks: [], inventory: [], score: 50, vulnerabilities });
    expect(plan.steps).not.toContain('updates');
  });
});
