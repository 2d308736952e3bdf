import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { LOCAL_CRASH_REPORTER_OPTIONS, startLocalCrashReports } from '../../../main/app/crash-reports.js';

describe('crash reports stay local', () => {
  it('starts Crashpad with uploadToServer false and no submitURL, dumps under userData', () => {
    const start = vi.fn();
    const paths = new Map<string, string>([['userData', '/home/u/.config/Porchlight']]);
    const app = { getPath: (n: string) => paths.get(n)!, setPath: (n: string, v: string) => void paths.set(n, v) };
    const dir = startLocalCrashReports({ start }, app as never);
    expect(dir).toBe(join('/home/u/.config/Porchlight', 'crash-dumps'));
    expect(paths.get('crashDumps')).toBe(dir);
    expect(start).toHaveBeenCalledOnce();
    const opts = start.mock.calls[0]![0];
    expect(opts.uploadToServer).toBe(false);
    expect(opts).not.toHaveProperty('submitURL');
    expect(opts).toEqual(LOCAL_CRASH_REPORTER_OPTIONS);
  });
  it('the shared options object cannot be changed to upload later', () => {
    expect(Object.isFrozen(LOCAL_CRASH_REPORTER_OPTIONS)).toBe(true);
  });
});
