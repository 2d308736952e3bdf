/**
 * Issue 13, findings 4 and 6: bounds at the edge.
 * - A deeply nested progress snapshot is refused at the door (typed), nothing is written, and the
 *   next start reads progress as it was (it used to be written, then lost at the next start).
 * - Wi-Fi keychain accounts are injective; a network name holding a lone surrogate is shown
 *   escaped, and generating a passphrase for it changes nothing (no stored secret, no "pass").
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch, type SenderInfo } from '../../../main/ipc/register.js';
import { createNodeCore } from '../../../main/compose.js';
import { wifiAccountName, ssidForDisplay, SecretAccountSchema } from '../../../main/core/secrets/accounts.js';
import { jsonProblem, FREE_JSON_LIMITS } from '../../../main/core/store/bounded-json.js';
import { fakeCore, MemorySecretStore, tempDir } from '../../support/fakes.js';

const APP = 'app://porchlight';
const good: SenderInfo = { origin: APP, isMainFrame: true };
const opts = { allowedOrigins: [APP] };

function nested(levels: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

describe('progress snapshots: nothing is written that cannot be read back', () => {
  it.each([1_550, 100_000])('a snapshot nested %i levels deep is refused as invalid-arguments; progress.json is untouched', async (levels) => {
    const dir = tempDir();
    const core = createNodeCore({ host: 'harness', profileDir: dir, opener: { open: async () => undefined }, secrets: new MemorySecretStore() });
    expect(await dispatch(core, 'progress:save', { machineVersion: 3, snapshot: { step: 'wifi', answers: [1, 2] } }, good, opts)).toMatchObject({ ok: true });
    const before = readFileSync(join(dir, 'progress.json'), 'utf8');
    const r = await dispatch(core, 'progress:save', { machineVersion: 3, snapshot: nested(levels) }, good, opts);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect((r as { error: { message: string } }).error.message).toMatch(/nested deeper than 64 levels/);
    expect(readFileSync(join(dir, 'progress.json'), 'utf8')).toBe(before);
    const again = createNodeCore({ host: 'harness', profileDir: dir, opener: { open: async () => undefined }, secrets: new MemorySecretStore() });
    expect(again.notices).toEqual([]);
    expect(await dispatch(again, 'progress:load', {}, good, opts)).toMatchObject({ ok: true, value: { snapshot: { step: 'wifi', answers: [1, 2] } } });
    expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
  });

  it('bounded JSON: depth, count, size, cycles and non-JSON values are named; a fine value passes', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(jsonProblem(nested(64), FREE_JSON_LIMITS)).toBeNull();
    expect(jsonProblem(nested(65), FREE_JSON_LIMITS)).toMatch(/deeper than 64/);
    expect(jsonProblem(Array.from({ length: 30_000 }, () => 0), FREE_JSON_LIMITS)).toMatch(/more than 20000 values/);
    expect(jsonProblem('x'.repeat(300_000), FREE_JSON_LIMITS)).toMatch(/larger than/);
    expect(jsonProblem(cyclic, FREE_JSON_LIMITS)).toMatch(/refers to itself/);
    expect(jsonProblem({ n: Number.NaN }, FREE_JSON_LIMITS)).toMatch(/number/);
    expect(jsonProblem({ d: new Date() }, FREE_JSON_LIMITS)).toMatch(/not plain JSON/);
    expect(jsonProblem({ u: undefined }, FREE_JSON_LIMITS)).toMatch(/undefined/);
    expect(jsonProblem({ u: undefined }, { ...FREE_JSON_LIMITS, allowUndefined: true })).toBeNull();
  });

  it('bounded JSON: the limits hold exactly, whatever the shape', () => {
    const max = FREE_JSON_LIMITS.maxNodes;
    // The array itself is one value: max - 1 elements fit, max do not; spread over two arrays too.
    expect(jsonProblem(Array.from({ length: max - 1 }, () => 0), FREE_JSON_LIMITS)).toBeNull();
    expect(jsonProblem(Array.from({ length: max }, () => 0), FREE_JSON_LIMITS)).toMatch(/more than 20000 values/);
    const half = Math.floor((max - 3) / 2);
    expect(jsonProblem({ a: Array.from({ length: half }, () => 1), b: Array.from({ length: max - 3 - half }, () => 1) }, FREE_JSON_LIMITS)).toBeNull();
    expect(jsonProblem({ a: Array.from({ length: half }, () => 1), b: Array.from({ length: max - 2 - half }, () => 1) }, FREE_JSON_LIMITS)).toMatch(/more than 20000 values/);
    expect(jsonProblem(Object.fromEntries(Array.from({ length: max }, (_, i) => [`k${i}`, i])), FREE_JSON_LIMITS)).toMatch(/more than 20000 values/);
    // Size: the serialised length, escapes included; strings alone already over it are refused too.
    const bytes = FREE_JSON_LIMITS.maxBytes;
    expect(jsonProblem('x'.repeat(bytes - 2), FREE_JSON_LIMITS)).toBeNull();
    expect(jsonProblem('x'.repeat(bytes - 1), FREE_JSON_LIMITS)).toMatch(/larger than/);
    expect(jsonProblem('"'.repeat(bytes / 2), FREE_JSON_LIMITS)).toMatch(/larger than/);
    expect(jsonProblem(['x'.repeat(bytes / 2), 'y'.repeat(bytes / 2)], FREE_JSON_LIMITS)).toMatch(/larger than/);
  });

  it('bounded JSON: an array longer than the limit is refused from its length, before its elements are read', () => {
    let reads = 0;
    const hostile = new Proxy(Array.from({ length: 100_000 }, () => 0), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(jsonProblem({ list: hostile }, FREE_JSON_LIMITS)).toMatch(/more than 20000 values/);
    expect(reads).toBe(0);
  });
});

describe('Wi-Fi keychain accounts: one network, one account', () => {
  const names = ['Home', 'Home/previous', 'Home%2Fprevious', 'Café Wi-Fi ☕', 'Home\uD800', 'Home\uFFFD', 'Home\uDC00', '%', '%25', 'a\u0001', 'a%01', '🔐', 'Home\uD83D'];
  it('never gives two different names the same account, and each account is a valid Porchlight account', () => {
    const accounts = names.map(wifiAccountName);
    expect(new Set(accounts).size).toBe(names.length);
    for (const a of accounts) expect(SecretAccountSchema.safeParse(a).success, a).toBe(true);
    // Ordinary names keep the account they always had.
    expect(wifiAccountName('Café Wi-Fi ☕')).toBe('wifi/Café Wi-Fi ☕');
    expect(wifiAccountName('Home\uD800')).toBe('wifi/Home%ED%A0%80');
    expect(wifiAccountName('Home/previous')).toBe('wifi/Home%2Fprevious');
    // 32 bytes of the worst kind still fit the account schema
    expect(SecretAccountSchema.safeParse(wifiAccountName('/'.repeat(32))).success).toBe(true);
  });

  it('shows a lone surrogate escaped, never as the replacement character', () => {
    expect(ssidForDisplay('Home\uD800')).toBe('Home\\uD800');
    expect(ssidForDisplay('Home 🔐')).toBe('Home 🔐');
  });

  it.each(['Home\uD800', 'Home\uDC00x'])('generating a passphrase for %j changes nothing: no secret stored, no check recorded, a typed answer', async (ssid) => {
    const f = fakeCore();
    const r = await dispatch(f.core, 'wifi:generate-passphrase', { ssid, style: 'words', mode: 'wpa3' }, good, opts);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect((r as { error: { message: string } }).error.message).toContain('\\u');
    expect((r as { error: { message: string } }).error.message).not.toContain('\uFFFD');
    expect(f.secrets.data.size).toBe(0);
    expect(f.progress.writes).toBe(0);
    const checks = await dispatch(f.core, 'checks:list', {}, good, opts);
    expect(JSON.stringify(checks)).not.toMatch(/"id":"wifi\.passphrase","status":"pass"/);
  });

  it('an ordinary name still stores the passphrase under its account and passes', async () => {
    const f = fakeCore();
    const r = await dispatch(f.core, 'wifi:generate-passphrase', { ssid: 'Home/5G', style: 'words', mode: 'wpa3' }, good, opts);
    expect(r).toMatchObject({ ok: true, value: { account: 'wifi/Home%2F5G', stored: true } });
    expect([...f.secrets.data.keys()]).toEqual(['wifi/Home%2F5G']);
  });
});
