import { writeFile } from 'node:fs/promises';
import type { CliCommand, CliContext } from './command.js';
import { numberFlag, parseFlags, scopeFlags, SCOPE_FLAGS } from './flags.js';
import { EXIT, UsageError } from './command.js';
import { scopeFromFlags } from './survey.js';
import { isIpv4 } from '../core/network/ip.js';
import type { Report } from '../core/report/report.js';

const USAGE = 'porchlight audit [--json] [--html FILE] [--pdf FILE] [--interface NAME] [--gateway IP] [--admin-port N] [--seconds N] [--neighbors FILE]';

/** Parsed flags of `porchlight audit`. */
export interface AuditFlags {
  json: boolean;
  html: string | null;
  pdf: string | null;
  iface: string | null;
  gateway: string | null;
  adminPort: number | null;
  seconds: number | undefined;
  neighbors: string | null;
}

/** Parses the flags; anything unexpected is a usage error (exit 2). */
export function parseAuditFlags(argv: string[]): AuditFlags {
  const v = parseFlags(argv, { ...SCOPE_FLAGS, html: { type: 'string' }, pdf: { type: 'string' }, 'admin-port': { type: 'string' } });
  const f: AuditFlags = {
    ...scopeFlags(v),
    html: v.html ?? null,
    pdf: v.pdf ?? null,
    adminPort: numberFlag(v['admin-port'], '--admin-port', { min: 1, max: 65535, integer: true, what: 'a port number (1-65535)' }) ?? null,
  };
  if (f.gateway !== null && !isIpv4(f.gateway)) throw new UsageError(`"${f.gateway}" is not an IPv4 address`);
  if (f.gateway !== null && f.iface === null) throw new UsageError('--gateway needs --interface (the network it is on)');
  if (f.adminPort !== null && f.gateway === null) throw new UsageError('--admin-port needs --gateway');
  return f;
}

/** Exit code of an audit: 0 when every applicable check passes, 1 when anything is open (fail, warn, unknown). */
export function auditExitCode(report: Pick<Report, 'checks'>): number {
  return report.checks.every((c) => c.status === 'pass' || c.status === 'skipped') ? EXIT.ok : EXIT.findings;
}

const MARK = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', unknown: '????', skipped: 'SKIP' } as const;

/** The plain-text summary printed without --json. */
export function humanSummary(r: Report): string {
  const d = r.diff;
  const lines = [
    `Porchlight audit ${r.audit.at.slice(0, 10)} (${r.audit.mode}) — score ${r.score}/100${d.scoreDelta !== null ? ` (${d.scoreDelta >= 0 ? '+' : ''}${d.scoreDelta} since ${d.previous!.at.slice(0, 10)})` : ''}`,
    '',
    ...r.checks.map((c) => `  [${MARK[c.status]}] ${c.id.padEnd(28)} ${c.evidence.text}${c.reason && !c.evidence.text.includes(c.reason) ? ` — ${c.reason}` : ''}`),
    '',
    r.actions.length ? 'Remaining actions, most important first:' : 'Nothing left to do.',
    ...r.actions.map((a, i) => `  ${i + 1}. (+${a.points}) ${a.title}: ${a.next}`),
  ];
  if (d.previous) {
    const list = (label: string, items: string[]) => (items.length ? [`  ${label}: ${items.join(', ')}`] : []);
    lines.push(
      '',
      `Since the audit of ${d.previous.at.slice(0, 10)}:`,
      ...list('new devices', d.newDevices.map((x) => x.name ?? x.key)),
      ...list('devices gone', d.goneDevices.map((x) => x.name ?? x.key)),
      ...list('got worse', d.regressed.map((x) => `${x.id} (${x.from} → ${x.to})`)),
      ...list('got better', d.improved.map((x) => `${x.id} (${x.from} → ${x.to})`)),
      ...list('confirmations expired', d.expiredConfirmations.map((x) => x.id)),
    );
  }
  lines.push('', `Next re-audit due ${r.schedule.nextDueAt.slice(0, 10)}.`, '');
  return lines.join('\n');
}

/**
 * `porchlight audit`: runs every automated check this build has within the given scope (nothing
 * on the network without --interface), reads confirmations from the history store, saves the
 * audit, prints it, optionally writes the HTML/PDF report. Naming --gateway is the consent to
 * probe that router's admin login (port 80, or --admin-port) for factory defaults (at most 5 attempts).
 * Exit 0 all pass, 1 findings, 2 error.
 */
export function auditCommand(): CliCommand {
  return {
    name: 'audit',
    summary: 'Run every automated check, save the audit and print the report',
    usage: USAGE,
    async run(ctx: CliContext) {
      const { createNodeCore, defaultProfileDir, nodeNetworkDeps, savedScope } = await import('./host.js');
      const f = parseAuditFlags(ctx.argv);
      const fromFlags = await scopeFromFlags({ json: f.json, iface: f.iface, gateway: f.gateway, seconds: f.seconds, targets: [], sweep: false, neighbors: f.neighbors });
      const profileDir = defaultProfileDir(ctx.env);
      // No scope flags: re-check within the scope the owner consented to in the app (saved in the home model).
      const saved = fromFlags ? null : savedScope(profileDir);
      const fixed = fromFlags ?? (saved && { interface: saved.interface, interfaceAddress: saved.interfaceAddress, prefixLength: saved.prefixLength, gateway: saved.gateway, targets: saved.targets, seconds: f.seconds });
      const neighborFile = f.neighbors ?? ctx.env.PORCHLIGHT_NEIGHBOR_TABLE ?? null;
      const core = createNodeCore({
        host: 'cli',
        profileDir,
        opener: {
          async open() {
            throw new Error('the command line opens no links');
          },
        },
        // No flags and no saved scope: no network, and the survey's checks read unknown saying so.
        network: fixed ? nodeNetworkDeps({ neighborFile, fixedScope: () => fixed }) : undefined,
      });
      const exporting = f.html !== null || f.pdf !== null;
      const { record } = await core.audit.runHeadless({ interface: fixed?.interface ?? null, gateway: fixed?.gateway ?? f.gateway, adminPort: f.adminPort }, { exportingNow: exporting });
      for (const [format, file] of [['html', f.html], ['pdf', f.pdf]] as const) {
        if (file !== null) await core.audit.export(format, record.id, (out) => writeFile(file, out.bytes, { mode: 0o600 }));
      }
      const report = core.audit.report(record.id);
      ctx.stdout(f.json ? `${JSON.stringify(report, null, 2)}\n` : humanSummary(report));
      return auditExitCode(report);
    },
  };
}
