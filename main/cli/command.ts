/** Exit codes of every `porchlight` command: 0 all pass, 1 findings, 2 error. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

/** What a command gets from the CLI host. */
export interface CliContext {
  argv: string[];
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

/** One `porchlight` command (a group such as `wifi` dispatches to its subcommands itself). */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(ctx: CliContext): Promise<number>;
}

/** A clear usage error: printed to stderr with the command's usage, exit code 2. */
export class UsageError extends Error {}

/**
 * Tells every recovery or storage trouble found while opening the profile (a damaged file kept
 * aside and restored, a full or read-only disk) on stderr, so a scheduled run never recovers in
 * silence (issue 13): one `porchlight: …` line each, or with --json one JSON line
 * `{"notices":[…]}` (stdout stays exactly the documented report, whose schema is closed).
 */
export function tellNotices(ctx: Pick<CliContext, 'stderr'>, notices: readonly string[], json = false): string[] {
  if (notices.length === 0) return [];
  if (json) ctx.stderr(`${JSON.stringify({ notices })}\n`);
  else for (const n of notices) ctx.stderr(`porchlight: ${n}\n`);
  return [...notices];
}
