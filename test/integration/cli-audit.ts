/**
 * Runs the BUILT `porchlight audit --json` (dist/cli.mjs) as a child process, as the installed
 * command runs, and parses its JSON report. Shared by the integration tests of the headless audit.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Report } from '../../main/core/report/report.js';

export const CLI = join(process.cwd(), 'dist', 'cli.mjs');

export interface CliAuditRun {
  code: number | null;
  report: Report;
  stderr: string;
  ms: number;
}

/** `porchlight audit --json <args>` with `env`; rejects (with its output) when it prints no JSON, kills it after `killAfterMs`. */
export function runCliAudit(args: string[], env: NodeJS.ProcessEnv, killAfterMs = 120_000): Promise<CliAuditRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'audit', '--json', ...args], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      try {
        resolve({ code, report: JSON.parse(stdout) as Report, stderr, ms: Date.now() - started });
      } catch (err) {
        reject(new Error(`audit printed no JSON (exit ${code}): ${stdout.slice(0, 500)} ${stderr.slice(0, 2000)}`, { cause: err }));
      }
    });
  });
}
