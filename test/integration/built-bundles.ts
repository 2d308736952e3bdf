/**
 * The integration tests run the BUILT command (dist/cli.mjs) and harness. Run on their own (one
 * file, by hand) they build the Node bundles first, so they never test a stale build. `npm test`
 * has just built them (its build stage) and says so with PORCHLIGHT_BUILT=1: rebuilding in six
 * files again took ~2 s each on the integration lane, the suite's longest.
 */
import { execFileSync } from 'node:child_process';

export function buildNodeBundles(root: string = process.cwd()): void {
  if (process.env.PORCHLIGHT_BUILT === '1') return;
  execFileSync(process.execPath, ['scripts/build.mjs', 'main'], { cwd: root, stdio: 'pipe' });
}
