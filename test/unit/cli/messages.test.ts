/**
 * Every message the command line gives a person (issue 14): full --help per command, limits in
 * errors, plain words for negative and malformed numbers, output paths checked before any work,
 * progress only on a terminal and never with --json, JSON errors on stdout, and the scope said aloud.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run.js';
import { commands } from '../../../main/cli/commands.js';
import { startProgress } from '../../../main/cli/command.js';
import { describeScope, subnetOf } from '../../../main/cli/survey.js';
import { LIMITS } from '../../../main/cli/flags.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function profile(): string {
  const d = mkdtempSync(join(tmpdir(), 'porchlight-cli-'));
  dirs.push(d);
  return d;
}

async function run(argv: string[], opts: { tty?: boolean; env?: NodeJS.ProcessEnv } = {}) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), stderrIsTTY: opts.tty ?? false }, { ...process.env, PORCHLIGHT_PROFILE: profile(), ...opts.env });
  return { code, out, err };
}

const OPTIONS: Record<string, string[]> = {
  wifi: ['--interface', '--json'],
  survey: ['--interface', '--gateway', '--seconds', '--target', '--sweep', '--neighbors', '--json'],
  defaults: ['--host', '--https', '--vendor', '--gateway', '--timeout-ms', '--delay-ms', '--json'],
  audit: ['--json', '--html', '--pdf', '--interface', '--gateway', '--admin-port', '--seconds', '--neighbors'],
  router: ['--gateway', '--user', '--wifi', '--wps-off', '--remote-admin-off', '--upnp-off', '--wired', '--yes', '--json'],
};

describe('--help of every command', () => {
  it.each(Object.entries(OPTIONS))('%s --help lists each option with its default and an example', async (name, flags) => {
    const r = await run([name, '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: porchlight');
    expect(r.out).toContain('Examples:');
    for (const flag of flags) {
      const block = new RegExp(`^  ${flag}(?: \\S+)?\\n {6}.+\\n {6}default: .+; example: .*${flag}`, 'm');
      expect(r.out, `${name} ${flag}`).toMatch(block);
    }
  });

  it('every command in the list has such a help (none is missing from the table above)', () => {
    expect(commands.map((c) => c.name).sort()).toEqual(Object.keys(OPTIONS).sort());
  });

  it('states the limits of the numeric options', async () => {
    expect((await run(['survey', '--help'])).out).toMatch(/--seconds N\n.*\n.*limits: 2 to 120 seconds/);
    expect((await run(['audit', '--help'])).out).toMatch(/--admin-port N\n.*\n.*limits: 1 to 65535/);
    expect((await run(['defaults', '--help'])).out).toMatch(/--timeout-ms N\n.*\n.*limits: a whole number of milliseconds from 0 to 600000/);
  });
});

describe('numbers: limits stated, negative and malformed values in plain words', () => {
  it.each([
    [['survey', '--seconds', '99999'], '--seconds 99999 is out of range: it needs a number of seconds from 2 to 120'],
    [['survey', '--seconds', '1'], '--seconds 1 is out of range: it needs a number of seconds from 2 to 120'],
    [['survey', '--seconds', '-3'], '--seconds cannot be negative (-3): it needs a number of seconds from 2 to 120'],
    [['survey', '--seconds=-3'], '--seconds cannot be negative (-3): it needs a number of seconds from 2 to 120'],
    [['audit', '--seconds', 'soon'], '--seconds needs a number of seconds from 2 to 120; "soon" is not a number'],
    [['audit', '--seconds'], '--seconds needs a number of seconds from 2 to 120, e.g. --seconds 10'],
    [['audit', '--seconds', '--json'], '--seconds needs a number of seconds from 2 to 120, e.g. --seconds 10 right after it, not another option (--json)'],
    [['audit', '--interface', 'lo', '--gateway', '127.0.0.1', '--admin-port', '70000'], '--admin-port 70000 is out of range: it needs a port number from 1 to 65535'],
    [['audit', '--interface', 'lo', '--gateway', '127.0.0.1', '--admin-port', '80.5'], '--admin-port needs a port number from 1 to 65535; 80.5 is not a whole number'],
    [['defaults', 'check', '--host', '127.0.0.1', '--delay-ms', '-1'], '--delay-ms cannot be negative (-1)'],
    [['survey', '--bogus'], 'there is no option --bogus'],
    [['audit', '--json=yes'], '--json takes no value'],
    [['wifi'], 'a subcommand is required: scan or status'],
  ])('%j → %s', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/ambiguous|XYZ|ERR_PARSE_ARGS|To specify/);
  });

  it('the limits in the messages are the ones the survey enforces', () => {
    expect([LIMITS['--seconds'].min, LIMITS['--seconds'].max]).toEqual([2, 120]);
  });
});

describe('output paths are checked before any work', () => {
  it('--html in a folder that does not exist fails at once, plainly, and nothing is saved', async () => {
    const dir = profile();
    const t0 = Date.now();
    const r = await run(['audit', '--html', '/nonexistent-dir/x.html'], { env: { PORCHLIGHT_PROFILE: dir } });
    expect(r.code).toBe(2);
    expect(r.err).toContain('--html /nonexistent-dir/x.html: the folder /nonexistent-dir does not exist; create it or choose another file');
    expect(r.err).not.toMatch(/ENOENT/);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(readdirSync(dir)).toEqual([]); // no audit was run or saved
  });

  it('--pdf naming a folder, and --neighbors naming no file, are refused the same way', async () => {
    const dir = profile();
    expect((await run(['audit', '--pdf', dir])).err).toContain(`--pdf ${dir}: that is a folder; give a file name`);
    expect((await run(['survey', '--neighbors', join(dir, 'none.txt')])).err).toContain(`--neighbors ${join(dir, 'none.txt')}: there is no readable file there`);
  });
});

describe('--json: every error is {"error":{"code","message"}} on stdout, with the exit code', () => {
  it.each([
    [['survey', '--seconds', '-3', '--json'], 'usage'],
    [['audit', '--json', '--html', '/nonexistent-dir/x.html'], 'usage'],
    [['survey', '--json', '--interface', 'no-such-if0'], 'no-such-interface'],
  ])('%j', async (argv, code) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    const parsed = JSON.parse(r.out) as { error: { code: string; message: string } };
    expect(parsed).toEqual({ error: { code, message: expect.any(String) } });
    expect(parsed.error.message.length).toBeGreaterThan(10);
  });

  it('wifi scan --json when the scan cannot be read (no scanner)', async () => {
    const r = await run(['wifi', 'scan', '--json'], { env: { PATH: '/nonexistent' } });
    expect(r.code).toBe(2);
    // Also the reason as a message (code and params), for programs that act on it.
    expect(JSON.parse(r.out)).toEqual({ error: { code: 'wifi-unknown', message: expect.stringMatching(/nmcli|Wi-Fi/), reason: { code: 'wifi.reading.nmcli-missing', params: {} } } });
  });

  it('without --json an error leaves stdout empty', async () => {
    const r = await run(['survey', '--seconds', '-3']);
    expect(r.out).toBe('');
  });
});

describe('progress on stderr: only on a terminal, never with --json', () => {
  it('draws on a terminal and clears itself', () => {
    let err = '';
    const p = startProgress({ stderr: (t) => (err += t), stderrIsTTY: true }, false, 'surveying lo', 10);
    p.stop();
    expect(err).toContain('\rsurveying lo … 0 s of at most 10 s');
    expect(err.endsWith('\r\x1b[K')).toBe(true);
  });

  it('draws nothing when stderr is not a terminal, or with --json', () => {
    let err = '';
    startProgress({ stderr: (t) => (err += t), stderrIsTTY: false }, false, 'x').stop();
    startProgress({ stderr: (t) => (err += t), stderrIsTTY: true }, true, 'x').stop();
    expect(err).toBe('');
  });

  it('audit shows it on a terminal and not with --json', async () => {
    const tty = await run(['audit'], { tty: true, env: { PATH: '/nonexistent' } });
    expect(tty.err).toContain('\rauditing … 0 s');
    const json = await run(['audit', '--json'], { tty: true, env: { PATH: '/nonexistent' } });
    expect(json.err).not.toContain('auditing …');
    expect(() => JSON.parse(json.out)).not.toThrow();
  }, 30_000);
});

describe('the scope is said aloud', () => {
  it('audit without --interface says that no network is looked at', async () => {
    const r = await run(['audit'], { env: { PATH: '/nonexistent' } });
    expect(r.err).toContain('porchlight audit: no --interface given and no network surveyed in the app yet, so no network is looked at and the network checks read "not known"; name one with --interface');
  }, 30_000);

  it('names the interface, its address, subnet and router', () => {
    expect(subnetOf('192.168.1.23', 24)).toBe('192.168.1.0/24');
    expect(subnetOf('10.1.2.3', 16)).toBe('10.1.0.0/16');
    expect(subnetOf('127.0.0.1', 8)).toBe('127.0.0.0/8');
    expect(describeScope({ interface: 'wlan0', interfaceAddress: '192.168.1.23', prefixLength: 24, gateway: '192.168.1.1' })).toBe('interface wlan0 (192.168.1.23, subnet 192.168.1.0/24, router 192.168.1.1)');
  });
});

