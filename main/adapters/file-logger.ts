import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../core/ports.js';

const SECRET_KEY = /pass|secret|token|code|pin|key|authori[sz]ation|cookie|credential/i;
/** How deep `redact` looks into nested values; anything deeper is left out of the line. */
const MAX_DEPTH = 8;

/**
 * Replaces values under secret-looking keys, at any depth, as a second line of defence: callers
 * never log secrets. `code` alone (an error code) is kept. A value seen again (a cycle), anything
 * nested deeper than MAX_DEPTH and a value JSON cannot hold (a BigInt, a function) are replaced by
 * a marker, so the line can always be written.
 */
export function redact(data: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!data) return undefined;
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'bigint') return `${v.toString()}n`;
    if (typeof v === 'function' || typeof v === 'symbol') return `[${typeof v}]`;
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return '[repeated]';
    if (depth >= MAX_DEPTH) return '[nested too deep]';
    seen.add(v);
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, SECRET_KEY.test(k) && k !== 'code' ? '[redacted]' : walk(x, depth + 1)]));
  };
  return walk(data, 0) as Record<string, unknown>;
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
    let line: string;
    try {
      line = JSON.stringify({ t: new Date().toISOString(), level, message, ...redact(data) });
    } catch (err) {
      // (a getter that throws, for one) the line is still written, without its details
      line = JSON.stringify({ t: new Date().toISOString(), level, message, details: `[not written: ${(err as Error)?.message ?? 'unreadable'}]` });
    }
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
