import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs build script without type declarations
import { writeIfChanged } from '../../../scripts/write-if-changed.mjs';

const write = writeIfChanged as (path: string, data: string | Uint8Array, mode?: number) => boolean;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'porchlight-write-'));
  dirs.push(d);
  return d;
}

describe('scripts/write-if-changed.mjs (build output other processes may be reading)', () => {
  it('writes a new file, leaves identical bytes alone, replaces changed ones, and leaves no temporary file', () => {
    const d = dir();
    const f = join(d, 'out.mjs');
    expect(write(f, 'one')).toBe(true);
    expect(readFileSync(f, 'utf8')).toBe('one');
    const inode = statSync(f).ino;
    expect(write(f, new TextEncoder().encode('one'))).toBe(false);
    expect(statSync(f).ino).toBe(inode); // not even replaced by an equal copy
    expect(write(f, 'two')).toBe(true);
    expect(readFileSync(f, 'utf8')).toBe('two');
    expect(readdirSync(d)).toEqual(['out.mjs']);
  });

  it('gives the file its mode before it appears, also when the bytes were already there', () => {
    const d = dir();
    const f = join(d, 'cli.mjs');
    write(f, '#!/usr/bin/env node\n', 0o755);
    expect(statSync(f).mode & 0o777).toBe(0o755);
    rmSync(f);
    writeFileSync(f, '#!/usr/bin/env node\n', { mode: 0o644 });
    expect(write(f, '#!/usr/bin/env node\n', 0o755)).toBe(false);
    expect(statSync(f).mode & 0o777).toBe(0o755);
  });

  it('a reader never sees half a file while it is rewritten again and again', async () => {
    const d = dir();
    const f = join(d, 'big.mjs');
    const size = 1 << 20;
    const a = 'a'.repeat(size);
    const b = 'b'.repeat(size);
    write(f, a);
    const stop = new Int32Array(new SharedArrayBuffer(4));
    // Another thread reads the file as fast as it can until told to stop, and counts what it saw.
    const reader = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const { readFileSync } = require('node:fs');
       const stop = new Int32Array(workerData.stop);
       let whole = 0, torn = 0;
       while (Atomics.load(stop, 0) === 0) {
         const s = readFileSync(workerData.file, 'latin1');
         if (s.length === workerData.size && s[0] === s[s.length - 1]) whole++; else torn++;
       }
       parentPort.postMessage({ whole, torn });`,
      { eval: true, workerData: { file: f, size, stop: stop.buffer } },
    );
    const seen = new Promise<{ whole: number; torn: number }>((resolve, reject) => {
      reader.once('message', resolve);
      reader.once('error', reject);
    });
    for (let i = 0; i < 40; i++) expect(write(f, i % 2 ? a : b)).toBe(true);
    Atomics.store(stop, 0, 1);
    const { whole, torn } = await seen;
    await reader.terminate();
    expect(whole).toBeGreaterThan(0);
    expect(torn).toBe(0);
  });
});
