/**
 * The BUILT `porchlight defaults check` (dist/cli.mjs) against the loopback lab of real lighttpd
 * admin pages. The servers' own access logs are the witness for how many attempts were made.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpLoginLab, type HttpLoginLab, type LabServerName } from '../lab/http-logins/lab.js';
import { runCli } from '../../main/cli/run.js';
import { buildNodeBundles } from './built-bundles.js';

const ROOT = process.cwd();
const CLI = join(ROOT, 'dist', 'cli.mjs');
const TIMEOUT_MS = 1500;

let lab: HttpLoginLab;
let profile: string;
/** What every run reported, per host:port: one run is one audit (the CLI keeps its ledger in memory). */
const reported = new Map<string, number[]>();

beforeAll(async () => {
  buildNodeBundles(ROOT);
  profile = mkdtempSync(join(tmpdir(), 'porchlight-defaults-profile-'));
  lab = await startHttpLoginLab();
});

afterAll(async () => {
  await lab?.stop();
});

interface CliReport {
  host: string;
  login: string | null;
  vendor: string | null;
  result: 'default-accepted' | 'default-rejected' | 'unknown';
  attempts: number;
  auditAttempts: number;
  matched: { username: string; password: string } | null;
  reason: string;
  certificate: string;
  triedLogins: { username: string; password: string }[];
  evidence: string[];
}

/** Runs the built CLI asynchronously (the hung listener lives in this process and must keep accepting). */
function check(args: string[]): Promise<{ code: number | null; report: CliReport; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'defaults', 'check', ...args, '--json', '--delay-ms', '50', '--timeout-ms', String(TIMEOUT_MS)], {
      cwd: ROOT,
      env: { ...process.env, PORCHLIGHT_PROFILE: profile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      try {
        const report = JSON.parse(stdout) as CliReport;
        const host = args[args.indexOf('--host') + 1]!;
        reported.set(host, [...(reported.get(host) ?? []), report.attempts]);
        resolve({ code, report, stderr, ms: Date.now() - started });
      } catch (err) {
        reject(new Error(`CLI printed no JSON (exit ${code}): ${stdout} ${stderr}`, { cause: err }));
      }
    });
  });
}

async function attempts(name: LabServerName) {
  await lab.flushLogs();
  return lab.credentialAttempts(name);
}

describe('porchlight defaults check against the lab (built CLI)', () => {
  it('finds the factory password on HTTP Basic (NETGEAR admin/password) and exits 1', async () => {
    const s = lab.servers['basic-factory'];
    const r = await check(['--host', s.target, '--vendor', 'netgear']);
    expect(r.code).toBe(1);
    expect(r.report).toMatchObject({ host: s.target, login: 'basic', vendor: 'NETGEAR', result: 'default-accepted', attempts: 1, matched: { username: 'admin', password: 'password' } });
    expect(await attempts('basic-factory')).toBe(1);
  });

  it('finds the factory password on HTTP Digest (Hikvision admin/12345)', async () => {
    const s = lab.servers['digest-factory'];
    const r = await check(['--host', s.target, '--vendor', 'hikvision']);
    expect(r.code).toBe(1);
    expect(r.report).toMatchObject({ login: 'digest', result: 'default-accepted', matched: { username: 'admin', password: '12345' } });
    const lines = (await lab.flushLogs(), lab.accessLines('digest-factory'));
    // the server itself granted access: a 200 to a request carrying a Digest response
    expect(lines.some((l) => /" 200 /.test(l) && /auth="Digest /.test(l))).toBe(true);
    expect(lab.credentialAttempts('digest-factory')).toBe(1);
  });

  it('reports default-rejected where the password was changed, trying only NETGEAR defaults, exit 0', async () => {
    const s = lab.servers['basic-changed'];
    const r = await check(['--host', s.target, '--vendor', 'netgear']);
    expect(r.code).toBe(0);
    expect(r.report).toMatchObject({ login: 'basic', result: 'default-rejected', attempts: 2, matched: null });
    const lines = (await lab.flushLogs(), lab.accessLines('basic-changed'));
    expect(lines.filter((l) => !/auth="-"/.test(l)).every((l) => /" 401 /.test(l))).toBe(true);
    expect(lab.credentialAttempts('basic-changed')).toBe(2);
  });

  it('finds the factory login on an HTML form, with and without the vendor', async () => {
    const s = lab.servers['form-factory'];
    const withVendor = await check(['--host', s.target, '--vendor', 'asus']);
    expect(withVendor.code).toBe(1);
    expect(withVendor.report).toMatchObject({ login: 'form', vendor: 'ASUS', result: 'default-accepted', attempts: 1, matched: { username: 'admin', password: 'admin' } });
    const generic = await check(['--host', s.target]);
    expect(generic.code).toBe(1);
    expect(generic.report).toMatchObject({ login: 'form', vendor: null, result: 'default-accepted', matched: { username: 'admin', password: 'admin' } });
    expect(await attempts('form-factory')).toBe(2);
  });

  it('the form that answers 200 "Login successful" to everything: never accepted, and not a false "refused" either', async () => {
    const s = lab.servers['form-always-200'];
    const r = await check(['--host', s.target]);
    expect(r.report.result).not.toBe('default-accepted');
    expect(r.report).toMatchObject({ login: 'form', result: 'unknown', matched: null });
    expect(r.report.reason).toMatch(/as if the login worked, but no protected page opened/);
    expect(r.code).toBe(2);
    const n = await attempts('form-always-200');
    expect(n).toBe(r.report.attempts);
    expect(r.report.auditAttempts).toBe(n);
    expect(n).toBeLessThanOrEqual(5);
    // every attempt really got the decoy 200
    expect(lab.accessLines('form-always-200').filter((l) => /"POST \/login\.py /.test(l)).every((l) => /" 200 /.test(l))).toBe(true);
  });

  it('a static login page whose login redirects to a protected status page: the factory login is found where the login landed', async () => {
    const s = lab.servers['form-status-redirect'];
    const r = await check(['--host', s.target]);
    expect(r.code).toBe(1);
    expect(r.report).toMatchObject({ login: 'form', vendor: null, result: 'default-accepted', matched: { username: 'admin', password: '1234' } });
    expect(r.report.reason).toMatch(/\/status\.py opened with that session and not without it/);
    const n = await attempts('form-status-redirect');
    expect(n).toBe(3); // admin/admin, admin/password, admin/1234: the server's own log
    expect(r.report).toMatchObject({ attempts: n, auditAttempts: n });
    // the server granted it: a post answered with a session cookie and a redirect, then the status page served
    expect(lab.accessLines('form-status-redirect').some((l) => /"GET \/status\.py [^"]*" 200 /.test(l))).toBe(true);

    // the owner changes it: refused by every piece of evidence, and the wording says the maker is unknown
    lab.setPassword('form-status-redirect', 'admin', `lab-${Date.now()}-changed`);
    const after = await check(['--host', s.target]);
    expect(after.code).toBe(0);
    expect(after.report.result).toBe('default-rejected');
    expect(after.report.reason).toMatch(/^The 5 most common factory logins were refused; the maker is unknown.*Tried: admin \/ admin; admin \/ password; admin \/ 1234; admin \/ \(blank password\); root \/ \(blank password\)\.$/);
    expect(after.report.triedLogins).toHaveLength(5);
    expect(after.report.evidence[0]).toMatch(/showed the login form again at \/\?err=1/);
    expect(await attempts('form-status-redirect')).toBe(n + after.report.attempts);
    expect(after.report.attempts).toBe(5);
  });

  it('a login that always redirects to a status page anyone can open is never "accepted"', async () => {
    const s = lab.servers['form-public-status'];
    const r = await check(['--host', s.target]);
    expect(r.code).toBe(2);
    expect(r.report).toMatchObject({ login: 'form', result: 'unknown', matched: null });
    expect(r.report.reason).toMatch(/opens without any login too/);
    expect(await attempts('form-public-status')).toBe(r.report.attempts);
  });

  it('OpenWrt LuCI (meta refresh, 403 login page, sysauth cookie): blank root password found; refused once set', async () => {
    const s = lab.servers['form-luci'];
    const r = await check(['--host', s.target, '--vendor', 'openwrt']);
    expect(r.code).toBe(1);
    expect(r.report).toMatchObject({ login: 'form', vendor: 'OpenWrt (LuCI)', result: 'default-accepted', attempts: 1, auditAttempts: 1, matched: { username: 'root', password: '' } });
    expect(await attempts('form-luci')).toBe(1);
    lab.setPassword('form-luci', 'root', `lab-${Date.now()}-set`);
    const after = await check(['--host', s.target, '--vendor', 'openwrt']);
    expect(after.code).toBe(0);
    expect(after.report).toMatchObject({ result: 'default-rejected', attempts: 1 });
    await lab.flushLogs();
    expect(lab.accessLines('form-luci').filter((l) => /"POST /.test(l)).map((l) => / (\d{3}) /.exec(l)?.[1])).toEqual(['302', '403']);
  });

  it('stops at the lockout server before it locks (the server still lets the owner in)', async () => {
    const s = lab.servers['form-lockout'];
    const r = await check(['--host', s.target]);
    expect(r.code).toBe(2);
    expect(r.report.result).toBe('unknown');
    expect(r.report.reason).toMatch(/warned|lock/i);
    const n = await attempts('form-lockout');
    expect(n).toBe(r.report.attempts);
    expect(n).toBeLessThan(3);
    expect(lab.lockoutFailures()).toBeLessThan(3);
    expect(lab.accessLines('form-lockout').some((l) => /" 429 /.test(l))).toBe(false);
    // the owner's own login still works: the device did not lock
    const body = new URLSearchParams({ username: s.username, password: s.password }).toString();
    reported.set(s.target, [...(reported.get(s.target) ?? []), 1]); // the owner's own login below is a post the server counts too
    const res = await fetch(`${s.url}login.py`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('set-cookie')).toMatch(/^sid=/);
  });

  it('reports unknown within its deadline on the hung server', async () => {
    const s = lab.servers['hung'];
    const r = await check(['--host', s.target]);
    expect(r.code).toBe(2);
    expect(r.report).toMatchObject({ result: 'unknown', attempts: 0, matched: null });
    expect(r.report.reason).toMatch(/did not answer within 1\.5 s/);
    // the CLI process (Node start-up included) ends well before a second deadline would pass
    expect(r.ms).toBeLessThan(TIMEOUT_MS + 4000);
    expect(lab.accessLines('hung').length).toBe(1);
  });

  it('accepts a self-signed certificate only for the gateway, and says so', async () => {
    const s = lab.servers['https-gateway'];
    const notGateway = await check(['--host', s.target, '--https', '--vendor', 'netgear']);
    expect(notGateway.code).toBe(2);
    expect(notGateway.report).toMatchObject({ result: 'unknown', attempts: 0, certificate: 'untrusted-refused' });
    expect(notGateway.report.reason).toMatch(/certificate that is not trusted/);
    expect(await attempts('https-gateway')).toBe(0);

    const gateway = await check(['--host', s.target, '--https', '--vendor', 'netgear', '--gateway', s.host]);
    expect(gateway.code).toBe(1);
    expect(gateway.report).toMatchObject({ result: 'default-accepted', certificate: 'self-signed-accepted-for-gateway', matched: { username: 'admin', password: 'password' } });
    expect((gateway.report as unknown as { notes: string[] }).notes.join(' ')).toMatch(/self-signed certificate.*gateway/);
    expect(await attempts('https-gateway')).toBe(1);
  });

  it('counts attempts as each server saw them, and never more than 5 in one run (one audit)', async () => {
    await lab.flushLogs();
    for (const name of Object.keys(lab.servers) as LabServerName[]) {
      const runs = reported.get(lab.servers[name].target) ?? [];
      for (const n of runs) expect(n, name).toBeLessThanOrEqual(5);
      // the server's own access log is the witness: the JSON's counts add up to exactly what it saw
      expect(lab.credentialAttempts(name), name).toBe(runs.reduce((a, b) => a + b, 0));
    }
  });

  it('refuses 8.8.8.8 before any packet: built CLI exits 2, and in-process the network guard saw no attempt', async () => {
    const r = await check(['--host', '8.8.8.8']);
    expect(r.code).toBe(2);
    expect(r.report).toMatchObject({ result: 'unknown', attempts: 0, matched: null });
    expect(r.stderr).toMatch(/public internet address.*nothing was sent/);
    for (const host of ['8.8.8.8', '8.8.8.8:80', '[2001:4860:4860::8888]:443', 'example.com']) {
      let out = '';
      const code = await runCli(['defaults', 'check', '--host', host, '--json'], { stdout: (t) => (out += t), stderr: () => {} }, { ...process.env, PORCHLIGHT_PROFILE: profile });
      expect(code).toBe(2);
      expect(JSON.parse(out)).toMatchObject({ result: 'unknown', attempts: 0, error: { code: 'refused' } });
    }
    // (the network guard installed by the setup file fails this test if any connect to a non-loopback address was tried)
  });
});
