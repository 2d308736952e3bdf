/**
 * Crash reports stay on this computer: Crashpad writes minidumps to userData/crash-dumps and
 * nothing is ever uploaded (no submitURL, uploadToServer false). A user who wants to share a
 * crash can attach a file from that folder themselves.
 */
import { join } from 'node:path';
import type { App, CrashReporter, CrashReporterStartOptions } from 'electron';

/** The only crash-reporter options Porchlight uses (asserted by a unit test). */
export const LOCAL_CRASH_REPORTER_OPTIONS: CrashReporterStartOptions = Object.freeze({
  uploadToServer: false,
  compress: true,
  ignoreSystemCrashHandler: false,
});

/** Points crash dumps at userData/crash-dumps and starts the reporter in local-only mode; returns the folder. */
export function startLocalCrashReports(crashReporter: Pick<CrashReporter, 'start'>, app: Pick<App, 'getPath' | 'setPath'>): string {
  const dir = join(app.getPath('userData'), 'crash-dumps');
  app.setPath('crashDumps', dir);
  crashReporter.start({ ...LOCAL_CRASH_REPORTER_OPTIONS });
  return dir;
}
