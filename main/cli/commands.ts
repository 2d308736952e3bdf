import { defaultsCommand } from './defaults.js';
import type { CliCommand } from './command.js';
import { EXIT } from './command.js';
import { wifiCommand } from './wifi.js';
import { surveyCommand } from './survey.js';
import { auditCommand } from './audit.js';
import { routerCommand } from './router.js';

/**
 * Declares a command whose capability has not landed yet: it says so plainly and exits 2, so a
 * script can never mistake it for "all good". Each later issue replaces its entry with the real one.
 */
export function notYet(name: string, summary: string, usage: string): CliCommand {
  return {
    name,
    summary,
    usage,
    async run(ctx) {
      ctx.stderr(`porchlight ${name}: not available in this version yet.\n`);
      return EXIT.error;
    },
  };
}

/** Every top-level command, in the order `--help` lists them. */
export const commands: CliCommand[] = [
  wifiCommand(),
  surveyCommand(),
  defaultsCommand(),
  auditCommand(),
  routerCommand(),
];
