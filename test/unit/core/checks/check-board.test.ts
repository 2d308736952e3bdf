import { describe, expect, it } from 'vitest';
import { fakeCore, FixedClock } from '../../../support/fakes.js';
import { CheckResultSchema } from '../../../../main/core/checks/results.js';
import { CheckCatalogSchema, loadCheckCatalog } from '../../../../main/core/checks/catalog.js';
import { resourcesDir } from '../../../../main/compose.js';

describe('check catalog', () => {
  it('loads all 21 checks of the catalog with stable ids', () => {
    const ids = loadCheckCatalog(resourcesDir()).checks.map((c) => c.id);
    expect(ids).toEqual([
      'wifi.encryption', 'wifi.passphrase', 'wifi.wps', 'network.iot-segment', 'network.iot-isolated', 'router.admin-default',
      'router.firmware', 'router.remote-admin', 'router.upnp', 'devices.inventory', 'devices.default-passwords', 'devices.firmware', 'devices.known-vulnerabilities',
      'accounts.2fa', 'accounts.unique-passwords', 'accounts.integrations-review', 'voice.purchasing', 'voice.unlock-pin',
      'voice.recordings', 'resilience.outage-plan', 'docs.report',
    ]);
  });
  it('rejects duplicate ids and missing fields', () => {
    const one = loadCheckCatalog(resourcesDir()).checks[0]!;
    expect(CheckCatalogSchema.safeParse({ version: 1, checks: [one, one] }).success).toBe(false);
    const { why: _why, ...noWhy } = one;
    const r = CheckCatalogSchema.safeParse({ version: 1, checks: [noWhy] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['checks', 0, 'why']);
  });
});

describe('CheckBoard', () => {
  it('starts every check unknown with the reason "not checked yet" and no evidence', () => {
    const { core } = fakeCore();
    const all = core.checks.list();
    expect(all).toHaveLength(21);
    for (const c of all) expect(c).toMatchObject({ status: 'unknown', reason: { code: 'common.not-checked-yet', params: {} }, evidence: { kind: 'none' }, expired: false });
  });

  it('records a confirmation with its date and a 90-day expiry, then reports it expired after that', () => {
    const clock = new FixedClock(new Date('2026-03-01T12:00:00Z'));
    const { core } = fakeCore({ clock });
    const c = core.checks.confirm('accounts.2fa', 'pass');
    expect(c.evidence).toEqual({ kind: 'confirmed', at: '2026-03-01T12:00:00.000Z', expiresAt: '2026-05-30T12:00:00.000Z' });
    clock.current = new Date('2026-05-30T11:59:59Z');
    expect(core.checks.get('accounts.2fa')).toMatchObject({ status: 'pass', expired: false });
    clock.current = new Date('2026-05-30T12:00:00Z');
    expect(core.checks.get('accounts.2fa')).toMatchObject({ status: 'unknown', expired: true, reason: { code: 'confirmation.expired', params: { date: expect.stringMatching(/^2026-05-30T/) } } });
  });

  it('refuses a hand confirmation of a measured check, and unknown checks', () => {
    const { core } = fakeCore();
    expect(() => core.checks.confirm('wifi.encryption', 'pass')).toThrow(/measures this check itself/);
    expect(() => core.checks.confirm('nope.nothing', 'pass')).toThrow(/does not know this check/);
  });

  it('keeps the reason of a skip and of a verified unknown; an unknown without a reason is invalid', () => {
    const { core } = fakeCore();
    expect(core.checks.skip('voice.unlock-pin', 'no smart lock in this home')).toMatchObject({ status: 'skipped', reason: { code: 'user.text', params: { text: 'no smart lock in this home' } } });
    expect(core.checks.recordVerified('wifi.encryption', 'fail', 'WEP seen on "Home"')).toMatchObject({ status: 'fail', evidence: { kind: 'verified' } });
    expect(CheckResultSchema.safeParse({ id: 'x.y', status: 'unknown', reason: null, evidence: { kind: 'none' }, detail: null }).success).toBe(false);
    expect(CheckResultSchema.safeParse({ id: 'x.y', status: 'skipped', reason: '  ', evidence: { kind: 'none' }, detail: null }).success).toBe(false);
  });
});
