import { execFile } from 'node:child_process';

/**
 * Counts the keychain items of a service that sit in a LOCKED collection, or null when that
 * cannot be told (not Linux, no D-Bus, no `dbus-send`).
 *
 * Why this exists: with a locked GNOME Keyring, libsecret (under keytar) does not report
 * "locked". getPassword answers null as if nothing were stored, deletePassword answers false,
 * and findCredentials CRASHES the whole process (SIGSEGV after "secret_value_get_text:
 * assertion 'value' failed") — observed with keytar 7.9.0 and gnome-keyring 42 by
 * test/integration/keychain-locked.test.ts. Asking the Secret Service itself (SearchItems
 * returns unlocked and locked items apart) lets the adapter say "locked" and never call the
 * crashing path. Only the service name goes on the command line, never a secret.
 */
export type LockedItemsProbe = (service: string) => Promise<number | null>;

/** The SearchItems reply of dbus-send: two arrays of object paths, unlocked then locked. */
export function parseSearchItemsReply(stdout: string): { unlocked: number; locked: number } | null {
  const arrays = [...stdout.matchAll(/array \[([\s\S]*?)\]/g)].map((m) => (m[1] ?? '').match(/object path "/g)?.length ?? 0);
  if (arrays.length !== 2) return null;
  return { unlocked: arrays[0]!, locked: arrays[1]! };
}

function dbusSend(args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    if (process.platform !== 'linux') return resolve(null);
    execFile('dbus-send', ['--session', '--print-reply', '--reply-timeout=3000', '--dest=org.freedesktop.secrets', ...args], { timeout: 5000, encoding: 'utf8' }, (err, stdout) =>
      resolve(err ? null : stdout),
    );
  });
}

/** The probe over `dbus-send` on the session bus; resolves null on any failure (never throws). */
export const dbusLockedItemsProbe: LockedItemsProbe = async (service) => {
  if (!/^[A-Za-z0-9._-]+$/.test(service)) return null;
  const out = await dbusSend(['/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.SearchItems', `dict:string:string:service,${service}`]);
  return out === null ? null : (parseSearchItemsReply(out)?.locked ?? null);
};

/** Whether the default collection (where new secrets go) is locked; null when that cannot be told. */
export async function dbusDefaultCollectionLocked(): Promise<boolean | null> {
  const out = await dbusSend([
    '/org/freedesktop/secrets/aliases/default',
    'org.freedesktop.DBus.Properties.Get',
    'string:org.freedesktop.Secret.Collection',
    'string:Locked',
  ]);
  const m = out?.match(/boolean (true|false)/);
  return m ? m[1] === 'true' : null;
}

