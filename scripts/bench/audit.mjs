// Audit benchmark: `porchlight audit --json` (the built CLI) over the loopback lab — the discovery
// lab (router 127.0.0.40 with UPnP/TR-064, devices answering SSDP/mDNS, a hanging and a garbage
// peer), the router admin-page probe and a fake nmcli (home Wi-Fi on WPA2). Prints the median wall
// time, the survey's share of it, and the CLI process's peak memory (max RSS). Loopback (127.x) only.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { figure, load } from './lib/report.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SURVEY_SECONDS ?? 5);
// Peak RSS of the CLI process itself, reported on stderr as it exits.
const PEAK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nPEAK_RSS_KB '+process.resourceUsage().maxRSS+'\\n'))`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const run = (args, env) =>
  new Promise((resolve, reject) => {
    const t0 = performance.now();
    const c = spawn(process.execPath, ['--import', PEAK, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    c.stdout.on('data', (d) => (out += d));
    c.stderr.on('data', (d) => (err += d));
    c.on('exit', (code) => {
      const ms = performance.now() - t0;
      const peak = Number(/PEAK_RSS_KB (\d+)/.exec(err)?.[1] ?? NaN);
      if (code === 0 || code === 1) resolve({ ms, peak, code, report: JSON.parse(out) });
      else reject(new Error(`audit exited ${code}: ${err.slice(0, 600)}`));
    });
  });

if (spawnSync('bash', [join(ROOT, 'scripts', 'lab-net-up.sh')], { stdio: 'inherit' }).status !== 0) process.exit(2);
if (!existsSync(join(ROOT, 'dist', 'cli.mjs'))) spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), 'main'], { cwd: ROOT, stdio: 'inherit' });

const labBundle = join(ROOT, '.tmp', 'discovery-lab-audit.mjs');
await build({ entryPoints: [join(ROOT, 'test/lab/discovery/cli.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: labBundle, logLevel: 'warning' });
const lab = spawn(process.execPath, [labBundle], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
const info = await new Promise((resolve, reject) => {
  createInterface({ input: lab.stdout }).once('line', (l) => resolve(JSON.parse(l)));
  lab.once('exit', (c) => reject(new Error(`lab exited ${c}`)));
});

const work = mkdtempSync(join(tmpdir(), 'porchlight-bench-audit-'));
// The fake nmcli (test/lab/fake-nmcli) with a home network on WPA2, so the Wi-Fi check measures too.
const nmcliState = join(work, 'nmcli-state.json');
writeFileSync(
  nmcliState,
  JSON.stringify({
    networkManager: 'running',
    devices: [{ device: 'wlp2s0', type: 'wifi', state: 'connected', connection: 'Bench-Home' }],
    accessPoints: [{ ssid: 'Bench-Home', bssid: '3C:A6:2F:11:22:33', chan: 36, freq: 5180, signal: 80, mode: 'Infra', privacy: true, wpaFlags: [], rsnFlags: ['pair_ccmp', 'group_ccmp', 'psk'], active: true }],
  }),
);
const env = {
  PORCHLIGHT_PROFILE: join(work, 'profile'),
  PATH: `${join(ROOT, 'test', 'lab', 'fake-nmcli')}${delimiter}${process.env.PATH}`,
  PORCHLIGHT_FAKE_NMCLI_STATE: nmcliState,
  PORCHLIGHT_FAKE_NMCLI_LOG: join(work, 'nmcli-calls.jsonl'),
  PORCHLIGHT_PROBE_DELAY_MS: '100',
};
try {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(
      await run(['dist/cli.mjs', 'audit', '--json', '--interface', 'lo', '--gateway', info.routerIp, '--seconds', String(SECONDS), '--neighbors', info.neighborFile, '--html', join(work, 'report.html')], env),
    );
  }
  const last = runs.at(-1).report;
  const measured = last.checks.filter((c) => c.evidence.kind === 'verified').map((c) => `${c.id}=${c.status}`);
  const surveyMs = /survey took (\d+) ms/.exec(last.checks.find((c) => c.id === 'devices.inventory')?.detail ?? '')?.[1];
  console.log(`audit (porchlight audit --json --html, survey budget ${SECONDS}s, ${RUNS} runs): median ${median(runs.map((r) => r.ms)).toFixed(0)} ms wall (${runs.map((r) => r.ms.toFixed(0)).join(', ')} ms)`);
  console.log(`  survey inside the last run: ${surveyMs ?? '?'} ms; ${last.inventory.length} devices; router ${[last.router?.vendor, last.router?.model].filter(Boolean).join(' ') || 'unidentified'}`);
  console.log(`  peak memory (max RSS of the CLI process): median ${(median(runs.map((r) => r.peak)) / 1024).toFixed(1)} MiB (${runs.map((r) => (r.peak / 1024).toFixed(1)).join(', ')} MiB)`);
  // Bare Node's own peak (`node -e 0` through the same --import probe), the floor of any Node command.
  const bare = spawnSync(process.execPath, ['--import', PEAK, '-e', '0'], { encoding: 'utf8' });
  const bareKb = Number(/PEAK_RSS_KB (\d+)/.exec(bare.stderr)?.[1] ?? NaN);
  console.log(`  (${load()})`);
  figure({ what: 'audit peak memory (max RSS)', value: median(runs.map((r) => r.peak)) / 1024, unit: 'MiB', baseline: 100, baselineWhat: 'the 100 MB goal', goal: 1, note: `bare Node ${(bareKb / 1024).toFixed(1)} MiB` });
  console.log(`  verified checks: ${measured.join(', ')}; score ${last.score}; exit ${runs.at(-1).code}`);
} finally {
  lab.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
