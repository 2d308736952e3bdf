import { commands } from './commands.js';
import { EXIT, UsageError, type CliContext } from './command.js';
import { appVersion } from '../app-version.js';

/** Help text listing every command; the same list the dispatcher uses, so it cannot drift. */
export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'porchlight — harden a smart home and prove each step took effect (headless re-audit)',
    '',
    'Usage: porchlight <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}\n  ${' '.repeat(width)}  ${c.usage}`),
    '',
    'Options:',
    '  --help       show this help',
    '  --version    print the version',
    '',
    'Exit codes: 0 all pass, 1 findings, 2 error.',
    'Network commands only probe the scope you give them (--interface, --gateway, --host).',
    '',
  ].join('\n');
}

/** Runs the CLI with the given arguments; returns the exit code instead of exiting (testable). */
export async function runCli(argv: string[], io: Pick<CliContext, 'stdout' | 'stderr'>, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(helpText());
    return first === undefined ? EXIT.error : EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${appVersion()}\n`);
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === first);
  if (!command) {
    io.stderr(`porchlight: unknown command "${first}". Run "porchlight --help" for the list.\n`);
    return EXIT.error;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run({ argv: rest, env, ...io });
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`porchlight ${command.name}: ${err.message}\nUsage: ${command.usage}\n`);
    } else {
      io.stderr(`porchlight ${command.name}: ${(err as Error).message}\n`);
    }
    return EXIT.error;
  }
}

