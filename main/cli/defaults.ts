import type { CliCommand, CliContext } from './command.js';
import { cliErrorText, cliWords, EXIT, tellNotices, UsageError } from './command.js';
import { helpText, LIMITS, numberFlag, parseFlags, subcommand } from './flags.js';
import { PorchlightError } from '../core/errors.js';
import type { ProbeReport } from '../core/credentials/safe-prober.js';
import type { Message } from '../core/messages/index.js';

const USAGE =
  'porchlight defaults check --host HOST[:PORT] [--https] [--vendor NAME] [--gateway IP] [--json] [--timeout-ms N] [--delay-ms N]';

const HELP = helpText({
  command: 'porchlight defaults check',
  summary: "check whether one device's login still accepts its factory password (at most 5 careful tries)",
  usage: USAGE,
  options: [
    { flag: '--host', value: 'HOST[:PORT]', text: 'the device whose admin login is tested; naming it is your consent', default: 'none (required)', limits: 'a private or loopback address or a local name; never a public address', example: '--host 192.168.1.1' },
    { flag: '--https', text: 'use HTTPS (the device\'s own certificate is accepted and reported)', default: 'off (HTTP)', example: '--https' },
    { flag: '--vendor', value: 'NAME', text: 'try only this maker\'s factory passwords', default: 'recognised from the login page', example: '--vendor Netgear' },
    { flag: '--gateway', value: 'IP', text: "your router's address, when it is the host and the route cannot be read", default: "the system's default route", example: '--gateway 192.168.1.1' },
    { flag: '--timeout-ms', value: 'N', text: 'how long one try may take', default: 'the prober\'s own (a few seconds)', limits: LIMITS['--timeout-ms'].what, example: '--timeout-ms 5000' },
    { flag: '--delay-ms', value: 'N', text: 'the pause between two tries (so the device does not lock the account)', default: 'the prober\'s own', limits: LIMITS['--delay-ms'].what, example: '--delay-ms 1000' },
    { flag: '--json', text: 'print the result as JSON on stdout', default: 'off (plain text)', example: '--json' },
  ],
  notes: ['Exit 1 when a factory password is accepted (change it!), 0 when they are refused, 2 when it could not decide.'],
  examples: ['porchlight defaults check --host 192.168.1.1', 'porchlight defaults check --host 192.168.1.20:8443 --https --vendor Hikvision --json'],
});

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
  const out: Partial<Args> & { https: boolean; json: boolean } = {
    json: v.json ?? false,
    https: v.https ?? false,
    host: v.host,
    vendor: v.vendor ?? null,
    gateway: v.gateway ?? null,
    timeoutMs: numberFlag(v['timeout-ms'], '--timeout-ms'),
    delayMs: numberFlag(v['delay-ms'], '--delay-ms'),
  };
  if (!out.host) throw new UsageError('--host is required: the device to test, e.g. --host 192.168.1.1');
  return out as Args;
}

/** Words for a message (the English catalog). */
type Words = (m: Message) => string;

/** The stable `--json` shape (plus reason and notes for people reading it, in words; `reasonMessage` keeps the code). */
function publicShape(r: ProbeReport, words: Words) {
  return {
    host: r.host,
    login: r.login,
    vendor: r.vendor,
    result: r.result,
    attempts: r.attempts,
    auditAttempts: r.auditAttempts,
    matched: r.matched,
    reason: words(r.reason),
    reasonMessage: r.reason,
    tried: r.tried,
    candidates: r.candidates,
    triedLogins: r.triedLogins,
    evidence: r.evidence.map(words),
    certificate: r.certificate,
    notes: r.notes.map(words),
  };
}

function human(r: ProbeReport, attemptsText: (r: ProbeReport) => string, words: Words): string {
  const head =
    r.result === 'default-accepted'
      ? `DEFAULT PASSWORD ACCEPTED on ${r.host}`
      : r.result === 'default-rejected'
        ? `Factory defaults refused on ${r.host}`
        : `Could not decide for ${r.host}`;
  return [head, `  login: ${r.login}   vendor: ${r.vendor ?? 'unknown'}`, `  ${words(r.reason)}`, `  ${attemptsText(r)}`, ...r.notes.map((n) => `  note: ${words(n)}`), ''].join('\n');
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
    help: HELP,
    async run(ctx: CliContext) {
      const { createNodeCore, defaultProfileDir } = await import('./host.js');
      const args = parseArgs(ctx.argv);
      const core = createNodeCore({
        host: 'cli',
        profileDir: defaultProfileDir(ctx.env),
        opener: { open: async () => Promise.reject(new PorchlightError('refused', 'error.cli-opens-no-links')) },
      });
      await tellNotices(ctx, core.notices, args.json);
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
        const info = err instanceof PorchlightError ? { code: err.code, message: await cliErrorText(err) } : { code: 'internal', message: (err as Error).message };
        if (args.json) {
          ctx.stdout(`${JSON.stringify({ host: args.host, login: null, vendor: args.vendor, result: 'unknown', attempts: 0, matched: null, reason: info.message, error: info }, null, 2)}\n`);
        }
        ctx.stderr(`porchlight defaults check: ${info.message}\n`);
        return EXIT.error;
      }
      // The prober's module is loaded by the core already; imported here so `--help` does not load it.
      const [{ attemptsText }, formatter] = await Promise.all([import('../core/credentials/safe-prober.js'), cliWords()]);
      const words: Words = (m) => formatter.format(m);
      ctx.stdout(args.json ? `${JSON.stringify(publicShape(report, words), null, 2)}\n` : human(report, (r) => attemptsText(r), words));
      return report.result === 'default-accepted' ? EXIT.findings : report.result === 'default-rejected' ? EXIT.ok : EXIT.error;
    },
  };
}
