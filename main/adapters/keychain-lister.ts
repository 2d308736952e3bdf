import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Keychain listing in a separate process, where a crash is an error and not the app's death.
 *
 * keytar's findCredentials (libsecret on Linux) reads every secret of the service after finding
 * the items; when an item is deleted in between — by this process or by ANY other one (a
 * scheduled `porchlight audit`, another tool) — libsecret hands keytar a null value
 * ("secret_value_get_text: assertion 'value' failed") and the process dies with SIGSEGV. Within
 * a process the keychain queue prevents the overlap; across processes nothing can, so the
 * listing runs in a child: Electron's utility process in the app (its RunAsNode fuse is off, so
 * a Node child is not possible there), a Node child elsewhere. The child stays up between
 * listings; when it dies mid-listing, a fresh one is started and asked again (a few times: the
 * crash needs a delete at exactly the wrong moment). Only account names come back.
 *
 * Listing over D-Bus with `dbus-send` (attributes only) was tried first and rejected: under load
 * it aborted gnome-keyring-daemon 42 itself ("gkd_secret_service_get_pkcs11_session: assertion
 * 'client' failed" on a property read from a short-lived client), taking every app's secrets away.
 */
export type ListInChild = (service: string) => Promise<string[]>;

/**
 * How often a listing is tried. Each try fails only if an item is deleted during its few tens of
 * milliseconds; under the stress test's non-stop deletes from another process about one try in
 * four did, so ten make a wrong "unavailable" vanishingly rare (0.25^10 ≈ 1e-6).
 */
export const LIST_ATTEMPTS = 10;
/** A listing that takes longer than this is abandoned (the child is killed) and reported as an error. */
export const LIST_TIMEOUT_MS = 20_000;

interface Pending {
  id: number;
  resolve: (accounts: string[]) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/** The minimal surface of a Node child and an Electron UtilityProcess that this needs. */
interface ChildLike {
  send(msg: unknown): void;
  onMessage(fn: (msg: unknown) => void): void;
  onExit(fn: (code: number | null, signal: string | null) => void): void;
  kill(): void;
  ref(on: boolean): void;
}

/** Where the child script is: beside this module in the source tree, beside the bundle in dist/ (scripts/build.mjs copies it). */
export function childScriptPath(): string {
  return fileURLToPath(new URL('./keychain-list-child.mjs', import.meta.url));
}

async function startChild(): Promise<ChildLike> {
  const script = childScriptPath();
  if (process.versions.electron && (process as { type?: string }).type === 'browser') {
    const { utilityProcess } = await import('electron');
    const p = utilityProcess.fork(script, [], { serviceName: 'Porchlight keychain listing', stdio: 'ignore' });
    return {
      send: (m) => p.postMessage(m),
      onMessage: (fn) => p.on('message', fn),
      onExit: (fn) => p.on('exit', (code) => fn(code, null)),
      kill: () => void p.kill(),
      ref: () => undefined,
    };
  }
  const c: ChildProcess = fork(script, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json' });
  c.stderr?.resume(); // libsecret's last words are of no use to the user; the exit tells all
  return {
    send: (m) => c.send(m as object),
    onMessage: (fn) => c.on('message', fn),
    onExit: (fn) => c.on('exit', fn),
    kill: () => void c.kill('SIGKILL'),
    ref: (on) => {
      if (on) {
        c.ref();
        c.channel?.ref();
      } else {
        c.unref();
        c.channel?.unref();
      }
    },
  };
}

/** A long-lived listing child, started on demand and restarted after it dies. */
export class ChildKeychainLister {
  private child: Promise<ChildLike> | null = null;
  private pending: Pending | null = null;
  private nextId = 1;
  /** Children that died during a listing, and listings that answered an error (for tests and the log). */
  crashes = 0;
  failures = 0;

  constructor(private readonly start: () => Promise<ChildLike> = startChild) {}

  private spawn(): Promise<ChildLike> {
    const p = this.start().then((c) => {
      c.onMessage((raw) => {
        const msg = raw as { id?: number; accounts?: unknown; error?: unknown };
        const pending = this.pending;
        if (!pending || msg?.id !== pending.id) return;
        this.settle();
        if (Array.isArray(msg.accounts) && msg.accounts.every((a) => typeof a === 'string')) pending.resolve(msg.accounts as string[]);
        else pending.reject(new Error(typeof msg.error === 'string' ? msg.error : 'the listing process answered nonsense'));
      });
      c.onExit((code, signal) => {
        if (this.child === p) this.child = null;
        const pending = this.pending;
        if (!pending) return;
        this.crashes++;
        this.settle();
        pending.reject(new ChildDied(`the listing process ended (${signal ?? `exit ${code}`})`));
      });
      c.ref(false);
      return c;
    });
    p.catch(() => {
      if (this.child === p) this.child = null;
    });
    return p;
  }

  private settle(): void {
    if (!this.pending) return;
    clearTimeout(this.pending.timer);
    this.pending = null;
    void this.child?.then((c) => c.ref(false)).catch(() => undefined);
  }

  private once(service: string): Promise<string[]> {
    this.child ??= this.spawn();
    const child = this.child;
    return child.then(
      (c) =>
        new Promise<string[]>((resolve, reject) => {
          const id = this.nextId++;
          const timer = setTimeout(() => {
            this.settle();
            c.kill();
            reject(new TimedOut('the keychain did not answer in time'));
          }, LIST_TIMEOUT_MS);
          this.pending = { id, resolve, reject, timer };
          c.ref(true);
          c.send({ id, service });
        }),
    );
  }

  /**
   * Lists the service's account names; one listing at a time (callers queue). A child that died
   * is replaced; a listing that failed (libsecret also answers an error, rather than crashing,
   * when an item vanished at a slightly different moment) is asked again after a short pause.
   * Only a failure that persists over LIST_ATTEMPTS tries, or a timeout, is reported.
   */
  async list(service: string): Promise<string[]> {
    let last: unknown;
    for (let attempt = 0; attempt < LIST_ATTEMPTS; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 20 * attempt)); // ≤ 0.9 s in all
      try {
        return await this.once(service);
      } catch (err) {
        last = err;
        if (err instanceof TimedOut) throw err;
        if (!(err instanceof ChildDied)) this.failures++;
      }
    }
    throw last;
  }

  /** Stops the child (tests; the app simply exits). */
  async close(): Promise<void> {
    const c = await this.child?.catch(() => null);
    this.child = null;
    c?.kill();
  }
}

class ChildDied extends Error {}
class TimedOut extends Error {}

let shared: ChildKeychainLister | null = null;
/** The process's one listing child. */
export const listInChild: ListInChild = (service) => (shared ??= new ChildKeychainLister()).list(service);
