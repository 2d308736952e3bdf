import { describe, expect, it } from 'vitest';
import { diffAudits } from '../../../../main/core/audit/diff.js';
import type { AuditCheck, InventoryDevice } from '../../../../main/core/audit/record.js';

const dev = (key: string, name: string | null = null): InventoryDevice => ({
  key, name, ip: null, mac: key, vendor: null, category: null, firmware: null, firstSeen: null, lastSeen: null,
});
const verified = (id: string, status: AuditCheck['status'], reason: string | null = null): AuditCheck => ({
  id, status, reason: reason ?? (status === 'unknown' || status === 'skipped' ? 'because' : null), evidence: { kind: 'verified', at: '2026-01-01T00:00:00.000Z' }, detail: null, expired: false,
});
const confirmed = (id: string, expired: boolean): AuditCheck => ({
  id, status: expired ? 'unknown' : 'pass', reason: expired ? 'confirmation expired on 2026-04-01' : null,
  evidence: { kind: 'confirmed', at: '2026-01-01T00:00:00.000Z', expiresAt: '2026-04-01T00:00:00.000Z' }, detail: null, expired,
});
const side = (id: string, score: number, checks: AuditCheck[], inventory: InventoryDevice[]) => ({ id, at: '2026-01-01T00:00:00.000Z', score, checks, inventory });

describe('audit diff', () => {
  it('is empty for a first audit', () => {
    const d = diffAudits(null, side('now', 50, [verified('a.x', 'fail')], [dev('aa')]));
    expect(d).toMatchObject({ previous: null, scoreDelta: null, newDevices: [], goneDevices: [], regressed: [], improved: [], expiredConfirmations: [] });
  });

  it('lists new devices and devices gone by their key', () => {
    const d = diffAudits(side('before', 50, [], [dev('aa', 'Echo'), dev('bb', 'Camera')]), side('now', 50, [], [dev('bb', 'Camera renamed'), dev('cc', 'Plug')]));
    expect(d.newDevices.map((x) => x.key)).toEqual(['cc']);
    expect(d.goneDevices.map((x) => x.name)).toEqual(['Echo']);
  });

  it('sorts status changes into regressed, improved and other', () => {
    const before = side('before', 60, [
      verified('a.x', 'pass'), verified('b.x', 'fail'), verified('c.x', 'warn'), verified('d.x', 'pass'), verified('e.x', 'fail'), verified('f.x', 'skipped'), verified('g.x', 'pass'),
    ], []);
    const now = side('now', 70, [
      verified('a.x', 'fail'), verified('b.x', 'pass'), verified('c.x', 'pass'), verified('d.x', 'unknown'), verified('e.x', 'unknown'), verified('f.x', 'fail'), verified('g.x', 'pass'),
    ], []);
    const d = diffAudits(before, now);
    expect(d.regressed).toEqual([{ id: 'a.x', from: 'pass', to: 'fail' }, { id: 'd.x', from: 'pass', to: 'unknown' }]);
    expect(d.improved).toEqual([{ id: 'b.x', from: 'fail', to: 'pass' }, { id: 'c.x', from: 'warn', to: 'pass' }]);
    expect(d.otherChanges).toEqual([{ id: 'e.x', from: 'fail', to: 'unknown' }, { id: 'f.x', from: 'skipped', to: 'fail' }]);
    expect(d.scoreDelta).toBe(10);
    expect(d.previous).toEqual({ id: 'before', at: '2026-01-01T00:00:00.000Z', score: 60 });
  });

  it('reports confirmations that expired since the previous audit, once', () => {
    const d = diffAudits(side('before', 60, [confirmed('a.x', false), confirmed('b.x', true)], []), side('now', 40, [confirmed('a.x', true), confirmed('b.x', true)], []));
    expect(d.expiredConfirmations).toEqual([{ id: 'a.x', confirmedAt: '2026-01-01T00:00:00.000Z', expiredAt: '2026-04-01T00:00:00.000Z' }]);
    expect(d.regressed).toEqual([{ id: 'a.x', from: 'pass', to: 'unknown' }]);
  });
});
