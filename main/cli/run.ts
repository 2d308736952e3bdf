import { commands } from './commands.js';
import { EXIT, jsonError } from './command.js';
import { runCommand, type CliIo } from './dispatch.js';
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
    'Exit codes: 0 all pass, 1 findings, 2 error. With --json, an error is printed as {"error":{"code","message"}}.',
    'Network commands only probe the scope you give them (--interface, --gateway, --host). Without',
    '--interface, `survey` looks at the active interface and `audit` at none; both say so on stderr.',
    'Every command lists its options, defaults, limits and examples: porchlight <command> --help',
    '',
  ].join('\n');
}

/** Runs the CLI with the given arguments; returns the exit code instead of exiting (testable). */
export async function runCli(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
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
    const message = `unknown command "${first}". Run "porchlight --help" for the list.`;
    jsonError({ argv: rest, stdout: io.stdout }, 'usage', message);
    io.stderr(`porchlight: ${message}\n`);
    return EXIT.error;
  }
  return runCommand(command, rest, io, env);
}

