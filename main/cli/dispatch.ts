/**
 * Runs one command of the table with its arguments: its help for `--help`, else the command, with
 * every error it throws turned into words (and a JSON error with `--json`) and exit code 2. The
 * dispatcher (run.ts) calls it once it has found the command; `porchlight wifi` calls it directly
 * when it started the scan early (wifi-early.ts), without loading the command table.
 */
import { cliErrorText, CliError, EXIT, jsonError, UsageError, type CliCommand, type CliContext } from './command.js';
import { PorchlightError } from '../core/errors.js';

export type CliIo = Pick<CliContext, 'stdout' | 'stderr'> & { stderrIsTTY?: boolean };

export async function runCommand(command: CliCommand, rest: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help ?? `${command.summary}\n\nUsage: ${command.usage}\n`);
    return EXIT.ok;
  }
  // stderrIsTTY is read when a command asks: touching process.stderr opens the stream (a few ms of start-up).
  const ctx: CliContext = {
    argv: rest,
    env,
    stdout: io.stdout,
    stderr: io.stderr,
    get stderrIsTTY() {
      return io.stderrIsTTY ?? process.stderr.isTTY === true;
    },
  };
  try {
    return await command.run(ctx);
  } catch (err) {
    const code = err instanceof UsageError ? 'usage' : err instanceof CliError || err instanceof PorchlightError ? err.code : 'internal';
    const message = await cliErrorText(err);
    jsonError(ctx, code, message);
    if (err instanceof UsageError) {
      io.stderr(`porchlight ${command.name}: ${message}\nUsage: ${command.usage}\nMore: porchlight ${command.name} --help\n`);
    } else {
      io.stderr(`porchlight ${command.name}: ${message}\n`);
    }
    return EXIT.error;
  }
}
