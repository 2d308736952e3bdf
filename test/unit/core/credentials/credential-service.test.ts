import { DeviceRecordSchema } from '../../../../main/core/model/index.js';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createCore } from '../../../../main/core/app-core.js';
import { resourcesDir } from '../../../../main/compose.js';
import { DEFAULT_HISTORY, DEFAULT_PROGRESS, DEFAULT_SETTINGS, type History, type Progress, type Settings } from '../../../../main/core/store/documents.js';
import { FixedClock, MemoryDocument, MemoryLogger, MemorySecretStore, RecordingOpener } from '../../../support/fakes.js';
import { passwordsChannels } from '../../../../main/ipc/channels/passwords.js';
import { passwordsHandlers } from '../../../../main/ipc/handlers/passwords.js';
import { basicServer, ScriptedHttp } from './fake-http.js';
import { words } from '../../../support/words.js';

function setup() {
  let routerPass = 'password';
  let camPass = 'admin';
  const http = new ScriptedHttp((req) => (req.host === '192.168.1.1' ? basicServer('admin', routerPass) : basicServer('admin', camPass))(req, 0));
  const secrets = new MemorySecretStore();
  const progress = new MemoryDocument<Progress>(DEFAULT_PROGRESS);
  const log = new MemoryLogger();
  const core = createCore({
    host: 'harness',
    version: '0.0.0-test',
    platform: 'linux',
    resourcesDir: resourcesDir(),
    secrets,
    settings: new MemoryDocument<Settings>(DEFAULT_SETTINGS),
    progress,
    history: new MemoryDocument<History>(DEFAULT_HISTORY),
    clock: new FixedClock(),
    log,
    opener: new RecordingOpener(),
    httpProber: http,
    proberSettings: { delayMs: 0, requestTimeoutMs: 500 },
  });
  return { core, http, secrets, progress, log, setRouter: (p: string) => (routerPass = p), setCam: (p: string) => (camPass = p) };
}

type Ch = typeof passwordsChannels;
const parse = <C extends keyof Ch>(c: C, args: unknown) => passwordsChannels[c].args.parse(args) as z.output<Ch[C]['args']>;

describe('passwords step (core + handlers)', () => {
  it('router: default found → fail; generate into the keychain; after the change re-verify → pass', async () => {
    const { core, http, secrets, progress, log, setRouter } = setup();
    const probe = await passwordsHandlers['passwords:probe'](core, parse('passwords:probe', { target: { kind: 'router' }, host: '192.168.1.1', vendor: 'NETGEAR R7000', consent: true }));
    expect(probe.report).toMatchObject({ result: 'default-accepted', matched: { username: 'admin', password: 'password' } });
    expect(probe.check).toMatchObject({ id: 'router.admin-default', status: 'fail' });
    expect(core.checks.get('router.admin-default').evidence.kind).toBe('verified');

    const gen = await passwordsHandlers['passwords:generate'](core, parse('passwords:generate', { target: { kind: 'router' } }));
    expect(gen).toMatchObject({ account: 'router/admin', stored: true, error: null, score: 4 });
    expect(gen.password.length).toBeGreaterThanOrEqual(16);
    expect(secrets.data.get('router/admin')).toBe(gen.password);
    passwordsChannels['passwords:generate'].result.parse(gen);

    // not changed yet: still fails
    const early = await passwordsHandlers['passwords:reverify'](core, parse('passwords:reverify', { target: { kind: 'router' }, host: '192.168.1.1', vendor: 'netgear', consent: true }));
    expect(early).toMatchObject({ passed: false, check: { status: 'fail' } });

    setRouter(gen.password);
    const after = await passwordsHandlers['passwords:reverify'](core, parse('passwords:reverify', { target: { kind: 'router' }, host: '192.168.1.1', vendor: 'netgear', consent: true }));
    expect(after).toMatchObject({ passed: true, report: { result: 'default-rejected' }, check: { status: 'pass' } });
    // 1 + 1 (accepted at once) + 2 (both NETGEAR defaults refused) = 4 ≤ 5 for this audit
    expect(after.report.auditAttempts).toBe(4);
    expect(after.report.attempts).toBe(2);
    // one count everywhere: the requests the router saw, the report the step shows, the check's evidence
    expect(http.credentialRequests().filter((q) => q.host === '192.168.1.1')).toHaveLength(4);
    expect(words(core.checks.get('router.admin-default').reason)).toContain('4 of 5 password tries used on this device in this audit (2 by this check).');
    expect(words(core.checks.get('router.admin-default').detail)).toBe('NETGEAR asks for a browser password prompt (HTTP Basic).');
    passwordsChannels['passwords:reverify'].result.parse(after);

    // the secret is nowhere but the keychain
    expect(JSON.stringify(progress.read())).not.toContain(gen.password);
    expect(JSON.stringify(log.lines)).not.toContain(gen.password);
  });

  it('devices: one default login fails the check until every probed device refuses its defaults', async () => {
    const { core, setCam } = setup();
    core.model.putDevice(DeviceRecordSchema.parse({ id: 'cam-1', ip: '192.168.1.20', mac: null, vendor: 'TRENDnet', model: null, category: 'camera', names: [], services: [], firstSeen: null, lastSeen: null, userName: 'Porch camera' }));
    const cam = { target: { kind: 'device', id: 'cam-1' }, host: '192.168.1.20', vendor: 'trendnet', consent: true };
    const r1 = await passwordsHandlers['passwords:probe'](core, parse('passwords:probe', cam));
    expect(r1.check).toMatchObject({ id: 'devices.default-passwords', status: 'fail', reason: { code: 'credentials.devices.accepted', params: { count: 1, names: 'Porch camera' } } });
    expect(words(r1.check.reason)).toBe('1 device still accepts a factory login: Porch camera.');
    const gen = await passwordsHandlers['passwords:generate'](core, parse('passwords:generate', { target: { kind: 'device', id: 'cam-1' } }));
    expect(gen.account).toBe('device/cam-1');
    setCam(gen.password);
    const r2 = await passwordsHandlers['passwords:reverify'](core, parse('passwords:reverify', cam));
    expect(r2).toMatchObject({ passed: true, check: { status: 'pass' } });
    expect(words(r2.check.reason)).toBe('The checked device login refused its factory defaults.');
    expect(words(core.checks.get('devices.default-passwords').detail)).toBe('Checked 1 device login: Porch camera.');
  });

  it('an unknown result never passes; a public host is refused; consent must be literally true', async () => {
    const { core, http } = setup();
    const eero = await passwordsHandlers['passwords:reverify'](core, parse('passwords:reverify', { target: { kind: 'router' }, host: '192.168.1.1', vendor: 'eero', consent: true }));
    expect(eero).toMatchObject({ passed: false, check: { status: 'unknown' } });
    await expect(passwordsHandlers['passwords:probe'](core, parse('passwords:probe', { target: { kind: 'router' }, host: '8.8.8.8', consent: true }))).rejects.toThrow(/public/);
    expect(() => parse('passwords:probe', { target: { kind: 'router' }, host: '192.168.1.1', consent: false })).toThrow();
    expect(() => parse('passwords:generate', { target: { kind: 'device', id: '../../etc' } })).toThrow();
    expect(http.requests.filter((r) => r.host === '8.8.8.8')).toHaveLength(0);
  });

  it('targets: without a survey in this host, no gateway and no devices (nothing invented)', async () => {
    const { core } = setup();
    const t = await passwordsHandlers['passwords:targets'](core, {});
    expect(t).toEqual({ gateway: null, routerVendorId: null, devices: [] });
    passwordsChannels['passwords:targets'].result.parse(t);
  });

  it('keychain unavailable → the password is shown but marked not stored', async () => {
    const { core, secrets } = setup();
    secrets.unavailable = true;
    const gen = await passwordsHandlers['passwords:generate'](core, parse('passwords:generate', { target: { kind: 'router' } }));
    expect(gen).toMatchObject({ stored: false, error: { code: 'keychain-unavailable' } });
  });
});
