// Writes build output so that a program reading it never sees half a file: the tests build the
// Node bundles again (`node scripts/build.mjs main`) while other test lanes run them, so a file is
// replaced in one step (a temporary file beside it, then rename) and only when its bytes changed.
import { chmodSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Puts `data` at `path` atomically unless the file already holds exactly those bytes; `mode` is
 * set before the file appears. Returns true when it wrote.
 */
export function writeIfChanged(path, data, mode) {
  const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  try {
    if (readFileSync(path).equals(bytes)) {
      if (mode !== undefined) chmodSync(path, mode);
      return false;
    }
  } catch {
    // not there yet
  }
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(tmp, bytes);
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
  return true;
}
