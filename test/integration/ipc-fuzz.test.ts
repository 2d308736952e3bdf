/**
 * Issue 13: a fuzz test of the dispatch (main/ipc/register.ts), the one entry point of every IPC
 * call in the app and the harness. For every channel it sends generated hostile payloads — wrong
 * types, deep nesting, huge and wide values, cycles, prototype keys, lone surrogates, non-JSON
 * objects, a hostile value in each field of the channel's own argument — while other clients make
 * schema-valid calls that change and read state: secrets in the REAL keychain (this run's GNOME
 * Keyring), progress, settings and checks in a REAL profile folder. Every answer must be a typed
 * IpcResult (a hostile payload never an `internal` failure), the valid clients must read what they
 * wrote, the profile must reopen without a recovery, and memory must stay bounded.
 *
 * CI size by default (under a minute); a longer run by hand:
 *   FUZZ_CALLS=60000 bash scripts/with-keyring.sh npx vitest run --project integration test/integration/ipc-fuzz.test.ts
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { z } from 'zod';
import { createCore, type Core } from '../../main/core/app-core.js';
import { resourcesDir } from '../../main/compose.js';
import { openProfileStores } from '../../main/adapters/profile.js';
import { KeytarSecretStore } from '../../main/adapters/keytar-secret-store.js';
import { ConfDocumentStore } from '../../main/adapters/conf-document-store.js';
import { FileLogger } from '../../main/adapters/file-logger.js';
import { SystemClock } from '../../main/adapters/system-clock.js';
import { DEFAULT_PROBE_LEDGER, ProbeLedgerSchema } from '../../main/core/credentials/attempt-ledger.js';
import { dispatch, type SenderInfo } from '../../main/ipc/register.js';
import { CHANNEL_NAMES, channels } from '../../main/ipc/contract.js';
import { secretServiceOwned } from './keychain-helpers.js';
import { MessageSchema } from '../../main/core/messages/index.js';

const CALLS = Number(process.env.FUZZ_CALLS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 13);
const APP: SenderInfo = { origin: 'app://porchlight', isMainFrame: true };
const OPTS = { allowedOrigins: ['app://porchlight'] };
const CODES = ['unknown-channel', 'forbidden-sender', 'invalid-arguments', 'keychain-unavailable', 'not-found', 'refused', 'timeout', 'store-corrupted', 'storage-unavailable', 'internal'];
const dir = mkdtempSync(join(tmpdir(), 'porchlight-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** mulberry32: a small seeded PRNG, so a failing run can be repeated with FUZZ_SEED. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function deep(levels: number, leaf: unknown = 'x'): unknown {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = i % 3 === 0 ? [v] : { k: v };
  return v;
}

const HUGE = 'A'.repeat(600 * 1024);
// The large values are built once and sent many times (building a 50,000-deep value or a 20,000-key
// object for every call took ~3 s of this test's ~18 s); the test checks at the end that no call
// changed them.
const LONG_ARRAY = Array.from({ length: 100_000 }, () => 0);
const WIDE_OBJECT = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]));
const DEEP_70 = deep(70);
const DEEP_1550 = deep(1_550);
const DEEP_50000 = deep(50_000);
const cyclic = (() => {
  const o: Record<string, unknown> = { a: 1 };
  o.self = o;
  return o;
})();

/** Hostile values: each is something a buggy or malicious renderer (or page, in the harness) could send. */
const HOSTILE: (() => unknown)[] = [
  () => undefined,
  () => null,
  () => true,
  () => -1,
  () => 1e308,
  () => Number.NaN,
  () => Number.POSITIVE_INFINITY,
  () => 2 ** 53 + 1,
  () => '',
  () => 'x'.repeat(129),
  () => 'x'.repeat(5000),
  () => HUGE,
  () => 'Home\uD800',
  () => '\uDC00\u0000\u202e',
  () => '../../../../etc/passwd',
  () => '%00%ff%',
  () => '__proto__',
  () => 'constructor',
  () => [],
  () => LONG_ARRAY,
  () => WIDE_OBJECT,
  () => DEEP_70,
  () => DEEP_1550,
  () => DEEP_50000,
  () => cyclic,
  () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
  () => new Date(),
  () => new Map([['a', 1]]),
  () => new Uint8Array(16),
  () => Object.create(null),
  () => () => 'function',
  () => Symbol('s'),
  () => 10n,
];

/** The keys of a channel's argument object (when it is one), so each field can get a hostile value. */
function fieldsOf(schema: z.ZodType): string[] {
  const shape = (schema as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function hostilePayload(rand: () => number, channel: string): unknown {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const fields = fieldsOf(channels[channel as keyof typeof channels].args);
  const r = rand();
  if (r < 0.35 || fields.length === 0) return pick(HOSTILE)();
  const obj: Record<string, unknown> = {};
  for (const f of fields) obj[f] = rand() < 0.5 ? pick(HOSTILE)() : 'ok';
  if (r > 0.85) obj[pick(['extra', '__proto__', 'constructor', 'toString'])] = pick(HOSTILE)();
  // Never exactly {} or a complete valid call: a hostile payload has at least one hostile field.
  obj[pick(fields)] = pick(HOSTILE)();
  return obj;
}

/**
 * Each IPC call reaches the main process as its own event-loop task (Electron's invoke, the
 * harness's HTTP request). The clients here call `dispatch` directly, so they yield a turn between
 * calls as real callers do; without it a client whose calls all answer synchronously would starve
 * every call that waits for I/O (the keychain, the rating worker) for as long as it runs.
 */
const turn = () => new Promise<void>((r) => setImmediate(r));

function isTyped(r: unknown): boolean {
  const ok = z.union([z.strictObject({ ok: z.literal(true), value: z.unknown() }), z.strictObject({ ok: z.literal(false), error: z.strictObject({ code: z.enum(CODES), message: z.string().min(1).max(2000), userMessage: MessageSchema }) })]);
  return ok.safeParse(r).success;
}

function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function newCore(): Core {
  const stores = openProfileStores(dir);
  return createCore({
    host: 'harness',
    version: '0.0.0-fuzz',
    platform: process.platform,
    resourcesDir: resourcesDir(),
    secrets: new KeytarSecretStore(),
    ...stores,
    clock: new SystemClock(),
    log: new FileLogger(join(dir, 'logs', 'porchlight.log')),
    opener: { open: async () => undefined },
    probeLedger: new ConfDocumentStore({ dir, name: 'probe-ledger', schema: ProbeLedgerSchema, defaults: DEFAULT_PROBE_LEDGER, version: '1.0.0' }),
    // no network, Wi-Fi scanner, HTTP prober or PDF printer: nothing here can reach past this process
  });
}

describe('IPC dispatch under fuzzing', () => {
  it(`${CALLS} hostile calls over every channel, concurrently with valid state changes: every answer typed, state intact, memory bounded`, async () => {
    if (!secretServiceOwned()) throw new Error('No Secret Service on the session bus: run through scripts/with-keyring.sh.');
    const core = newCore();
    const rand = prng(SEED);
    const call = (ch: string, args: unknown) => dispatch(core, ch, args, APP, OPTS);
    await call('app:info', {});
    const heap0 = heapAfterGc();

    const untyped: string[] = [];
    const internal: string[] = [];
    const byCode: Record<string, number> = {};
    let hostileDone = 0;
    const hostileClient = async () => {
      while (hostileDone < CALLS) {
        const ch = CHANNEL_NAMES[Math.floor(rand() * CHANNEL_NAMES.length)]!;
        const payload = hostilePayload(rand, ch);
        hostileDone++;
        await turn();
        const r = await call(ch, payload);
        if (!isTyped(r)) untyped.push(`${ch}: ${JSON.stringify(r)?.slice(0, 200)}`);
        else if (!r.ok) {
          byCode[r.error.code] = (byCode[r.error.code] ?? 0) + 1;
          if (r.error.code === 'internal') internal.push(`${ch}: ${r.error.message}`);
        } else byCode.ok = (byCode.ok ?? 0) + 1;
      }
    };

    // Valid clients: each changes state and reads it back while the hostile ones run.
    const wrong: string[] = [];
    let validDone = 0;
    const validSecrets = async (n: number) => {
      for (let i = 0; hostileDone < CALLS; i++) {
        await turn();
        const account = `account/fuzz-${n}/recovery-codes`;
        const secret = `fuzz ${n}-${i} ✓`;
        const set = await call('secrets:set', { account, secret });
        const back = await call('secrets:reveal', { account });
        const list = await call('secrets:list', {});
        validDone += 3;
        if (!set.ok || !(set.value as { stored: boolean }).stored) wrong.push(`set ${JSON.stringify(set)}`);
        if (!back.ok || (back.value as { secret: string }).secret !== secret) wrong.push(`reveal ${JSON.stringify(back).slice(0, 200)}`);
        if (!list.ok || !(list.value as { available: boolean; accounts: string[] }).accounts.includes(account)) wrong.push(`list ${JSON.stringify(list)}`);
        if (i % 5 === 4) {
          const del = await call('secrets:delete', { account });
          validDone++;
          if (!del.ok) wrong.push(`delete ${JSON.stringify(del)}`);
        }
      }
    };
    const validDocs = async () => {
      for (let i = 0; hostileDone < CALLS; i++) {
        await turn();
        const snapshot = { step: 'wifi', i, answers: [i, `a${i}`, { ok: i % 2 === 0 }] };
        const saved = await call('progress:save', { machineVersion: 7, snapshot });
        const loaded = await call('progress:load', {});
        const days = 7 + (i % 300);
        const upd = await call('settings:update', { reauditIntervalDays: days });
        const got = await call('settings:get', {});
        const checks = await call('checks:list', {});
        validDone += 5;
        if (!saved.ok) wrong.push(`progress:save ${JSON.stringify(saved)}`);
        if (!loaded.ok || JSON.stringify((loaded.value as { snapshot: unknown }).snapshot) !== JSON.stringify(snapshot)) wrong.push(`progress:load ${JSON.stringify(loaded).slice(0, 200)}`);
        if (!upd.ok || !got.ok || (got.value as { reauditIntervalDays: number }).reauditIntervalDays !== days) wrong.push(`settings ${JSON.stringify(got)}`);
        if (!checks.ok) wrong.push(`checks:list ${JSON.stringify(checks).slice(0, 200)}`);
      }
    };

    const t0 = Date.now();
    await Promise.all([hostileClient(), hostileClient(), hostileClient(), hostileClient(), validSecrets(1), validSecrets(2), validDocs()]);
    const seconds = (Date.now() - t0) / 1000;
    const heap1 = heapAfterGc();
    const growthMb = (heap1 - heap0) / 1024 / 1024;
    console.log(
      `ipc fuzz: ${hostileDone} hostile + ${validDone} valid calls in ${seconds.toFixed(1)} s (seed ${SEED}); answers ${JSON.stringify(byCode)}; ` +
        `heap ${(heap0 / 1048576).toFixed(1)} → ${(heap1 / 1048576).toFixed(1)} MB after GC; rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`,
    );

    expect(untyped).toEqual([]);
    expect(internal).toEqual([]);
    expect(wrong).toEqual([]);
    expect(byCode['invalid-arguments'] ?? 0).toBeGreaterThan(CALLS / 2);
    expect(growthMb).toBeLessThan(64);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(LONG_ARRAY.length === 100_000 && LONG_ARRAY.every((x) => x === 0)).toBe(true);
    expect(Object.keys(WIDE_OBJECT).length).toBe(20_000);

    // The profile reopens as written: no recovery, no damaged file.
    const again = openProfileStores(dir);
    expect([...again.settings.notices, ...again.progress.notices, ...again.history.notices]).toEqual([]);
    for (const n of [1, 2]) await core.deps.secrets.delete(`account/fuzz-${n}/recovery-codes`);
  }, 600_000);
});
