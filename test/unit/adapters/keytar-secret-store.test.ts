import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PorchlightError } from '../../../main/core/errors.js';
import { SecretService } from '../../../main/core/secrets/secret-service.js';
import { parseSearchItemsReply } from '../../../main/adapters/secret-service-lock.js';
import { createMessageFormatter, type MessageCatalog } from '../../../main/core/messages/index.js';
import en from '../../../renderer/i18n/en/messages.json' with { type: 'json' };

// A controllable stand-in for the native keytar module; the real one is exercised against a real
// Secret Service in test/integration/keychain.test.ts.
const kt = vi.hoisted(() => ({
  setPassword: vi.fn<(s: string, a: string, p: string) => Promise<void>>(),
  getPassword: vi.fn<(s: string, a: string) => Promise<string | null>>(),
  deletePassword: vi.fn<(s: string, a: string) => Promise<boolean>>(),
  findCredentials: vi.fn<(s: string) => Promise<{ account: string; password: string }[]>>(),
  findPassword: vi.fn<(s: string) => Promise<string | null>>(),
}));
vi.mock('keytar', () => ({ default: kt }));

const { ChildKeychainLister, LIST_ATTEMPTS } = await import('../../../main/adapters/keychain-lister.js');
const { KeytarSecretStore, KEYCHAIN_UNAVAILABLE_MESSAGE, KEYCHAIN_UNREADABLE_MESSAGE, KEYCHAIN_LOCKED_MESSAGE } = await import('../../../main/adapters/keytar-secret-store.js');

const SECRET = 'Pässwörd—🔐 "q\'uote" \\ back;slash:colon&&amp';
const silentLog = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

/** A store whose lock probes answer what the test says (null = "cannot tell", as off Linux). */
function store(probe: { lockedItems?: number | null; defaultLocked?: boolean | null } = {}) {
  const lockedItems = vi.fn(async () => probe.lockedItems ?? null);
  const defaultLocked = vi.fn(async () => probe.defaultLocked ?? null);
  // The listing child (keychain-lister.ts) runs keytar's findCredentials; here, in-process on the stand-in.
  const listAccounts = vi.fn(async (svc: string) => (await kt.findCredentials(svc)).map((c) => c.account));
  return { s: new KeytarSecretStore('Porchlight', lockedItems, defaultLocked, listAccounts), lockedItems, defaultLocked, listAccounts };
}

const english = createMessageFormatter({ en: en as MessageCatalog });
/** The English words of a message code with no params. */
const englishOf = (code: string) => english.format({ code, params: {} });

/** The error's code and its message code (the words are in the catalogs; see englishOf). */
async function codeOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PorchlightError);
  return { code: (err as PorchlightError).code, message: (err as PorchlightError).userMessage.code };
}

beforeEach(() => {
  for (const fn of Object.values(kt)) fn.mockReset();
});

describe('KeytarSecretStore error mapping', () => {
  it('stores under the Porchlight service and verifies by reading back', async () => {
    kt.setPassword.mockResolvedValue();
    kt.getPassword.mockResolvedValue(SECRET);
    await store().s.set('router/admin', SECRET);
    expect(kt.setPassword).toHaveBeenCalledWith('Porchlight', 'router/admin', SECRET);
    expect(kt.getPassword).toHaveBeenCalledWith('Porchlight', 'router/admin');
  });

  it.each(['setPassword', 'getPassword', 'deletePassword', 'findCredentials'] as const)(
    'maps a throwing %s to keychain-unavailable with the actionable message',
    async (fn) => {
      kt.setPassword.mockResolvedValue();
      kt.getPassword.mockResolvedValue(SECRET);
      kt[fn].mockRejectedValue(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY'));
      const { s } = store();
      const op = { setPassword: () => s.set('router/admin', SECRET), getPassword: () => s.get('router/admin'), deletePassword: () => s.delete('router/admin'), findCredentials: () => s.list() }[fn];
      const { code, message } = await codeOf(op());
      expect(code).toBe('keychain-unavailable');
      if (fn === 'setPassword') {
        expect(message).toBe(KEYCHAIN_UNAVAILABLE_MESSAGE);
        expect(englishOf(message)).toMatch(/NOT stored/);
      } else {
        expect(message).toBe(KEYCHAIN_UNREADABLE_MESSAGE); // a read must not claim "not stored"
        expect(englishOf(message)).toMatch(/nothing was changed/);
      }
      expect(englishOf(message)).toMatch(/Unlock your keychain/);
      expect(englishOf(message)).not.toContain(SECRET);
      expect(englishOf(message)).not.toContain('DISPLAY'); // library internals stay out of the user's message
    },
  );

  it('keeps the library error as the cause for the log, not the message', async () => {
    kt.setPassword.mockRejectedValue(new Error('org.freedesktop.DBus.Error.ServiceUnknown'));
    const err = await store().s.set('router/admin', SECRET).catch((e: unknown) => e as PorchlightError);
    expect((err as PorchlightError).cause).toBeInstanceOf(Error);
  });

  it('detects a silently dropped write by reading back (null)', async () => {
    kt.setPassword.mockResolvedValue();
    kt.getPassword.mockResolvedValue(null);
    expect(await codeOf(store().s.set('wifi/Home', SECRET))).toEqual({ code: 'keychain-unavailable', message: KEYCHAIN_UNAVAILABLE_MESSAGE });
  });

  it('detects a mangled write by reading back (a truncated or re-encoded value)', async () => {
    kt.setPassword.mockResolvedValue();
    kt.getPassword.mockResolvedValue(SECRET.normalize('NFD'));
    expect((await codeOf(store().s.set('wifi/Home', SECRET))).code).toBe('keychain-unavailable');
    kt.getPassword.mockResolvedValue(SECRET.slice(0, 5));
    expect((await codeOf(store().s.set('wifi/Home', SECRET))).code).toBe('keychain-unavailable');
  });

  it('lists account names only, never the passwords keytar hands back', async () => {
    kt.findCredentials.mockResolvedValue([
      { account: 'wifi/Home', password: SECRET },
      { account: 'router/admin', password: 'x' },
    ]);
    expect(await store().s.list()).toEqual(['wifi/Home', 'router/admin']);
  });

  it('through the core: a failing keychain is "not stored" with the code and message, never a throw', async () => {
    kt.setPassword.mockRejectedValue(new Error('no Secret Service'));
    const svc = new SecretService(store().s, silentLog);
    expect(await svc.put('router/admin', SECRET)).toEqual({
      account: 'router/admin',
      stored: false,
      error: { code: 'keychain-unavailable', message: expect.any(String), userMessage: { code: KEYCHAIN_UNAVAILABLE_MESSAGE, params: {} } },
    });
    kt.findCredentials.mockRejectedValue(new Error('no Secret Service'));
    expect(await svc.list()).toEqual({ available: false, accounts: [], error: { code: 'keychain-unavailable', message: expect.any(String), userMessage: { code: KEYCHAIN_UNREADABLE_MESSAGE, params: {} } } });
    const logged = JSON.stringify([silentLog.info.mock.calls, silentLog.warn.mock.calls, silentLog.error.mock.calls]);
    expect(logged).not.toContain('Pässwörd');
  });
});

describe('KeytarSecretStore with a locked keychain', () => {
  it('says "locked" when a write fails and the default collection is locked', async () => {
    kt.setPassword.mockRejectedValue(new Error('Cannot create an item in a locked collection'));
    expect(await codeOf(store({ defaultLocked: true }).s.set('router/admin', SECRET))).toEqual({ code: 'keychain-unavailable', message: KEYCHAIN_LOCKED_MESSAGE });
  });

  it('tells a locked item apart from a missing one on get and delete', async () => {
    kt.getPassword.mockResolvedValue(null);
    kt.deletePassword.mockResolvedValue(false);
    expect((await codeOf(store({ lockedItems: 1 }).s.get('router/admin'))).message).toBe(KEYCHAIN_LOCKED_MESSAGE);
    expect((await codeOf(store({ lockedItems: 1 }).s.delete('router/admin'))).message).toBe(KEYCHAIN_LOCKED_MESSAGE);
    expect(await store({ lockedItems: 0 }).s.get('router/admin')).toBeNull();
    expect(await store({ lockedItems: 0 }).s.delete('router/admin')).toBe(false);
  });

  it('never calls findCredentials (which crashes on locked items) while items stay locked', async () => {
    kt.findPassword.mockResolvedValue(null);
    const { s, lockedItems } = store({ lockedItems: 2 });
    expect((await codeOf(s.list())).message).toBe(KEYCHAIN_LOCKED_MESSAGE);
    expect(kt.findPassword).toHaveBeenCalledWith('Porchlight'); // gives a desktop the chance to prompt for unlock
    expect(kt.findCredentials).not.toHaveBeenCalled();
    expect(lockedItems).toHaveBeenCalledTimes(2);
  });

  it('lists normally once the unlock prompt succeeded', async () => {
    kt.findPassword.mockResolvedValue('x');
    kt.findCredentials.mockResolvedValue([{ account: 'device/cam-1', password: 'x' }]);
    const lockedItems = vi.fn<(s: string) => Promise<number | null>>().mockResolvedValueOnce(1).mockResolvedValueOnce(0);
    const s = new KeytarSecretStore('Porchlight', lockedItems, async () => false, async (svc: string) => (await kt.findCredentials(svc)).map((c) => c.account));
    expect(await s.list()).toEqual(['device/cam-1']);
  });
});

describe('parseSearchItemsReply', () => {
  it('reads the unlocked and locked arrays of a dbus-send reply', () => {
    const reply = `method return time=1 sender=:1.1 -> destination=:1.5 serial=15 reply_serial=2
   array [
   ]
   array [
      object path "/org/freedesktop/secrets/collection/login/1"
      object path "/org/freedesktop/secrets/collection/login/2"
   ]
`;
    expect(parseSearchItemsReply(reply)).toEqual({ unlocked: 0, locked: 2 });
    expect(parseSearchItemsReply('Error org.freedesktop.DBus.Error.ServiceUnknown')).toBeNull();
  });
});

describe('KeytarSecretStore: one queue per process', () => {
  it('never lets two native calls overlap, across stores of the same process', async () => {
    let running = 0;
    let most = 0;
    const slow = <T,>(v: T) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 2));
      running--;
      return v;
    };
    kt.setPassword.mockImplementation(slow(undefined));
    kt.getPassword.mockImplementation(slow(SECRET));
    kt.deletePassword.mockImplementation(slow(true));
    kt.findCredentials.mockImplementation(slow([{ account: 'router/admin', password: SECRET }]));
    const a = store().s;
    const b = store().s;
    const ops: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      const s = i % 2 ? a : b;
      ops.push(s.set(`device/d${i}`, SECRET), s.delete(`device/d${i}`), s.list(), s.get('router/admin'));
    }
    await Promise.all(ops);
    expect(most).toBe(1);
    expect(kt.findCredentials).toHaveBeenCalled();
  });

  it('a failing operation does not stall the queue behind it', async () => {
    kt.getPassword.mockRejectedValueOnce(new Error('boom')).mockResolvedValue(SECRET);
    const { s } = store();
    await expect(s.get('router/admin')).rejects.toBeInstanceOf(PorchlightError);
    expect(await s.get('router/admin')).toBe(SECRET);
  });
});

describe('ChildKeychainLister: a listing child that dies is replaced and asked again', () => {
  type Handlers = { msg?: (m: unknown) => void; exit?: (c: number | null, s: string | null) => void };
  function fakeChild(behaviour: 'crash' | 'answer', h: Handlers, started: { n: number }) {
    started.n++;
    return {
      send: (m: unknown) =>
        setTimeout(() => {
          const { id } = m as { id: number };
          if (behaviour === 'crash') h.exit?.(null, 'SIGSEGV');
          else h.msg?.({ id, accounts: ['router/admin'] });
        }, 1),
      onMessage: (fn: (m: unknown) => void) => void (h.msg = fn),
      onExit: (fn: (c: number | null, s: string | null) => void) => void (h.exit = fn),
      kill: () => undefined,
      ref: () => undefined,
    };
  }

  it('retries in a fresh child after a crash and answers', async () => {
    const started = { n: 0 };
    const plan: ('crash' | 'answer')[] = ['crash', 'crash', 'answer'];
    const lister = new ChildKeychainLister(async () => fakeChild(plan.shift() ?? 'answer', {}, started));
    expect(await lister.list('Porchlight')).toEqual(['router/admin']);
    expect(started.n).toBe(3);
    expect(lister.crashes).toBe(2);
  });

  it('gives up after LIST_ATTEMPTS crashes with an error (never a crash of its own)', async () => {
    const started = { n: 0 };
    const lister = new ChildKeychainLister(async () => fakeChild('crash', {}, started));
    await expect(lister.list('Porchlight')).rejects.toThrow(/SIGSEGV/);
    expect(started.n).toBe(LIST_ATTEMPTS);
  });

  it('the store turns a failed listing into keychain-unavailable', async () => {
    const s = new KeytarSecretStore('Porchlight', async () => null, async () => null, async () => {
      throw new Error('the listing process ended (SIGSEGV)');
    });
    const { code, message } = await codeOf(s.list());
    expect(code).toBe('keychain-unavailable');
    expect(message).toBe(KEYCHAIN_UNREADABLE_MESSAGE);
  });
});
