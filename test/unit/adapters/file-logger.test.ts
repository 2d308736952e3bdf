/**
 * The diagnostic log (main/adapters/file-logger.ts): callers never log secrets, and the logger
 * redacts values under secret-looking keys anyway — at any depth — and never fails the operation it
 * describes (a cycle, a BigInt, a throwing getter, a read-only folder). Real files.
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FileLogger, redact } from '../../../main/adapters/file-logger.js';
import { tempDir } from '../../support/fakes.js';

const lines = (path: string) => readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('FileLogger', () => {
  it('redacts secret-looking keys at the top and nested, keeps an error code and everything else', () => {
    const path = join(tempDir(), 'logs', 'porchlight.log');
    const log = new FileLogger(path);
    log.error('router login failed', {
      code: 'refused',
      password: 'hunter2',
      apiKey: 'k-123',
      request: { host: '127.0.0.1', headers: { authorization: 'Basic YWRtaW46YWRtaW4=', cookie: 'sysauth=s-9', 'x-auth-token': 't-1' }, form: { username: 'admin', passwd: 'admin' } },
      tries: [{ user: 'admin', pin: '1234' }],
    });
    const [line] = lines(path);
    expect(line).toMatchObject({
      level: 'error',
      message: 'router login failed',
      code: 'refused',
      password: '[redacted]',
      apiKey: '[redacted]',
      request: { host: '127.0.0.1', headers: { authorization: '[redacted]', cookie: '[redacted]', 'x-auth-token': '[redacted]' }, form: { username: 'admin', passwd: '[redacted]' } },
      tries: [{ user: 'admin', pin: '[redacted]' }],
    });
    const text = readFileSync(path, 'utf8');
    for (const secret of ['hunter2', 'k-123', 't-1', '1234', 'YWRtaW46YWRtaW4=', 's-9']) expect(text).not.toContain(secret);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('writes the line whatever the details hold: a cycle, a BigInt, a function, a deep value, a throwing getter', () => {
    const path = join(tempDir(), 'porchlight.log');
    const log = new FileLogger(path);
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    let deep: unknown = 'bottom';
    for (let i = 0; i < 20; i++) deep = { d: deep };
    expect(() => log.warn('odd details', { cyclic, big: 10n, fn: () => 1, deep })).not.toThrow();
    const hostile = { get boom(): string { throw new Error('getter exploded'); } };
    expect(() => log.info('hostile details', { hostile })).not.toThrow();
    const [first, second] = lines(path);
    expect(first).toMatchObject({ message: 'odd details', cyclic: { name: 'a', self: '[repeated]' }, big: '10n', fn: '[function]' });
    expect(JSON.stringify(first)).toContain('[nested too deep]');
    expect(second).toMatchObject({ message: 'hostile details', details: '[not written: getter exploded]' });
  });

  it('a read-only log folder drops the line and never throws', () => {
    const dir = join(tempDir(), 'ro');
    mkdirSync(dir);
    chmodSync(dir, 0o500);
    try {
      const log = new FileLogger(join(dir, 'logs', 'porchlight.log'));
      expect(() => log.error('nothing can be written', { code: 'internal' })).not.toThrow();
    } finally {
      chmodSync(dir, 0o700);
    }
  });

  it('redact leaves no details alone as undefined', () => {
    expect(redact(undefined)).toBeUndefined();
  });
});
