/**
 * The headless audit is the same audit: a profile prepared through the core as the app does it
 * (the survey started over the loopback lab — its scope saved as the owner's consent —, the router's
 * factory-login check on its admin page, each measured check's "check again"), then the BUILT
 * `porchlight audit --json` on that profile with no scope flags: it re-runs every verifier within
 * the saved scope (the lab's access log shows its probes) and reports the same status for every
 * check as the app's board.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscoveryLab, type DiscoveryLab } from '../lab/discovery/lab.js';
import { startHttpLoginLab, type HttpLoginLab } from '../lab/http-logins/lab.js';
import { createFakeNmcli, fakeNmcliEnv, homeState } from '../lab/fake-nmcli/state.js';
import { createNodeCore } from '../../main/compose.js';
import { nodeNetworkDeps } from '../../main/adapters/network/index.js';
import { surveyHandlers } from '../../main/ipc/handlers/survey.js';
import { CHECK_IDS } from '../../main/core/checks/verifiers/index.js';
import { MemorySecretStore } from '../support/fakes.js';
import { runCliAudit, type CliAuditRun } from './cli-audit.js';
import { buildNodeBundles } from './built-bundles.js';

const ROOT = process.cwd();
const GATEWAY = '127.0.5.1';

let discovery: DiscoveryLab;
let logins: HttpLoginLab;
let fake: ReturnType<typeof createFakeNmcli>;
let profile: string;
let env: NodeJS.ProcessEnv;

function cliAudit(): Promise<CliAuditRun> {
  return runCliAudit(['--seconds', '6'], env);
}

beforeAll(async () => {
  buildNodeBundles(ROOT);
  profile = mkdtempSync(join(tmpdir(), 'porchlight-same-audit-'));
  [discovery, logins] = await Promise.all([startDiscoveryLab(), startHttpLoginLab()]);
  fake = createFakeNmcli(homeState('Lab-Home', 'wpa2'));
  env = { ...process.env, ...fakeNmcliEnv(fake), PORCHLIGHT_PROFILE: profile, PORCHLIGHT_NEIGHBOR_TABLE: discovery.neighborFile, PORCHLIGHT_PROBE_DELAY_MS: '50', PORCHLIGHT_PROBE_TIMEOUT_MS: '1500' };
  Object.assign(process.env, fakeNmcliEnv(fake), { PORCHLIGHT_PROBE_DELAY_MS: '50', PORCHLIGHT_PROBE_TIMEOUT_MS: '1500' });
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([discovery?.stop(), logins?.stop()]);
});

describe('porchlight audit on a profile the app prepared, with no scope flags', () => {
  it('re-probes within the saved scope and reports the same status for every check as the app', async () => {
    const adminHost = `${GATEWAY}:${logins.servers['basic-factory'].port}`;
    // The app: the harness's lab scope, the owner's survey, the router check, each step's "check again".
    const labScope = { interface: 'lo', interfaceAddress: '127.0.0.1', prefixLength: 8, gateway: GATEWAY, seconds: 6 };
    const app = createNodeCore({ host: 'harness', profileDir: profile, opener: { async open() {} }, secrets: new MemorySecretStore(), network: nodeNetworkDeps({ neighborFile: discovery.neighborFile, fixedScope: () => labScope }) });
    // the welcome step: the owner allows every look
    await surveyHandlers['survey:consent'](app, { wifiScan: true, routerIdentity: true, deviceDiscovery: true, credentialProbe: true });
    await surveyHandlers['survey:start'](app, {} as never);
    for (let i = 0; i < 300 && app.survey!.service.progress().running; i++) await new Promise((r) => setTimeout(r, 100));
    expect(app.survey!.service.progress().phase).toBe('done');
    expect(app.model.read().scope).toMatchObject({ interface: 'lo', gateway: GATEWAY });
    await app.credentials.probe({ kind: 'router' }, { host: adminHost, consent: true });
    app.model.setAnswer('iotSsid', 'Lab-Home-IoT');
    for (const id of CHECK_IDS) if (id !== 'docs.report') await app.recheck(id);
    const board = app.audit.current();
    const appStatus = Object.fromEntries(board.checks.map((c) => [c.id, c.status]));
    expect(appStatus['wifi.encryption']).toBe('warn');
    expect(appStatus['router.admin-default']).toBe('fail');
    expect(appStatus['network.iot-segment']).toBe('fail');
    expect(appStatus['devices.inventory']).toBe('warn');

    // The headless audit on the same profile, nothing on the command line naming a scope.
    await logins.flushLogs();
    const before = logins.credentialAttempts('basic-factory');
    const { code, report, stderr } = await cliAudit();
    expect(code, stderr).toBe(1);
    await logins.flushLogs();
    expect(logins.credentialAttempts('basic-factory')).toBeGreaterThan(before);
    expect(Object.fromEntries(report.checks.map((c) => [c.id, c.status]))).toEqual(appStatus);
    for (const id of ['wifi.encryption', 'router.admin-default', 'network.iot-segment', 'devices.inventory']) {
      const c = report.checks.find((x) => x.id === id)!;
      expect(c.evidence.kind).toBe('verified');
      expect(c.evidence.at! > board.at).toBe(true);
    }
    expect(report.inventory.map((d) => d.ip)).toEqual(expect.arrayContaining(['127.0.0.40', '127.0.0.41', '127.0.0.42']));
  }, 240_000);

  it('re-runs only what the owner allowed in the app: no Wi-Fi scan and no login probe once they said no, each kept with its date and why', async () => {
    // the owner changes two answers on the welcome step of the same profile (the app wrote them through the core)
    const app = createNodeCore({ host: 'harness', profileDir: profile, opener: { async open() {} }, secrets: new MemorySecretStore() });
    await surveyHandlers['survey:consent'](app, { wifiScan: false, credentialProbe: false });
    expect(app.model.read().consent).toMatchObject({ wifiScan: false, credentialProbe: false, deviceDiscovery: true });
    const previous = app.audit.latest()!;
    const nmcliBefore = fake.calls().length;
    await logins.flushLogs();
    const loginsBefore = logins.credentialAttempts('basic-factory');

    const { report, stderr } = await cliAudit();
    // the fake nmcli on PATH was never run by the audit, and the router's login page saw no attempt
    expect(fake.calls().length).toBe(nmcliBefore);
    await logins.flushLogs();
    expect(logins.credentialAttempts('basic-factory')).toBe(loginsBefore);
    expect(stderr).toMatch(/you said no in the app to scanning for Wi-Fi networks, trying factory passwords/);
    const was = (id: string) => previous.checks.find((c) => c.id === id)!;
    for (const [id, code] of [['wifi.encryption', 'consent.kept.wifi-scan'], ['network.iot-segment', 'consent.kept.wifi-scan'], ['router.admin-default', 'consent.kept.credential-probe']] as const) {
      const c = report.checks.find((x) => x.id === id)!;
      // status as before, with the date it was measured — not today's
      expect(c.status).toBe(was(id).status);
      expect(c.evidence).toMatchObject({ kind: 'verified', at: (was(id).evidence as { at: string }).at });
      expect(c.detailMessage?.code).toBe(code);
      expect(stderr).toContain(`not re-checked: ${c.title}`);
    }
    // what was allowed still ran: the survey of the saved scope
    const inv = report.checks.find((x) => x.id === 'devices.inventory')!;
    expect(inv.evidence.at! > previous.at).toBe(true);
  }, 240_000);
});

