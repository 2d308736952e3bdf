import { execFile } from 'node:child_process';

/** A command as node-wifi describes one: program and arguments (never a shell string). */
export interface CommandSpec {
  cmd: string;
  args: string[];
}

/** Why a command failed, in a form the scanner can turn into a reason. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly kind: 'not-found' | 'timeout' | 'exit' | 'spawn',
    readonly stdout: string,
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

/**
 * The environment every Wi-Fi tool runs with: the app's own variables plus a fixed locale, built
 * fresh per call and never written back into process.env. C.UTF-8 keeps nmcli's words
 * ("yes", "(none)") untranslated while non-ASCII SSIDs still print as UTF-8.
 */
export function toolEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };
  delete env.LANGUAGE;
  return env;
}

/** Runs a program with a deadline (killed when it passes) and a bounded output; resolves stdout. */
export function runCommand(spec: CommandSpec, opts: { timeoutMs: number; env?: NodeJS.ProcessEnv }): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      spec.cmd,
      spec.args,
      { env: opts.env ?? toolEnv(), timeout: opts.timeoutMs, killSignal: 'SIGKILL', maxBuffer: 8 * 1024 * 1024, encoding: 'utf8', windowsHide: true },
      (err, stdout, stderr) => {
        if (!err) return resolve(stdout);
        const e = err as NodeJS.ErrnoException & { killed?: boolean; code?: string | number | null };
        if (e.code === 'ENOENT') return reject(new CommandError(`${spec.cmd} was not found`, 'not-found', '', '', null));
        if (e.killed) return reject(new CommandError(`${spec.cmd} did not answer within ${Math.round(opts.timeoutMs / 1000)} s`, 'timeout', stdout ?? '', stderr ?? '', null));
        if (typeof e.code === 'number') return reject(new CommandError(`${spec.cmd} exited with code ${e.code}`, 'exit', stdout ?? '', stderr ?? '', e.code));
        reject(new CommandError(`${spec.cmd} could not be started: ${e.message}`, 'spawn', stdout ?? '', stderr ?? '', null));
      },
    );
  });
}
