import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../core/ports.js';

const SECRET_KEY = /pass|secret|token|code|pin|key/i;

/** Replaces values under secret-looking keys, as a second line of defence: callers never log secrets. */
export function redact(data: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!data) return undefined;
  return Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, SECRET_KEY.test(k) && k !== 'code' ? '[redacted]' : v]),
  );
}

/** JSON-lines log in the profile directory; local only, never sent anywhere. */
export class FileLogger implements Logger {
  constructor(
    private readonly path: string,
    private readonly echo: boolean = false,
  ) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch {
      // a read-only or full profile folder: the app still runs (the store says why); lines are dropped
    }
  }
  private write(level: string, message: string, data?: Record<string, unknown>) {
    const line = JSON.stringify({ t: new Date().toISOString(), level, message, ...redact(data) });
    try {
      appendFileSync(this.path, line + '\n', { mode: 0o600 });
    } catch {
      // disk full or read-only: a diagnostic line must never fail the operation it describes
    }
    if (this.echo) process.stderr.write(line + '\n');
  }
  info(m: string, d?: Record<string, unknown>) {
    this.write('info', m, d);
  }
  warn(m: string, d?: Record<string, unknown>) {
    this.write('warn', m, d);
  }
  error(m: string, d?: Record<string, unknown>) {
    this.write('error', m, d);
  }
}
