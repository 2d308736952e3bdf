import { describe, expect, it } from 'vitest';
import { AttemptLedger, DEFAULT_PROBE_LEDGER, type ProbeLedgerDoc } from '../../../../main/core/credentials/attempt-ledger.js';
import { MemoryDocument } from '../../../support/fakes.js';

describe('AttemptLedger', () => {
  it('caps attempts at 5 per host and records before use', () => {
    const l = new AttemptLedger();
    for (let i = 0; i < 5; i++) expect(l.take('10.0.0.1')).toBe(true);
    expect(l.take('10.0.0.1')).toBe(false);
    expect(l.used('10.0.0.1')).toBe(5);
    expect(l.remaining('10.0.0.2')).toBe(5);
  });

  it('persists across restarts of the app within one audit; a new audit starts fresh budgets', () => {
    const store = new MemoryDocument<ProbeLedgerDoc>(DEFAULT_PROBE_LEDGER);
    let audit = 'after:none';
    const first = new AttemptLedger('initial', 5, store, () => audit);
    first.take('192.168.1.1');
    first.take('192.168.1.1');
    first.take('192.168.1.1');
    // "restart": a new ledger over the same profile document
    const second = new AttemptLedger('initial', 5, store, () => audit);
    expect(second.used('192.168.1.1')).toBe(3);
    expect(second.remaining('192.168.1.1')).toBe(2);
    expect(JSON.stringify(store.read())).not.toMatch(/pass/i);
    audit = 'after:audit-1'; // an audit was saved: the next one begins
    expect(second.used('192.168.1.1')).toBe(0);
    expect(second.take('192.168.1.1')).toBe(true);
    expect(store.read()).toEqual({ schemaVersion: 1, auditKey: 'after:audit-1', hosts: { '192.168.1.1': 1 } });
  });
});
