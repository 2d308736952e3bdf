import type { Message, MessageFormatter } from '../core/messages/index.js';
import { PorchlightError } from '../core/errors.js';

/** Exit codes of every `porchlight` command: 0 all pass, 1 findings, 2 error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

/** What a command gets from the CLI host. */
export interface CliContext {
  argv: string[];
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Is stderr a terminal? Progress is shown only then (and never with --json). */
  stderrIsTTY?: boolean;
}

/** One `porchlight` command (a group such as `wifi` dispatches to its subcommands itself). */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** The full `--help`: every option with its default, limits and an example. */
  help?: string;
  run(ctx: CliContext): Promise<number>;
}

/** A clear usage error: printed to stderr with the command's usage, exit code 2. */
export class UsageError extends Error {
  readonly code = 'usage';
}

/** An error with a stable code for `--json` (`{"error":{"code","message"}}`), exit code 2. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let words: Promise<MessageFormatter> | null = null;

/**
 * The command line's words (English): the catalog and its formatter (zod, i18next), loaded on first
 * use and then shared, so a command that prints no words (`wifi scan --json`) never loads them.
 */
export function cliWords(): Promise<MessageFormatter> {
  words ??= Promise.all([import('../core/messages/index.js'), import('../../renderer/i18n/en/messages.json', { with: { type: 'json' } })]).then(([{ createMessageFormatter }, en]) =>
    createMessageFormatter({ en: en.default }),
  );
  return words;
}

/**
 * What the command line prints for an error, in its language (English): a PorchlightError's message
 * through the formatter (loaded only when an error is printed, so `wifi scan --json` stays light),
 * anything else as its own line.
 */
export async function cliErrorText(err: unknown): Promise<string> {
  if (!(err instanceof PorchlightError)) return (err as Error)?.message ?? String(err);
  return (await cliWords()).format(err.userMessage);
}

/** Writes `{"error":{"code","message"}}` to stdout when the command was asked for JSON. */
export function jsonError(ctx: Pick<CliContext, 'argv' | 'stdout'>, code: string, message: string): void {
  if (ctx.argv.includes('--json')) ctx.stdout(`${JSON.stringify({ error: { code, message } }, null, 2)}\n`);
}

/**
 * A one-line progress indicator on stderr ("surveying lo … 3 s of at most 10 s"), redrawn every
 * second, shown only when stderr is a terminal and the output is not --json; stop() clears it.
 */
export function startProgress(ctx: Pick<CliContext, 'stderr' | 'stderrIsTTY'>, json: boolean, label: string, budgetSeconds?: number): { stop(): void } {
  if (!ctx.stderrIsTTY || json) return { stop() {} };
  const t0 = Date.now();
  const draw = () => {
    const s = Math.floor((Date.now() - t0) / 1000);
    ctx.stderr(`\r${label} … ${s} s${budgetSeconds ? ` of at most ${budgetSeconds} s` : ''}\x1b[K`);
  };
  draw();
  const timer = setInterval(draw, 1000);
  timer.unref?.();
  return {
    stop() {
      clearInterval(timer);
      ctx.stderr('\r\x1b[K');
    },
  };
}

/**
 * Tells every recovery or storage trouble found while opening the profile (a damaged file kept
 * aside and restored, a full or read-only disk) on stderr, so a scheduled run never recovers in
 * silence (issue 13): one `porchlight: …` line each, or with --json one JSON line
 * `{"notices":[…]}` (stdout stays exactly the documented report, whose schema is closed).
 */
export async function tellNotices(ctx: Pick<CliContext, 'stderr'>, notices: readonly Message[], json = false): Promise<string[]> {
  if (notices.length === 0) return [];
  // The notices are messages: put into the CLI's words (English), loaded only when there is one to tell.
  const formatter = await cliWords();
  const said = notices.map((n) => formatter.format(n));
  if (json) ctx.stderr(`${JSON.stringify({ notices: said })}\n`);
  else for (const n of said) ctx.stderr(`porchlight: ${n}\n`);
  return said;
}
