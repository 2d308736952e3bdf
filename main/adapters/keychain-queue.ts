/**
 * One queue per process for every native keychain call.
 *
 * keytar's native calls must never overlap: libsecret (Linux) is not safe against a listing that
 * runs while another call of the same process changes an item (findCredentials then dereferences
 * a secret that vanished and the process dies with SIGSEGV). Every KeytarSecretStore of a process
 * — the app's, a second one made by a test, the CLI's — goes through this one module-level chain,
 * so at most one keychain operation (including its read-back and lock probes) runs at a time.
 */
let tail: Promise<unknown> = Promise.resolve();
let pending = 0;

/** Runs `fn` after every operation queued before it has settled; its result or error is passed on unchanged. */
export function serializeKeychain<T>(fn: () => Promise<T>): Promise<T> {
  pending++;
  const run = tail.then(fn, fn).finally(() => {
    pending--;
  });
  tail = run.catch(() => undefined);
  return run;
}

/** Operations queued or running now (for tests and diagnostics). */
export function keychainQueueDepth(): number {
  return pending;
}
