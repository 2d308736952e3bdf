import { writeFile } from 'node:fs/promises';
import type { CliCommand, CliContext } from './command.js';
import { checkInputPath, checkOutputPath, helpText, numberFlag, parseFlags, scopeFlags, SCOPE_FLAGS } from './flags.js';
import { EXIT, startProgress, tellNotices, UsageError } from './command.js';
import { describeScope, SCOPE_HELP, scopeFromFlags } from './survey.js';
import { isIpv4 } from '../core/network/ip.js';
import type { Report } from '../core/report/report.js';
// types only: the CLI loads the core lazily (start-up time)
import type { Consent, ConsentKind } from '../core/model/index.js';

const USAGE = 'porchlight audit [--json] [--html FILE] [--pdf FILE] [--interface NAME] [--gateway IP] [--admin-port N] [--seconds N] [--neighbors FILE]';

const HELP = helpText({
  command: 'porchlight audit',
  summary: 'run every automated check, save the audit and print the report',
  usage: USAGE,
  options: [
    SCOPE_HELP.json,
    { flag: '--html', value: 'FILE', text: 'also write the report as an HTML page (the folder must exist; checked before the audit starts)', default: 'none', example: '--html ~/Documents/porchlight-audit.html' },
    { flag: '--pdf', value: 'FILE', text: 'also write the report as a PDF (needs Chromium; the folder must exist)', default: 'none', example: '--pdf ~/Documents/porchlight-audit.pdf' },
    SCOPE_HELP.interface,
    { ...SCOPE_HELP.gateway, text: `${SCOPE_HELP.gateway.text}; naming it is your consent to test its admin login for factory passwords (at most 5 tries); needs --interface` },
    { flag: '--admin-port', value: 'N', text: "the port of the router's admin page", default: '80', limits: '1 to 65535; needs --gateway', example: '--admin-port 8080' },
    SCOPE_HELP.seconds,
    SCOPE_HELP.neighbors,
  ],
  notes: [
    'Without --interface the audit re-checks the network you surveyed in the app (and the router login page you checked there), and only what you allowed on the app\'s Welcome step (Wi-Fi scan, device discovery, factory-password check); a check it does not re-run keeps its last dated result, or reads "unknown", and says why. If you never surveyed, it probes no network, says so on stderr, and the network checks read "unknown".',
    'Naming --interface (and --gateway) is your consent for that run: the checks run within the network you name.',
    'With --interface it prints, on stderr, the interface and subnet it looks at.',
  ],
  examples: ['porchlight audit --interface wlan0 --gateway 192.168.1.1 --html ~/Documents/porchlight-audit.html', 'porchlight audit --json'],
});

/** Each kind of look the owner allows on the app's welcome step, in words. */
export const CONSENT_WORDS: Record<ConsentKind, string> = {
  wifiScan: 'scanning for Wi-Fi networks',
  routerIdentity: 'asking the router what it is',
  deviceDiscovery: 'looking for devices on your network',
  credentialProbe: "trying factory passwords on your router's login page",
};

/** The stderr line that says what a flag-less audit will not re-run, and why (the owner's answers in the app). */
export function consentLine(consent: Pick<Consent, ConsentKind>): string {
  const kinds = Object.keys(CONSENT_WORDS) as ConsentKind[];
  const refused = kinds.filter((k) => consent[k] === false).map((k) => CONSENT_WORDS[k]);
  const unanswered = kinds.filter((k) => consent[k] === null).map((k) => CONSENT_WORDS[k]);
  if (!refused.length && !unanswered.length) return 'porchlight audit: re-checking everything you allowed in the app\n';
  const parts = [
    ...(refused.length ? [`you said no in the app to ${refused.join(', ')}`] : []),
    ...(unanswered.length ? [`you have not answered in the app about ${unanswered.join(', ')}`] : []),
  ];
  return `porchlight audit: re-checking only what you allowed in the app; ${parts.join('; ')} — the checks that need it are not re-run and keep their last dated result (or read "not known"); name a network with --interface to check anyway\n`;
}

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
    adminPort: numberFlag(v['admin-port'], '--admin-port') ?? null,
  };
  if (f.gateway !== null && !isIpv4(f.gateway)) throw new UsageError(`"${f.gateway}" is not an IPv4 address (e.g. --gateway 192.168.1.1)`);
  if (f.gateway !== null && f.iface === null) throw new UsageError('--gateway needs --interface (the network it is on), e.g. --interface wlan0 --gateway 192.168.1.1');
  if (f.adminPort !== null && f.gateway === null) throw new UsageError('--admin-port needs --gateway (the router whose admin page it is)');
  return f;
}

/** Checks the files the audit will read and write before it starts (so no work is lost to a bad path). */
export function checkAuditPaths(f: Pick<AuditFlags, 'html' | 'pdf' | 'neighbors'>): void {
  if (f.html !== null) checkOutputPath(f.html, '--html');
  if (f.pdf !== null) checkOutputPath(f.pdf, '--pdf');
  if (f.neighbors !== null) checkInputPath(f.neighbors, '--neighbors');
}

/** Exit code of an audit: 0 when every applicable check passes, 1 when anything is open (fail, warn, unknown). */
export function auditExitCode(report: Pick<Report, 'checks'>): number {
  return report.checks.every((c) => c.status === 'pass' || c.status === 'skipped') ? EXIT.ok : EXIT.findings;
}

/** Each status in words a person reads (the check's id stays in --json). */
export const STATUS_WORDS = { pass: 'passed', warn: 'needs work', fail: 'failed', unknown: 'not known', skipped: 'skipped' } as const;

/** The plain-text summary printed without --json. */
export function humanSummary(r: Report): string {
  const d = r.diff;
  const lines = [
    `Porchlight audit ${r.audit.at.slice(0, 10)} (${r.audit.mode}) — score ${r.score}/100${d.scoreDelta !== null ? ` (${d.scoreDelta >= 0 ? '+' : ''}${d.scoreDelta} since ${d.previous!.at.slice(0, 10)})` : ''}`,
    '',
    ...r.checks.map((c) => `  ${STATUS_WORDS[c.status].padEnd(10)}  ${c.title}: ${c.evidence.text}${c.reason && !c.evidence.text.includes(c.reason) ? ` — ${c.reason}` : ''}`),
    '',
    r.actions.length ? 'Remaining actions, most important first:' : 'Nothing left to do.',
    ...r.actions.map((a, i) => `  ${i + 1}. (+${a.points}) ${a.title}: ${a.next}`),
  ];
  if (d.previous) {
    const list = (label: string, items: string[]) => (items.length ? [`  ${label}: ${items.join(', ')}`] : []);
    const title = (id: string) => r.checks.find((c) => c.id === id)?.title ?? id;
    const word = (s: string) => STATUS_WORDS[s as keyof typeof STATUS_WORDS] ?? s;
    lines.push(
      '',
      `Since the audit of ${d.previous.at.slice(0, 10)}:`,
      ...list('new devices', d.newDevices.map((x) => x.name ?? x.key)),
      ...list('devices gone', d.goneDevices.map((x) => x.name ?? x.key)),
      ...list('got worse', d.regressed.map((x) => `${title(x.id)} (${word(x.from)} → ${word(x.to)})`)),
      ...list('got better', d.improved.map((x) => `${title(x.id)} (${word(x.from)} → ${word(x.to)})`)),
      ...list('confirmations expired', d.expiredConfirmations.map((x) => title(x.id))),
    );
  }
  lines.push('', `Next re-audit due ${r.schedule.nextDueAt.slice(0, 10)}.`, '');
  return lines.join('\n');
}

/**
 * `porchlight audit`: runs every automated check this build has within the given scope (nothing
 * on the network without --interface or a network the owner surveyed in the app), reads confirmations from the home model, saves the
 * audit, prints it, optionally writes the HTML/PDF report. Naming --gateway is the consent to
 * probe that router's admin login (port 80, or --admin-port) for factory defaults (at most 5 attempts).
 * Exit 0 all pass, 1 findings, 2 error.
 */
export function auditCommand(): CliCommand {
  return {
    name: 'audit',
    summary: 'Run every automated check, save the audit and print the report',
    usage: USAGE,
    help: HELP,
    async run(ctx: CliContext) {
      const { createNodeCore, defaultProfileDir, nodeNetworkDeps, savedScope } = await import('./host.js');
      const f = parseAuditFlags(ctx.argv);
      checkAuditPaths(f);
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
      // Flags name the scope themselves; without them only what the owner allowed in the app is re-run.
      const consent = fromFlags ? null : core.model.read().consent;
      ctx.stderr(
        fixed
          ? `porchlight audit: looking at ${describeScope({ ...fixed, gateway: fixed.gateway ?? null })}${fromFlags ? '' : ' (the network you surveyed in the app)'}\n`
          : 'porchlight audit: no --interface given and no network surveyed in the app yet, so no network is looked at and the network checks read "not known"; name one with --interface (e.g. --interface wlan0)\n',
      );
      if (consent) ctx.stderr(consentLine(consent));
      await tellNotices(ctx, core.notices, f.json);
      const exporting = f.html !== null || f.pdf !== null;
      const progress = startProgress(ctx, f.json, 'auditing');
      let record;
      let notRun: string[] = [];
      try {
        ({ record, notRun } = await core.audit.runHeadless({ interface: fixed?.interface ?? null, gateway: fixed?.gateway ?? f.gateway, adminPort: f.adminPort }, { exportingNow: exporting, consent }));
      } finally {
        progress.stop();
      }
      for (const [format, file] of [['html', f.html], ['pdf', f.pdf]] as const) {
        if (file === null) continue;
        const writing = startProgress(ctx, f.json, `writing the ${format.toUpperCase()} report`);
        try {
          await core.audit.export(format, record.id, (out) => writeFile(file, out.bytes, { mode: 0o600 }));
        } finally {
          writing.stop();
        }
        ctx.stderr(`porchlight audit: wrote the ${format.toUpperCase()} report to ${file}\n`);
      }
      const report = core.audit.report(record.id);
      for (const c of report.checks.filter((x) => notRun.includes(x.id))) ctx.stderr(`porchlight audit: not re-checked: ${c.title} — ${c.detailMessage?.code.startsWith('consent.kept.') ? `${c.detail} (${STATUS_WORDS[c.status]} then)` : c.reason}\n`);
      ctx.stdout(f.json ? `${JSON.stringify(report, null, 2)}\n` : humanSummary(report));
      return auditExitCode(report);
    },
  };
}
