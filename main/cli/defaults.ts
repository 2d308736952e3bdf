import type { CliCommand, CliContext } from './command.js';
import { EXIT, UsageError } from './command.js';
import { numberFlag, parseFlags, subcommand } from './flags.js';
import { PorchlightError } from '../core/errors.js';
import { attemptsText, type ProbeReport } from '../core/credentials/safe-prober.js';

const USAGE =
  'porchlight defaults check --host HOST[:PORT] [--https] [--vendor NAME] [--gateway IP] [--json] [--timeout-ms N] [--delay-ms N]';

interface Args {
  host: string;
  https: boolean;
  vendor: string | null;
  gateway: string | null;
  json: boolean;
  timeoutMs?: number;
  delayMs?: number;
}

function parseArgs(argv: string[]): Args {
  const [, rest] = subcommand(argv, ['check'] as const);
  const v = parseFlags(rest, {
    json: { type: 'boolean' },
    https: { type: 'boolean' },
    host: { type: 'string' },
    vendor: { type: 'string' },
    gateway: { type: 'string' },
    'timeout-ms': { type: 'string' },
    'delay-ms': { type: 'string' },
  });
  const ms = { min: 0, max: 600_000, integer: true, what: 'a whole number of milliseconds' };
  const out: Partial<Args> & { https: boolean; json: boolean } = {
    json: v.json ?? false,
    https: v.https ?? false,
    host: v.host,
    vendor: v.vendor ?? null,
    gateway: v.gateway ?? null,
    timeoutMs: numberFlag(v['timeout-ms'], '--timeout-ms', ms),
    delayMs: numberFlag(v['delay-ms'], '--delay-ms', ms),
  };
  if (!out.host) throw new UsageError('--host is required');
  return out as Args;
}

/** The stable `--json` shape (plus reason and notes for people reading it). */
function publicShape(r: ProbeReport) {
  return {
    host: r.host,
    login: r.login,
    vendor: r.vendor,
    result: r.result,
    attempts: r.attempts,
    auditAttempts: r.auditAttempts,
    matched: r.matched,
    reason: r.reason,
    tried: r.tried,
    candidates: r.candidates,
    triedLogins: r.triedLogins,
    evidence: r.evidence,
    certificate: r.certificate,
    notes: r.notes,
  };
}

function human(r: ProbeReport): string {
  const head =
    r.result === 'default-accepted'
      ? `DEFAULT PASSWORD ACCEPTED on ${r.host}`
      : r.result === 'default-rejected'
        ? `Factory defaults refused on ${r.host}`
        : `Could not decide for ${r.host}`;
  return [head, `  login: ${r.login}   vendor: ${r.vendor ?? 'unknown'}`, `  ${r.reason}`, `  ${attemptsText(r)}`, ...r.notes.map((n) => `  note: ${n}`), ''].join('\n');
}

/**
 * `porchlight defaults check`: the safe default-credential probe for one host the user names.
 * Exit 1 when a factory login is accepted (a finding), 0 when the defaults are refused, 2 when
 * it could not decide or the host was refused (nothing sent to a public address).
 */
export function defaultsCommand(): CliCommand {
  return {
    name: 'defaults',
    summary: 'Check whether a login still accepts its factory password',
    usage: USAGE,
    async run(ctx: CliContext) {
      const { createNodeCore, defaultProfileDir } = await import('./host.js');
      const args = parseArgs(ctx.argv);
      const core = createNodeCore({
        host: 'cli',
        profileDir: defaultProfileDir(ctx.env),
        opener: { open: async () => Promise.reject(new PorchlightError('refused', 'the command line opens no links')) },
      });
      let report: ProbeReport;
      try {
        const gateway = args.gateway;
        report = await core.credentials.check({
          host: args.host,
          https: args.https,
          vendor: args.vendor,
          consent: true,
          requestTimeoutMs: args.timeoutMs,
          delayMs: args.delayMs,
          ...(gateway ? { gatewayOverride: gateway } : {}),
        });
      } catch (err) {
        const info = err instanceof PorchlightError ? { code: err.code, message: err.message } : { code: 'internal', message: (err as Error).message };
        if (args.json) {
          ctx.stdout(`${JSON.stringify({ host: args.host, login: null, vendor: args.vendor, result: 'unknown', attempts: 0, matched: null, reason: info.message, error: info }, null, 2)}\n`);
        }
        ctx.stderr(`porchlight defaults check: ${info.message}\n`);
        return EXIT.error;
      }
      ctx.stdout(args.json ? `${JSON.stringify(publicShape(report), null, 2)}\n` : human(report));
      return report.result === 'default-accepted' ? EXIT.findings : report.result === 'default-rejected' ? EXIT.ok : EXIT.error;
    },
  };
}
