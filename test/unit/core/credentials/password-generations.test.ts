/**
 * The router and device passwords through the passwords channels: a new password over a saved one
 * needs the owner's go-ahead and keeps the old one as `<account>/previous` until the owner discards it.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fakeCore } from '../../../support/fakes.js';
import { passwordsChannels } from '../../../../main/ipc/channels/passwords.js';
import { passwordsHandlers } from '../../../../main/ipc/handlers/passwords.js';

type Ch = typeof passwordsChannels;
const parse = <C extends keyof Ch>(c: C, args: unknown) => passwordsChannels[c].args.parse(args) as z.output<Ch[C]['args']>;

describe('a new router password keeps the old one', () => {
  it('asks first, keeps router/admin/previous (revealable), discards it only on the owner’s word', async () => {
    const { core, secrets, progress, log } = fakeCore();
    const router = { target: { kind: 'router' } };
    const first = await passwordsHandlers['passwords:generate'](core, parse('passwords:generate', router));
    expect(first).toMatchObject({ account: 'router/admin', previousAccount: 'router/admin/previous', previousKept: false, stored: true });
    passwordsChannels['passwords:generate'].result.parse(first);

    await expect(passwordsHandlers['passwords:generate'](core, parse('passwords:generate', router))).rejects.toMatchObject({ code: 'refused' });
    expect(secrets.data.get('router/admin')).toBe(first.password);

    const second = await passwordsHandlers['passwords:generate'](core, parse('passwords:generate', { ...router, keep: 'current' }));
    expect(second).toMatchObject({ stored: true, previousKept: true, discarded: 'none' });
    expect(Object.fromEntries(secrets.data)).toEqual({ 'router/admin': second.password, 'router/admin/previous': first.password });
    expect(await passwordsHandlers['passwords:saved'](core, parse('passwords:saved', router))).toEqual({ account: 'router/admin', previousAccount: 'router/admin/previous', current: true, previous: true });
    expect(await core.secrets.reveal('router/admin/previous')).toBe(first.password);

    expect(await passwordsHandlers['passwords:discard-previous'](core, parse('passwords:discard-previous', router))).toEqual({ previousAccount: 'router/admin/previous', discarded: true });
    expect(Object.fromEntries(secrets.data)).toEqual({ 'router/admin': second.password });
    for (const p of [first.password, second.password]) {
      expect(JSON.stringify(progress.read())).not.toContain(p);
      expect(JSON.stringify(log.lines)).not.toContain(p);
    }
  });

  it('devices get their own previous; the go-ahead is a closed choice', async () => {
    const { core, secrets } = fakeCore();
    const cam = { target: { kind: 'device', id: 'cam-1' } };
    await passwordsHandlers['passwords:generate'](core, parse('passwords:generate', cam));
    await passwordsHandlers['passwords:generate'](core, parse('passwords:generate', { ...cam, keep: 'current' }));
    expect([...secrets.data.keys()].sort()).toEqual(['device/cam-1', 'device/cam-1/previous']);
    expect(() => parse('passwords:generate', { ...cam, keep: 'yes' })).toThrow();
  });
});
