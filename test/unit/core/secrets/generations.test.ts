/**
 * The keep / confirm / discard rules of generated secrets over an in-memory SecretStore: a saved
 * secret is never replaced without the owner's go-ahead, the replaced one is kept as `…/previous`
 * until confirmed or discarded, only one previous is kept, and keychain trouble half-way changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { MemorySecretStore } from '../../../support/fakes.js';
import { SecretService } from '../../../../main/core/secrets/secret-service.js';
import { SecretGenerations } from '../../../../main/core/secrets/generations.js';
import { SecretAccountSchema, secretAccountName, type SecretOwner } from '../../../../main/core/secrets/accounts.js';
import { PorchlightError } from '../../../../main/core/errors.js';
import { RecordingLog } from '../wifi/fakes.js';

const HOME: SecretOwner = { kind: 'wifi', ssid: 'HomeNet' };

/** A store that fails the n-th write (1-based) and records whether two calls ever overlapped. */
class FlakyStore extends MemorySecretStore {
  writes = 0;
  failWrite = 0;
  inFlight = 0;
  overlapped = false;
  private async step<T>(fn: () => Promise<T>): Promise<T> {
    this.inFlight++;
    if (this.inFlight > 1) this.overlapped = true;
    await new Promise((r) => setTimeout(r, 1));
    try {
      return await fn();
    } finally {
      this.inFlight--;
    }
  }
  override async set(account: string, secret: string) {
    return this.step(async () => {
      this.writes++;
      if (this.writes === this.failWrite) throw new PorchlightError('keychain-unavailable', 'error.keychain.locked');
      await super.set(account, secret);
    });
  }
  override async get(account: string) {
    return this.step(() => super.get(account));
  }
  override async delete(account: string) {
    return this.step(() => super.delete(account));
  }
}

function setup(store = new FlakyStore()) {
  const log = new RecordingLog();
  const gens = new SecretGenerations(new SecretService(store, log), log);
  return { store, log, gens };
}

describe('account names: one derivation for current and previous', () => {
  it('derives wifi, router and device accounts and their previous, all inside the closed set', () => {
    const names = [
      secretAccountName(HOME),
      secretAccountName(HOME, 'previous'),
      secretAccountName({ kind: 'router' }),
      secretAccountName({ kind: 'router' }, 'previous'),
      secretAccountName({ kind: 'device', id: 'cam-1' }),
      secretAccountName({ kind: 'device', id: 'cam-1' }, 'previous'),
    ];
    expect(names).toEqual(['wifi/HomeNet', 'wifi/HomeNet/previous', 'router/admin', 'router/admin/previous', 'device/cam-1', 'device/cam-1/previous']);
    for (const n of names) expect(SecretAccountSchema.safeParse(n).success, n).toBe(true);
    expect(SecretAccountSchema.safeParse(secretAccountName({ kind: 'wifi', ssid: 'x'.repeat(32) }, 'previous')).success).toBe(true);
    expect(SecretAccountSchema.safeParse('router/admin/older').success).toBe(false);
    expect(() => secretAccountName({ kind: 'device', id: '../x' })).toThrow(/device id/);
    expect(() => secretAccountName({ kind: 'wifi', ssid: '' })).toThrow(/network/);
    // Current and previous never share an account: no SSID can name another network's previous
    // (refused, or encoded so that it names an account of its own).
    const nameOf = (ssid: string, g: 'current' | 'previous') => {
      try {
        return secretAccountName({ kind: 'wifi', ssid }, g);
      } catch {
        return null;
      }
    };
    expect(nameOf('HomeNet/previous', 'current')).not.toBe(nameOf('HomeNet', 'previous'));
    expect(nameOf('Home/previous/previous', 'current') ?? 'refused').not.toBe(nameOf('Home/previous', 'previous') ?? 'also refused');
  });
});

describe('keeping the previous secret', () => {
  it('first generation: stored, nothing to keep, no question asked', async () => {
    const { store, gens } = setup();
    const o = await gens.replace(HOME, 'first');
    expect(o).toMatchObject({ stored: true, previousKept: false, discarded: 'none', account: 'wifi/HomeNet', previousAccount: 'wifi/HomeNet/previous' });
    expect([...store.data]).toEqual([['wifi/HomeNet', 'first']]);
  });

  it('a second generation without the go-ahead is refused and changes nothing', async () => {
    const { store, gens } = setup();
    await gens.replace(HOME, 'first');
    await expect(gens.replace(HOME, 'second')).rejects.toMatchObject({ code: 'refused', message: expect.stringMatching(/already saved.*Nothing was changed/) });
    await expect(gens.replace(HOME, 'second', 'previous')).rejects.toMatchObject({ code: 'refused' });
    expect([...store.data]).toEqual([['wifi/HomeNet', 'first']]);
  });

  it('with the go-ahead: the new one is current, the old one kept as previous, both revealable', async () => {
    const { store, gens } = setup();
    await gens.replace(HOME, 'first');
    const o = await gens.replace(HOME, 'second', 'current');
    expect(o).toMatchObject({ stored: true, previousKept: true, discarded: 'none' });
    expect(store.data.get('wifi/HomeNet')).toBe('second');
    expect(store.data.get('wifi/HomeNet/previous')).toBe('first');
    expect(await gens.saved(HOME)).toEqual({ account: 'wifi/HomeNet', previousAccount: 'wifi/HomeNet/previous', current: true, previous: true });
    expect(await gens.reveal(HOME, 'current')).toEqual({ account: 'wifi/HomeNet', secret: 'second' });
    expect(await gens.reveal(HOME, 'previous')).toEqual({ account: 'wifi/HomeNet/previous', secret: 'first' });
  });

  it('a third generation asks again; keeping the newer discards the oldest, keeping the older discards the unconfirmed one', async () => {
    const a = setup();
    await a.gens.replace(HOME, 'first');
    await a.gens.replace(HOME, 'second', 'current');
    await expect(a.gens.replace(HOME, 'third')).rejects.toMatchObject({ code: 'refused', message: expect.stringMatching(/only one earlier one is kept/) });
    expect(a.store.data.get('wifi/HomeNet')).toBe('second');
    expect(await a.gens.replace(HOME, 'third', 'current')).toMatchObject({ stored: true, previousKept: true, discarded: 'oldest' });
    expect(Object.fromEntries(a.store.data)).toEqual({ 'wifi/HomeNet': 'third', 'wifi/HomeNet/previous': 'second' });

    const b = setup();
    await b.gens.replace(HOME, 'first');
    await b.gens.replace(HOME, 'second', 'current');
    expect(await b.gens.replace(HOME, 'third', 'previous')).toMatchObject({ stored: true, previousKept: true, discarded: 'unconfirmed' });
    expect(Object.fromEntries(b.store.data)).toEqual({ 'wifi/HomeNet': 'third', 'wifi/HomeNet/previous': 'first' });
  });

  it('confirming the new one in use removes the previous; the current stays', async () => {
    const { store, gens, log } = setup();
    await gens.replace(HOME, 'first');
    await gens.replace(HOME, 'second', 'current');
    expect(await gens.confirmInUse(HOME, 'rescan + owner')).toEqual({ previousAccount: 'wifi/HomeNet/previous', discarded: true });
    expect(Object.fromEntries(store.data)).toEqual({ 'wifi/HomeNet': 'second' });
    await expect(gens.reveal(HOME, 'previous')).rejects.toMatchObject({ code: 'not-found' });
    // After confirmation a new generation asks again, and keeps the confirmed one.
    await expect(gens.replace(HOME, 'third')).rejects.toMatchObject({ code: 'refused' });
    for (const line of log.lines) for (const s of ['first', 'second', 'third']) expect(line).not.toContain(`"${s}"`);
  });

  it('a login check confirms only the password it tried: one saved since then keeps the previous', async () => {
    const { store, gens } = setup();
    const ROUTER: SecretOwner = { kind: 'router' };
    await gens.replace(ROUTER, 'first');
    await gens.replace(ROUTER, 'second', 'current');
    expect(await gens.readForVerification(ROUTER)).toBe('second');
    await gens.replace(ROUTER, 'third', 'previous'); // a newer one, saved while the check ran
    await expect(gens.confirmInUse(ROUTER, 'login', 'second')).rejects.toMatchObject({ code: 'refused', message: expect.stringMatching(/changed while it was being checked/) });
    expect(Object.fromEntries(store.data)).toEqual({ 'router/admin': 'third', 'router/admin/previous': 'first' });
    expect(await gens.confirmInUse(ROUTER, 'login', 'third')).toEqual({ previousAccount: 'router/admin/previous', discarded: true });
    expect(Object.fromEntries(store.data)).toEqual({ 'router/admin': 'third' });
  });

  it('recovery codes are named by the same function, with no previous generation', () => {
    expect(secretAccountName({ kind: 'recovery-codes', accountId: 'amazon' })).toBe('account/amazon/recovery-codes');
    expect(SecretAccountSchema.safeParse(secretAccountName({ kind: 'recovery-codes', accountId: 'ring-2' })).success).toBe(true);
    expect(() => secretAccountName({ kind: 'recovery-codes', accountId: 'amazon' }, 'previous')).toThrow(PorchlightError);
    expect(() => secretAccountName({ kind: 'recovery-codes', accountId: '../x' })).toThrow(PorchlightError);
  });

  it('confirming with no new one saved refuses: the previous is then the only copy', async () => {
    const { store, gens } = setup();
    store.data.set('wifi/HomeNet/previous', 'only');
    await expect(gens.confirmInUse(HOME, 'rescan')).rejects.toMatchObject({ code: 'refused' });
    expect(store.data.get('wifi/HomeNet/previous')).toBe('only');
  });

  it('the owner discarding removes only the previous', async () => {
    const { store, gens } = setup();
    await gens.replace({ kind: 'router' }, 'old-admin');
    await gens.replace({ kind: 'router' }, 'new-admin', 'current');
    expect(await gens.discardPrevious({ kind: 'router' })).toEqual({ previousAccount: 'router/admin/previous', discarded: true });
    expect(Object.fromEntries(store.data)).toEqual({ 'router/admin': 'new-admin' });
    expect(await gens.discardPrevious({ kind: 'router' })).toMatchObject({ discarded: false });
  });

  it('owners do not share generations', async () => {
    const { store, gens } = setup();
    await gens.replace(HOME, 'home');
    await gens.replace({ kind: 'wifi', ssid: 'Home-IoT' }, 'iot');
    await gens.replace({ kind: 'device', id: 'cam-1' }, 'cam');
    expect(store.data.size).toBe(3);
  });
});

describe('keychain trouble never loses a saved secret', () => {
  it('the new one fails to store after the old one was kept: rolled back to exactly what was saved', async () => {
    const { store, gens } = setup();
    await gens.replace(HOME, 'first'); // write 1
    store.failWrite = 3; // write 2 keeps "first" as previous, write 3 (the new one) fails
    const o = await gens.replace(HOME, 'second', 'current');
    expect(o).toMatchObject({ stored: false, error: { code: 'keychain-unavailable' }, previousKept: false });
    expect(Object.fromEntries(store.data)).toEqual({ 'wifi/HomeNet': 'first' });
  });

  it('with two saved, a failed third write puts the oldest back', async () => {
    const { store, gens } = setup();
    await gens.replace(HOME, 'first');
    await gens.replace(HOME, 'second', 'current'); // writes 2, 3
    store.failWrite = 5;
    const o = await gens.replace(HOME, 'third', 'current');
    expect(o).toMatchObject({ stored: false, previousKept: true, discarded: 'none' });
    expect(Object.fromEntries(store.data)).toEqual({ 'wifi/HomeNet': 'second', 'wifi/HomeNet/previous': 'first' });
  });

  it('keeping the old one fails: nothing changed', async () => {
    const { store, gens } = setup();
    await gens.replace(HOME, 'first');
    store.failWrite = 2;
    expect(await gens.replace(HOME, 'second', 'current')).toMatchObject({ stored: false });
    expect(Object.fromEntries(store.data)).toEqual({ 'wifi/HomeNet': 'first' });
  });

  it('a keychain that cannot be read is not written to (it could hold the secret in use)', async () => {
    const { store, gens } = setup();
    store.data.set('wifi/HomeNet', 'in-use');
    store.unavailable = true;
    expect(await gens.replace(HOME, 'new')).toMatchObject({ stored: false, error: { code: 'keychain-unavailable' } });
    store.unavailable = false;
    expect(Object.fromEntries(store.data)).toEqual({ 'wifi/HomeNet': 'in-use' });
  });

  it('concurrent generations run one at a time: the second one is asked, not silently applied', async () => {
    const { store, gens } = setup();
    const results = await Promise.allSettled([gens.replace(HOME, 'a'), gens.replace(HOME, 'b')]);
    expect(store.overlapped).toBe(false);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(Object.fromEntries(store.data)).toEqual({ 'wifi/HomeNet': 'a' });
  });
});
