/**
 * The parent side of guarding Node child processes: bundles network-guard-child.ts once, puts it
 * on NODE_OPTIONS (`--import`) for every Node process the tests start, and reads back the
 * refusals those children logged. Used by network-guard.ts; tests that make a child violate on
 * purpose claim the record with `takeChildViolations()`.
 */
import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { NetworkViolation } from './network-guard-install.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const OWNER = 'PORCHLIGHT_NET_GUARD_OWNER';
const LOG = 'PORCHLIGHT_NET_GUARD_LOG';
const OFFSET = Symbol.for('porchlight.network-guard.child-log-offset');

/** Bundles the child guard into one .mjs file in the temp dir, once per source version. */
function childGuardBundle(): string {
  const sources = ['network-guard-child.ts', 'network-guard-install.ts', 'network-policy.ts'].map((f) => readFileSync(join(here, f)));
  const hash = createHash('sha256').update(Buffer.concat(sources)).digest('hex').slice(0, 16);
  const out = join(tmpdir(), `porchlight-net-guard-child-${hash}.mjs`);
  if (!existsSync(out)) {
    const tmp = `${out}.${process.pid}.tmp`;
    buildSync({ entryPoints: [join(here, 'network-guard-child.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node22', outfile: tmp, logLevel: 'error' });
    renameSync(tmp, out); // atomic: parallel workers never see half a file
  }
  return out;
}

/** Puts the child guard on NODE_OPTIONS with a log owned by this process (once per process). */
export function guardChildProcesses(): void {
  if (process.env[OWNER] === String(process.pid) && process.env[LOG]) return;
  const bundle = pathToFileURL(childGuardBundle()).href;
  process.env[OWNER] = String(process.pid);
  process.env[LOG] = join(tmpdir(), `porchlight-net-guard-${process.pid}.jsonl`);
  rmSync(process.env[LOG], { force: true }); // created by the first child that reports, if any
  (globalThis as unknown as Record<symbol, number>)[OFFSET] = 0;
  const opts = (process.env.NODE_OPTIONS ?? '').replace(/--import=\S*porchlight-net-guard-child-\S*/g, '').trim();
  process.env.NODE_OPTIONS = `${opts} --import=${bundle}`.trim();
}

/** The environment for a child that must NOT report into this process's log (e.g. a nested vitest). */
export function envWithoutChildGuard(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy[OWNER];
  delete copy[LOG];
  copy.NODE_OPTIONS = (copy.NODE_OPTIONS ?? '').replace(/--import=\S*porchlight-net-guard-child-\S*/g, '').trim();
  return copy;
}

/** Refusals that guarded child processes logged since the last call. */
export function takeChildViolations(): NetworkViolation[] {
  const log = process.env[LOG];
  if (!log || !existsSync(log)) return [];
  const g = globalThis as unknown as Record<symbol, number>;
  const all = readFileSync(log);
  const fresh = all.subarray(g[OFFSET] ?? 0).toString('utf8');
  g[OFFSET] = all.length;
  return fresh
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as NetworkViolation);
}

/** Removes this process's child log (end of a test file); the next setup starts a fresh one. */
export function dropChildLog(): void {
  const log = process.env[LOG];
  if (log) rmSync(log, { force: true });
  delete process.env[LOG];
}
