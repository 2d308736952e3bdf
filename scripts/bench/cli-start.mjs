// CLI start-up benchmark: the installed command (`node dist/cli.mjs …`, what the package's `bin`
// runs) beside a bare Node start-up (`node -e 'console.log(1)'`, the same Node), interleaved,
// medians. `wifi scan --json` runs against the fake nmcli (test/lab/fake-nmcli); its baseline is
// the very nmcli call it makes (read back from the fake's call log) plus a bare Node start-up.
// Goals (issue 15): --version and --help ≤ 1.5× bare Node; wifi scan adds ≤ 1.5× a bare start.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { bootstrapInterval, figure, interleaved, load, median, medianAt, timed } from './lib/report.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const RUNS = Math.max(5, Number(process.env.BENCH_CLI_RUNS ?? 25));
if (!existsSync(join(ROOT, 'dist', 'cli.mjs'))) spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), 'main'], { cwd: ROOT, stdio: 'inherit' });

const work = mkdtempSync(join(tmpdir(), 'porchlight-bench-cli-'));
const state = join(work, 'nmcli-state.json');
const log = join(work, 'nmcli-calls.jsonl');
writeFileSync(
  state,
  JSON.stringify({
    networkManager: 'running',
    devices: [{ device: 'wlp2s0', type: 'wifi', state: 'connected', connection: 'Bench-Home' }],
    accessPoints: [
      { ssid: 'Bench-Home', bssid: '3C:A6:2F:11:22:33', chan: 36, freq: 5180, signal: 80, mode: 'Infra', privacy: true, wpaFlags: [], rsnFlags: ['pair_ccmp', 'group_ccmp', 'psk'], active: true },
      { ssid: 'Neighbour', bssid: '00:11:22:33:44:55', chan: 6, freq: 2437, signal: 40, mode: 'Infra', privacy: true, wpaFlags: [], rsnFlags: ['pair_ccmp', 'group_ccmp', 'sae'], active: false },
    ],
  }),
);
const fakeDir = join(ROOT, 'test', 'lab', 'fake-nmcli');
const env = { ...process.env, PATH: `${fakeDir}${delimiter}${process.env.PATH}`, PORCHLIGHT_FAKE_NMCLI_STATE: state };
const opts = { cwd: ROOT, env };
const node = process.execPath;
try {
  // One scan with the call log on, to learn the exact nmcli call (argv and locale) the CLI makes.
  const first = await timed(node, ['dist/cli.mjs', 'wifi', 'scan', '--json'], { cwd: ROOT, env: { ...env, PORCHLIGHT_FAKE_NMCLI_LOG: log } });
  if (first.code !== 0) throw new Error(`wifi scan exited ${first.code}: ${first.err}`);
  const calls = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  if (calls.length !== 1) throw new Error(`wifi scan made ${calls.length} nmcli calls; the baseline assumes one`);
  const nmcliEnv = { ...env, ...(calls[0].lcAll ? { LC_ALL: calls[0].lcAll } : {}) };

  const t = await interleaved(
    {
      bare: [node, ['-e', 'console.log(1)'], opts],
      version: [node, ['dist/cli.mjs', '--version'], opts],
      help: [node, ['dist/cli.mjs', '--help'], opts],
      scan: [node, ['dist/cli.mjs', 'wifi', 'scan', '--json'], opts],
      nmcli: ['nmcli', calls[0].argv, { cwd: ROOT, env: nmcliEnv }],
    },
    RUNS,
  );
  const bare = median(t.bare);
  console.log(`CLI start-up (${RUNS} interleaved runs each, medians; Node ${process.version}; ${load()})`);
  // Each ratio's 95 % interval resamples whole rounds (run i of every command ran side by side).
  const against = (xs) => bootstrapInterval(RUNS, (idx) => medianAt(xs, idx) / medianAt(t.bare, idx));
  figure({ what: 'porchlight --version', value: median(t.version), unit: 'ms', baseline: bare, baselineWhat: "node -e 'console.log(1)'", goal: 1.5, interval: against(t.version) });
  figure({ what: 'porchlight --help', value: median(t.help), unit: 'ms', baseline: bare, baselineWhat: "node -e 'console.log(1)'", goal: 1.5, interval: against(t.help) });
  const nmcli = median(t.nmcli);
  figure({
      what: 'porchlight wifi scan --json, minus its nmcli call',
      value: median(t.scan) - nmcli,
      unit: 'ms',
      baseline: bare,
      baselineWhat: 'bare Node start-up',
      goal: 1.5,
      interval: bootstrapInterval(RUNS, (idx) => (medianAt(t.scan, idx) - medianAt(t.nmcli, idx)) / medianAt(t.bare, idx)),
      note: `scan ${median(t.scan).toFixed(1)} ms, the nmcli call alone ${nmcli.toFixed(1)} ms`,
    });
} finally {
  rmSync(work, { recursive: true, force: true });
}
