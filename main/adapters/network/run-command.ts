import { execFile } from 'node:child_process';
import { PorchlightError } from '../../core/errors.js';

/** Runs a read-only system command (no shell) with a deadline and an output cap; resolves stdout. */
export function runCommand(file: string, args: string[], deadlineMs: number, maxBytes = 1024 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: deadlineMs, maxBuffer: maxBytes, windowsHide: true, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', LANG: 'C' } }, (err, stdout) => {
      if (err) {
        const e = err as NodeJS.ErrnoException & { killed?: boolean };
        if (e.killed) reject(new PorchlightError('timeout', 'error.tool-timeout', { tool: file, count: Math.round(deadlineMs / 100) / 10 }));
        else if (e.code === 'ENOENT') reject(new PorchlightError('not-found', 'error.tool-missing', { tool: file }));
        else reject(new PorchlightError('internal', 'error.tool-failed', { tool: file, detail: e.message.slice(0, 200) }));
        return;
      }
      resolve(stdout);
    });
  });
}
