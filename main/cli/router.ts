import type { CliCommand, CliContext } from './command.js';
import { cliWords, EXIT, tellNotices, UsageError } from './command.js';
import { helpText, parseFlags, subcommand } from './flags.js';
import { PorchlightError } from '../core/errors.js';
import type { RouterPlan, RouterRequest, RouterStatus } from '../core/router-api/index.js';
import type { WifiScanService } from '../core/wifi/scan-service.js';
import { askHidden, type HiddenPromptIo } from './router-password-prompt.js';

const USAGE = 'porchlight router status|plan|apply --gateway IP [--user NAME] [--wifi wpa3|transition] [--iot NAME] [--new-admin-password] [--wps-off] [--remote-admin-off] [--upnp-off] [--wired] [--json] [--yes]';

const HELP = helpText({
  command: 'porchlight router',
  summary: "read your router's own settings through its own interface (FRITZ!Box: TR-064; OpenWrt: ubus over HTTPS), plan fixes, and apply them with your yes",
  usage: USAGE,
  options: [
    { flag: '--gateway', value: 'IP', text: "your router's address; naming it is your consent to log in to it once", default: 'none (required)', limits: 'a private or loopback address', example: '--gateway 192.168.178.1' },
    { flag: '--user', value: 'NAME', text: "the router user Porchlight logs in as (FRITZ!Box: System > FRITZ!Box Users; OpenWrt: root unless you made another); remembered for this router. The password comes from your keychain (saved in the Passwords step, or asked for once here)", default: 'the one remembered for this router (OpenWrt: root)', example: '--user porchlight' },
    { flag: '--wifi', value: 'wpa3|transition', text: 'the Wi-Fi security to plan for your home network: WPA3 only, or WPA2/WPA3 transition when older devices must stay connected', default: 'wpa3', example: '--wifi transition' },
    { flag: '--iot', value: 'NAME', text: "plan a separate network for smart devices with this name: on, secured with WPA2/WPA3, kept apart from your home network; its passphrase is the one saved in your keychain for that name, or a new one Porchlight makes and saves there", default: 'none (not planned)', limits: '1 to 32 characters', example: '--iot "Home Things"' },
    { flag: '--new-admin-password', text: "plan a new administrator password for the router: Porchlight makes it and saves it in your keychain, sets it, logs in with it, and only then keeps the old one as the previous one (until you discard it); if the router does not accept the new one, the old one stays", default: 'off (not planned)', example: '--new-admin-password' },
    { flag: '--wps-off', text: 'plan to turn off WPS', default: 'on (always planned)', example: '--wps-off' },
    { flag: '--remote-admin-off', text: 'plan to turn off administration from the internet', default: 'off (not planned)', example: '--remote-admin-off' },
    { flag: '--upnp-off', text: 'plan to turn off automatic port opening (UPnP)', default: 'off (not planned)', example: '--upnp-off' },
    { flag: '--wired', text: 'this computer reaches the router by cable (or another network), so a Wi-Fi change cannot cut its link', default: 'off: Porchlight reads the current Wi-Fi and refuses changes to the network this computer uses', example: '--wired' },
    { flag: '--yes', text: 'apply: you have read the plan and agree', default: 'off (apply prints the plan only)', example: '--yes' },
    { flag: '--json', text: 'print the result as JSON on stdout', default: 'off (plain text)', example: '--json' },
  ],
  notes: [
    'Supported routers: a FRITZ!Box with "Permit access for apps" on, and OpenWrt with HTTPS for its web interface (luci-ssl). Porchlight asks the router which it is, without logging in; other routers get the manual guide.',
    'The router password is read from your keychain (router/admin). When it is missing, Porchlight asks for it once on the terminal (hidden) and saves it in the keychain; without a terminal it stops and says how to save it. A password is never accepted on the command line.',
    'status: read Wi-Fi security, WPS, firmware and automatic updates, remote administration, UPnP and the ports devices opened, and whether the factory password is still set.',
    'plan: list, in plain words, every change Porchlight would make; changes nothing.',
    'apply: make the planned changes (only with --yes; without it the plan is printed), check them by reading the router again and, for Wi-Fi changes, by a new Wi-Fi scan from this computer where it can see the network (otherwise the output says the check is the router\'s answer only), and undo them if the check fails. On OpenWrt the router also undoes the change by itself unless Porchlight confirms it after the check; if a run was stopped in between, the next run says so.',
    'Exit codes: status 0 when every setting read is safe, 1 when something should change; plan and apply without --yes 0 when nothing is to change, 1 when changes are planned; apply --yes 0 when every change was made and checked, 1 when a change was refused or undone; 2 on an error (wrong password, router blocked, changed certificate, no app interface).',
    'Porchlight logs in at most once per run: after a rejected password it does not try again, so the router does not lock you out.',
  ],
  examples: ['porchlight router status --gateway 192.168.178.1 --user porchlight', 'porchlight router apply --gateway 192.168.178.1 --wifi transition --upnp-off --yes'],
});

interface Args {
  sub: 'status' | 'plan' | 'apply';
  gateway: string;
  user: string | null;
  json: boolean;
  yes: boolean;
  wired: boolean;
  /** What to plan, as flags say it; the core turns it into the desired state (desiredStateOf) once it is loaded. */
  request: RouterRequest;
}

function parseArgs(argv: string[]): Args {
  const [sub, rest] = subcommand(argv, ['status', 'plan', 'apply'] as const);
  const v = parseFlags(rest, {
    gateway: { type: 'string' },
    user: { type: 'string' },
    wifi: { type: 'string' },
    json: { type: 'boolean' },
    yes: { type: 'boolean' },
    wired: { type: 'boolean' },
    'wps-off': { type: 'boolean' },
    'remote-admin-off': { type: 'boolean' },
    'upnp-off': { type: 'boolean' },
    iot: { type: 'string' },
    'new-admin-password': { type: 'boolean' },
  });
  if (!v.gateway) throw new UsageError('--gateway is required: your router\'s address, e.g. --gateway 192.168.178.1');
  if (v.wifi !== undefined && v.wifi !== 'wpa3' && v.wifi !== 'transition') throw new UsageError('--wifi takes wpa3 or transition');
  if (v.yes && sub !== 'apply') throw new UsageError('--yes belongs to apply only');
  const request: RouterRequest = { homeWifi: v.wifi === 'transition' ? 'transition' : 'wpa3', wpsOff: true };
  if (v['remote-admin-off']) request.remoteAdminOff = true;
  if (v['upnp-off']) request.upnpOff = true;
  if (v.iot !== undefined) {
    if (v.iot.length < 1 || v.iot.length > 32 || /\p{Cc}/u.test(v.iot)) throw new UsageError('--iot takes the name of the separate network, 1 to 32 characters');
    request.iotWifi = { ssid: v.iot };
  }
  if (v['new-admin-password']) request.adminPassword = true;
  return { sub, gateway: v.gateway, user: v.user ?? null, json: v.json ?? false, yes: v.yes ?? false, wired: v.wired ?? false, request };
}

/** Findings in a status: settings the router itself reports as unsafe. */
function findings(s: RouterStatus): string[] {
  const out: string[] = [];
  if (s.wifi.known) for (const n of s.wifi.value.filter((x) => x.role === 'home' && x.enabled && x.encryption !== 'wpa3')) out.push(`wifi:${n.id}`);
  if (s.wps.known && s.wps.value.enabled) out.push('wps');
  if (s.remoteAdmin.known && s.remoteAdmin.value.enabled) out.push('remote-admin');
  if (s.upnp.known && s.upnp.value.enabled) out.push('upnp');
  if (s.adminPasswordDefault.known && s.adminPasswordDefault.value.isDefault) out.push('admin-default');
  if (s.firmware.known && s.firmware.value.updateAvailable && s.firmware.value.autoUpdate !== 'all' && s.firmware.value.autoUpdate !== 'important') out.push('firmware');
  return out;
}

/**
 * `porchlight router status|plan|apply`: the router automation of issue 16 on the command line,
 * with the same core, keychain, attempt ledger and proof as the app.
 */
export function routerCommand(): CliCommand {
  return {
    name: 'router',
    summary: "Read and fix your router's settings through its own interface (FRITZ!Box, OpenWrt)",
    usage: USAGE,
    help: HELP,
    async run(ctx: CliContext) {
      const args = parseArgs(ctx.argv);
      const [{ createNodeCore, defaultProfileDir }, api, { PinnedRouterTransport }, { ConfDocumentStore }, words, { NodeHttpFetcher }] = await Promise.all([
        import('./host.js'),
        import('../core/router-api/index.js'),
        import('../adapters/router/pinned-transport.js'),
        import('../adapters/conf-document-store.js'),
        cliWords(),
        import('../adapters/network/http-fetcher.js'),
      ]);
      const desired = api.desiredStateOf(args.request);
      const profileDir = defaultProfileDir(ctx.env);
      const core = createNodeCore({ host: 'cli', profileDir, opener: { open: async () => Promise.reject(new PorchlightError('refused', 'error.cli-opens-no-links')) } });
      await tellNotices(ctx, core.notices, args.json);
      const pins = api.documentPinStore(new ConfDocumentStore({ dir: profileDir, name: 'router-api', schema: api.RouterPinsSchema, defaults: api.DEFAULT_ROUTER_PINS, version: '1.0.0' }));
      const pending = new ConfDocumentStore({ dir: profileDir, name: api.ROUTER_PENDING_DOCUMENT, schema: api.PendingApplySchema, defaults: api.NO_PENDING_APPLY, version: '1.0.0' });
      if (args.user) pins.setUserName(args.gateway, args.user);
      const fail = (code: string, message: string) => {
        if (args.json) ctx.stdout(`${JSON.stringify({ error: { code, message } }, null, 2)}\n`);
        ctx.stderr(`porchlight router ${args.sub}: ${message}\n`);
        return EXIT.error;
      };
      // The router password: from the keychain; asked for once (hidden, on a terminal) when missing.
      const account = 'router/admin';
      if ((await core.secrets.read(account)) === null) {
        const io = defaultTerminal();
        if (!io) return fail('credentials-missing', `Porchlight has no password for your router (${args.gateway}) in your keychain yet, and cannot ask for it here because this is not a terminal. Run the same command once in a terminal (it asks for the password, hidden, and saves it in your keychain), or save it in the app's Passwords step. A password is never accepted on the command line.`);
        const typed = await askHidden(io, `Password of your router (${args.gateway}), saved in your keychain, never shown: `);
        if (!typed) return fail('credentials-missing', 'No password was entered, so nothing was saved and nothing was sent to the router.');
        await core.secrets.write(account, typed);
        ctx.stderr('Saved in your keychain as the router password.\n');
      }
      const linkSsid = async () => (args.wired ? null : await currentSsid(ctx));
      const choice = await api.chooseRouterClient({
        host: args.gateway,
        transport: new PinnedRouterTransport(),
        secrets: { get: (a) => core.secrets.read(a), set: (a, v) => core.secrets.write(a, v) },
        pins,
        pending,
        guard: new api.LoginGuard(core.credentials.ledger),
        clock: { now: () => new Date() },
        http: new NodeHttpFetcher(),
        // How long an OpenWrt waits for the confirm before it undoes an apply by itself (rpcd's default 60 s; labs shorten it).
        ...(applyTimeout(ctx.env) ? { openwrtApplyTimeoutSeconds: applyTimeout(ctx.env)! } : {}),
        linkSsid,
        onConfirmOnDevice: (_methods, seconds) => ctx.stderr(`Press the button on your FRITZ!Box (or confirm on your FRITZ!Fon) to allow this change — Porchlight waits up to ${seconds} seconds.\n`),
      });
      if (choice.kind === 'unsupported') return fail('unsupported', words.format(choice.reason));
      const client = choice.client;
      const out = (value: unknown, text: string) => ctx.stdout(args.json ? `${JSON.stringify(value, null, 2)}\n` : text);
      try {
        // OpenWrt: an apply an earlier run left unconfirmed (killed between apply and proof) is resolved and said first.
        const interrupted = choice.kind === 'openwrt' ? await choice.client.interruptedApply() : null;
        const when = interrupted ? new Date(interrupted.startedAt).toUTCString() : '';
        const interruptedWords = interrupted ? words.format({ ...interrupted.message, params: { ...interrupted.message.params, startedAt: when } }) : '';
        const said = interrupted ? { interrupted: { startedAt: interrupted.startedAt, changes: interrupted.keys, outcome: interrupted.outcome, message: interruptedWords } } : {};
        const before = !interrupted
          ? ''
          : interrupted.outcome === 'rolled-back'
            ? `Your router undid an unfinished change from ${when}: Porchlight was stopped before it could check it, so the router went back to its previous settings by itself${interrupted.rolledBackNow ? ' (Porchlight asked it to just now)' : ''}. Nothing of it stayed.\n`
            : `An unfinished change from ${when} was NOT undone: ${interruptedWords}.\n`;
        if (args.sub === 'status') {
          const s = await client.readStatus();
          const f = findings(s);
          out({ gateway: args.gateway, router: choice.kind, ...said, status: s, findings: f }, before + statusText(s, words.format.bind(words)));
          return f.length > 0 ? EXIT.findings : EXIT.ok;
        }
        const plan = await client.plan(desired);
        const active = plan.changes.filter((c) => !c.refused);
        if (args.sub === 'plan' || !args.yes) {
          out({ gateway: args.gateway, router: choice.kind, ...said, plan, applied: false }, before + planText(plan, words.format.bind(words)) + (args.sub === 'apply' ? 'Nothing was changed. Run again with --yes to make these changes.\n' : ''));
          return active.length > 0 ? EXIT.findings : EXIT.ok;
        }
        // Secrets the changes need go to the keychain first (never shown, never on argv).
        const { iot, made } = await api.ensureIotPassphrase(core.secrets, desired, plan);
        if (made) ctx.stderr(`A new passphrase for "${iot!.ssid}" was made and saved in your keychain (the app's separate-network step shows it: "Show the saved passphrase").\n`);
        const scanner = await wifiScanner(ctx);
        const waitMs = Number(ctx.env.PORCHLIGHT_ROUTER_RESCAN_WAIT_MS ?? '') || undefined;
        const { adminPassword: _pw, ...rest } = desired;
        // The admin password alone and last (the core's one flow): made into the keychain, set, logged in with, only then the old one kept as previous.
        const r = await api.applyPlanWithAdminPassword(client, plan, desired, api.readBackAndRescanProof(client, rest, { scanner, ...(waitMs ? { waitMs } : {}) }), core.secrets);
        const basis = (r.outcome === 'nothing-to-do' ? [] : (r.proof?.basis ?? [])).map((m) => words.format(m));
        const refused = plan.changes.filter((c) => c.refused).length;
        const text =
          before +
          planText(plan, words.format.bind(words)) +
          (r.outcome === 'verified'
            ? `Done and checked: the router now reports every change (${r.result.applied.length}).\n`
            : r.outcome === 'nothing-to-do'
              ? 'Nothing was changed.\n'
              : r.outcome === 'restored'
                ? `The check after the change failed (${words.format(r.reason)}), so Porchlight put the previous settings back.\n`
                : `The check after the change failed (${words.format(r.reason)}) and putting the previous settings back failed too: check the router's settings by hand.\n`) +
          basis.map((b) => `  ${b}.\n`).join('');
        out({ gateway: args.gateway, router: choice.kind, ...said, plan, outcome: r.outcome, applied: r.result?.applied ?? [], reason: 'reason' in r ? r.reason : null, reasonText: 'reason' in r ? words.format(r.reason) : null, proofBasis: basis }, text);
        return r.outcome === 'verified' && refused === 0 ? EXIT.ok : r.outcome === 'restore-failed' ? EXIT.error : EXIT.findings;
      } catch (err) {
        const message = err instanceof api.RouterError ? words.format(err.detail) : err instanceof PorchlightError ? words.format(err.userMessage) : 'Something went wrong inside Porchlight.';
        const code = err instanceof api.RouterError ? err.kind : err instanceof PorchlightError ? err.code : 'internal';
        if (args.json) ctx.stdout(`${JSON.stringify({ error: { code, message } }, null, 2)}\n`);
        ctx.stderr(`porchlight router ${args.sub}: ${message}\n`);
        return EXIT.error;
      }
    },
  };
}

/** The computer's Wi-Fi scanner (nmcli, netsh, airport through node-wifi); its readings say when it cannot scan. */
async function wifiScanner(ctx: CliContext): Promise<Pick<WifiScanService, 'scan'> | null> {
  try {
    const [{ NodeWifiScanner }, { WifiScanService: Service }] = await Promise.all([import('../adapters/wifi/node-wifi-scanner.js'), import('../core/wifi/scan-service.js')]);
    return new Service(new NodeWifiScanner({ iface: ctx.env.PORCHLIGHT_WIFI_INTERFACE ?? null }));
  } catch {
    return null;
  }
}

/** PORCHLIGHT_ROUTER_APPLY_TIMEOUT_SECONDS, 2 to 600, else null (the router's default). */
function applyTimeout(env: NodeJS.ProcessEnv): number | null {
  const n = Number(env.PORCHLIGHT_ROUTER_APPLY_TIMEOUT_SECONDS ?? '');
  return Number.isInteger(n) && n >= 2 && n <= 600 ? n : null;
}

/** The terminal the password question uses: stdin and stderr, only when both are terminals. */
function defaultTerminal(): HiddenPromptIo | null {
  return process.stdin.isTTY && process.stderr.isTTY ? { input: process.stdin, output: process.stderr } : null;
}

/** The Wi-Fi this computer is on (its name), null when on none, undefined when it cannot be told — then every Wi-Fi change counts as cutting the link. */
async function currentSsid(ctx: CliContext): Promise<string | null | undefined> {
  try {
    const { NodeWifiScanner } = await import('../adapters/wifi/node-wifi-scanner.js');
    const r = await new NodeWifiScanner({ iface: ctx.env.PORCHLIGHT_WIFI_INTERFACE ?? null }).current();
    if (r.kind === 'ok') return r.value?.ssid ?? null;
  } catch {
    // fall through: unknown
  }
  return undefined;
}

function fact<T>(f: { known: true; value: T } | { known: false; reason: { code: string; params: Record<string, unknown> } }, show: (v: T) => string, w: (m: never) => string): string {
  return f.known ? show(f.value) : `not known — ${w(f.reason as never)}`;
}

function statusText(s: RouterStatus, w: (m: never) => string): string {
  const lines = [`Router: ${s.identity.known ? `${s.identity.value.vendor} ${s.identity.value.model ?? ''}`.trim() : 'not known'}`];
  if (s.wifi.known) for (const n of s.wifi.value) lines.push(`  Wi-Fi "${n.ssid}" (${n.role === 'home' ? 'home network' : n.role === 'guest' ? 'guest network' : n.role === 'iot' ? 'smart-device network' : n.role === 'mesh' ? 'mesh link' : 'purpose not known'}): ${n.enabled ? n.encryption.toUpperCase().replace('WPA2-WPA3', 'WPA2/WPA3') : 'off'}`);
  else lines.push(`  Wi-Fi: ${fact(s.wifi, () => '', w)}`);
  lines.push(`  WPS (push-button setup): ${fact(s.wps, (v) => (v.enabled ? 'on' : 'off'), w)}`);
  lines.push(`  Firmware: ${fact(s.firmware, (v) => `${v.version}${v.updateAvailable ? ', an update is available' : v.updateAvailable === false ? ', current' : ''}; automatic updates: ${v.autoUpdate === 'notify' ? 'notify only' : v.autoUpdate}`, w)}`);
  lines.push(`  Administration from the internet: ${fact(s.remoteAdmin, (v) => (v.enabled ? 'on' : 'off'), w)}`);
  lines.push(`  Automatic port opening (UPnP): ${fact(s.upnp, (v) => (v.enabled ? `on${v.portMappings ? `, ${v.portMappings.length} port(s) opened by devices` : ''}` : 'off'), w)}`);
  lines.push(`  Factory password still set: ${fact(s.adminPasswordDefault, (v) => (v.isDefault ? 'YES — change it' : 'no'), w)}`);
  return `${lines.join('\n')}\n`;
}

function planText(p: RouterPlan, w: (m: never) => string): string {
  const lines: string[] = [];
  if (p.changes.length === 0) lines.push('Nothing to change.');
  else lines.push('Planned changes:');
  for (const c of p.changes) lines.push(`  ${c.refused ? '✗' : '•'} ${w(c.message as never)}${c.refused ? `\n      ${w(c.refused as never)}` : ''}`);
  for (const n of p.notes) lines.push(`  note: ${w(n as never)}`);
  return `${lines.join('\n')}\n`;
}
