// electron-builder `electronDist` hook. With PORCHLIGHT_ELECTRON_DIST set, packages against that
// Electron distribution (an unpacked Electron folder, a folder holding electron-v<ver>-<platform>-<arch>.zip,
// or such a zip) instead of downloading one — the way to run `npm run dist -- --dir` offline.
// Unset, it returns null and electron-builder downloads Electron as usual (needs internet).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The Electron distribution to package, or null to let electron-builder download it. */
export function electronDist(env = process.env) {
  const dir = env.PORCHLIGHT_ELECTRON_DIST;
  if (!dir) return null;
  const full = resolve(dir);
  if (!existsSync(full)) throw new Error(`PORCHLIGHT_ELECTRON_DIST points to ${full}, which does not exist`);
  return full;
}

export default electronDist;
