/**
 * Helpers for the keychain integration tests: is a real Secret Service on the bus, run the
 * harness (the real core + real keytar adapter behind the IPC contract) as a child process, and
 * search a profile directory for every encoding a leaked secret could take.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in test/integration/). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The test secret: non-ASCII, an emoji (4-byte UTF-8), quotes, backslash and shell/HTML punctuation. */
export const SECRET = 'Pässwörd—🔐 "q\'uote" \\ back;slash:colon&&amp';

/** What the Secret Service holds for an account, read with libsecret's secret-tool (only attribute names in argv); null when nothing. */
export function secretToolLookup(account: string, env: NodeJS.ProcessEnv = process.env): string | null {
  try {
    return execFileSync('secret-tool', ['lookup', 'service', 'Porchlight', 'account', account], { encoding: 'utf8', env });
  } catch {
    return null;
  }
}

/** True when org.freedesktop.secrets is owned on the session bus named by `env`. */
export function secretServiceOwned(env: NodeJS.ProcessEnv = process.env): boolean {
  if (!env.DBUS_SESSION_BUS_ADDRESS) return false;
  try {
    const out = execFileSync(
      'dbus-send',
      ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'],
      { env, encoding: 'utf8', timeout: 5000 },
    );
    return out.includes('boolean true');
  } catch {
    return false;
  }
}

const vanished = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Every file under `dir`, recursively. A file gone between listing and stat is an atomic write's
 * temporary file (renamed over its target meanwhile): skipped; its content is read under the final name.
 */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    try {
      if (statSync(p).isDirectory()) out.push(...listFiles(p));
      else out.push(p);
    } catch (err) {
      if (!vanished(err)) throw err;
    }
  }
  return out;
}

/** The byte patterns a leaked secret (or a telling part of it) could appear as on disk. */
export function leakPatterns(secret: string): { form: string; bytes: Buffer }[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const asciiJson = json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const forms: [string, Buffer][] = [
    ['utf-8', Buffer.from(secret, 'utf8')],
    ['json-escaped', Buffer.from(json, 'utf8')],
    ['json-ascii-escaped', Buffer.from(asciiJson, 'utf8')],
    ['utf-16le', Buffer.from(secret, 'utf16le')],
    ['latin1', Buffer.from(secret, 'latin1')],
    ['uri-encoded', Buffer.from(encodeURIComponent(secret), 'utf8')],
    ['base64', Buffer.from(Buffer.from(secret, 'utf8').toString('base64'), 'utf8')],
    ['nfd', Buffer.from(secret.normalize('NFD'), 'utf8')],
  ];
  // Telling fragments, so a truncated or partly escaped copy is caught too.
  for (const frag of ['Pässwörd', 'P\\u00e4ssw\\u00f6rd', 'q\'uote', 'back;slash:colon&&amp']) forms.push([`fragment ${frag}`, Buffer.from(frag, 'utf8')]);
  return forms.map(([form, bytes]) => ({ form, bytes }));
}

/** Files under `dir` that contain the secret in any form, as "file: form" lines. */
export function findLeaks(dir: string, secret: string): string[] {
  const patterns = leakPatterns(secret);
  const hits: string[] = [];
  for (const file of listFiles(dir)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      if (vanished(err)) continue; // an atomic write's temporary file, renamed meanwhile
      throw err;
    }
    for (const p of patterns) if (bytes.includes(p.bytes)) hits.push(`${relative(dir, file)}: ${p.form}`);
  }
  return hits;
}

/** A running harness child process. */
export interface HarnessChild {
  url: string;
  origin: string;
  proc: ChildProcess;
  /** Everything the child printed so far (stdout + stderr). */
  output(): string;
  /** The session bus address the child saw (when started through with-keyring.sh). */
  bus: string | null;
  call(channel: string, args: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  stop(): Promise<void>;
}

/** Runs the harness inside its own `scripts/with-keyring.sh`: a fresh, private Secret Service. */
export const OWN_KEYRING = ['bash', join(ROOT, 'scripts', 'with-keyring.sh')];

/** Runs the harness on a private session bus that has no Secret Service and cannot start one. */
export function busWithoutSecretService(configDir: string): string[] {
  const conf = join(configDir, 'no-secrets-bus.conf');
  writeFileSync(
    conf,
    `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=${configDir}</listen>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>
`,
  );
  return ['dbus-run-session', `--config-file=${conf}`, '--'];
}

/**
 * Starts `node dist/harness.mjs` on 127.0.0.1 with the given profile and environment, optionally
 * behind a wrapper command (OWN_KEYRING, busWithoutSecretService(...)); the child then reports
 * the session bus address it saw, so the test can talk to that bus.
 */
export async function startHarnessChild(profileDir: string, env: NodeJS.ProcessEnv, wrapper: string[] = []): Promise<HarnessChild> {
  const harness = join(ROOT, 'dist', 'harness.mjs');
  if (!existsSync(harness)) throw new Error(`${harness} is missing: run \`npm run build\` first (scripts/test.sh does).`);
  const node = process.execPath;
  const direct = [node, harness, '--port', '0', '--profile', profileDir];
  const argv =
    wrapper.length > 0
      ? [...wrapper, 'bash', '-c', 'printf "BUS %s\\nPID %s\\n" "$DBUS_SESSION_BUS_ADDRESS" "$$"; exec "$0" "$@"', ...direct]
      : direct;
  const proc = spawn(argv[0]!, argv.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString('utf8')));
  const started = await new Promise<{ url: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`harness did not start within 30s:\n${out}`)), 30_000);
    const check = () => {
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { url: string });
      }
    };
    proc.stdout!.on('data', check);
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`harness exited early (code ${code}, signal ${signal}):\n${out}`));
    });
  });
  const origin = new URL(started.url).origin;
  const bus = /^BUS (.+)$/m.exec(out)?.[1] ?? null;
  const innerPid = Number(/^PID (\d+)$/m.exec(out)?.[1] ?? proc.pid);
  return {
    url: started.url,
    origin,
    proc,
    bus,
    output: () => out,
    async call(channel, callArgs) {
      const res = await fetch(`${origin}/ipc/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ args: callArgs }),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    },
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const exited = new Promise<void>((r) => proc.once('exit', () => r()));
      // Stop the harness itself: with-keyring.sh then stops its keyring and removes its temp dirs.
      try {
        process.kill(innerPid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000));
      if ((await Promise.race([exited, timeout])) === 'timeout') {
        try {
          process.kill(-proc.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
        await exited;
      }
    },
  };
}
