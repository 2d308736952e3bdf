import { describe, expect, it } from 'vitest';
import { dispatch, type SenderInfo } from '../../../main/ipc/register.js';
import { fakeCore } from '../../support/fakes.js';
import { isGeneratedSecretAccount } from '../../../main/core/secrets/accounts.js';

const APP = 'app://porchlight';
const opts = { allowedOrigins: [APP] };
const good: SenderInfo = { origin: APP, isMainFrame: true };

const GENERATED = ['wifi/HomeNet', 'wifi/HomeNet/previous', 'wifi/Home IoT', 'router/admin', 'router/admin/previous', 'device/cam-1', 'device/cam-1/previous'];

describe('secrets:set and secrets:delete cannot touch a generated secret', () => {
  it.each(GENERATED)('refuses to overwrite %s, in plain words, and leaves the saved one as it was', async (account) => {
    const f = fakeCore();
    f.secrets.data.set(account, 'the-one-in-use');
    const r = await dispatch(f.core, 'secrets:set', { account, secret: 'an-overwrite' }, good, opts);
    expect(r).toMatchObject({ ok: false, error: { code: 'refused' } });
    const message = r.ok ? '' : r.error.message;
    expect(message).toMatch(/cannot be overwritten directly: nothing was changed/);
    expect(message).toMatch(/Make a new one in its step/);
    expect(message).not.toContain(account); // plain words, no raw account id
    expect(f.secrets.data.get(account)).toBe('the-one-in-use');
  });

  it.each(GENERATED)('refuses to delete %s and keeps it', async (account) => {
    const f = fakeCore();
    f.secrets.data.set(account, 'the-one-in-use');
    const r = await dispatch(f.core, 'secrets:delete', { account }, good, opts);
    expect(r).toMatchObject({ ok: false, error: { code: 'refused', message: expect.stringMatching(/cannot be deleted directly: nothing was changed/) } });
    expect(f.secrets.data.get(account)).toBe('the-one-in-use');
  });

  it('refuses without even reading the keychain (nothing reaches it)', async () => {
    const f = fakeCore();
    const before = f.secrets.calls;
    await dispatch(f.core, 'secrets:set', { account: 'router/admin', secret: 'x' }, good, opts);
    await dispatch(f.core, 'secrets:delete', { account: 'wifi/HomeNet/previous' }, good, opts);
    expect(f.secrets.calls).toBe(before);
  });

  it('still stores and deletes recovery codes, which are not generated', async () => {
    const f = fakeCore();
    const account = 'account/amazon/recovery-codes';
    expect(await dispatch(f.core, 'secrets:set', { account, secret: 'code-1 code-2' }, good, opts)).toEqual({ ok: true, value: { account, stored: true } });
    expect(f.secrets.data.get(account)).toBe('code-1 code-2');
    expect(await dispatch(f.core, 'secrets:delete', { account }, good, opts)).toEqual({ ok: true, value: { deleted: true } });
    expect(f.secrets.data.has(account)).toBe(false);
  });

  it('the generated-account rule covers exactly the generated shapes', () => {
    for (const a of GENERATED) expect(isGeneratedSecretAccount(a)).toBe(true);
    for (const a of ['account/amazon/recovery-codes', 'account/wifi/recovery-codes', 'router/adminx', 'routers/admin']) expect(isGeneratedSecretAccount(a)).toBe(false);
  });
});
