import type { CliCommand, CliContext } from './command.js';
import { cliWords, EXIT } from './command.js';
import { helpText, parseFlags, subcommand } from './flags.js';
import type { WifiNetworkView } from '../core/wifi/scan-service.js';
import type { WifiScanner } from '../core/ports.js';
import type { Message } from '../core/messages/index.js';
import { stepsOf } from '../core/light-message.js';

const USAGE = 'porchlight wifi scan [--json] [--interface NAME] | porchlight wifi status [--json] [--interface NAME]';

const HELP = helpText({
  command: 'porchlight wifi',
  summary: 'list the Wi-Fi networks this computer sees (scan) or the one it is connected to (status), with their exact security',
  usage: USAGE,
  options: [
    { flag: '--interface', value: 'NAME', text: 'the Wi-Fi adapter to ask', default: "the system's Wi-Fi adapter", example: '--interface wlan0' },
    { flag: '--json', text: 'print the result as JSON on stdout (status prints null when not connected)', default: 'off (plain text)', example: '--json' },
  ],
  notes: [
    'Nothing is sent on the network: the scan is the operating system\'s own list.',
    'With --json, notes about a scan that partly worked go to stderr as one JSON line {"notes":[…]}, each a message {"code","params"} (e.g. "wifi.reading.none-in-range"); a scan that could not be read prints {"error":{"code":"wifi-unknown","message","reason"}} on stdout, the reason as such a message. A message\'s "steps" param, when present, is what to do about it.',
  ],
  examples: ['porchlight wifi scan', 'porchlight wifi status --json --interface wlan0'],
});

/** The shape `--json` prints for every access point (stable, documented in PRODUCT.md). */
function publicShape(n: WifiNetworkView) {
  return { ssid: n.ssid, bssid: n.bssid, security: n.security, signal: n.signal, channel: n.channel, frequency: n.frequency, active: n.active };
}

/** One access point per line; its security in the catalog's words (`wifi.class.*`, the same the app and the report use). */
function human(n: WifiNetworkView, classWords: (security: WifiNetworkView['security']) => string): string {
  const name = n.ssid === '' ? '(hidden)' : n.ssid;
  return `${n.active ? '*' : ' '} ${name.padEnd(32)} ${(n.bssid ?? '-').padEnd(17)} ${String(n.signal ?? '-').padStart(3)}  ch ${String(n.channel ?? '-').padEnd(3)} ${classWords(n.security)}`;
}

/** The catalog's words for the plain-text output: each security class (`wifi.class.*`) and the readings' messages. */
interface Words {
  classWords: (security: WifiNetworkView['security']) => string;
  /** A reason or note, then on its own line the steps it names (the Location permission), so they read as instructions. */
  withSteps: (m: Message) => string;
}

/** The catalog and its formatter (zod, i18next): loaded for plain text and for a failed scan only, never for a `--json` list. */
async function loadWords(): Promise<Words> {
  const formatter = await cliWords();
  return {
    classWords: (security) => formatter.format({ code: `wifi.class.${security}`, params: {} }),
    withSteps: (m) => {
      const steps = stepsOf(m);
      return formatter.format(m) + (steps ? `\n  ${formatter.format(steps)}` : '');
    },
  };
}

export function parseArgs(argv: string[]): { sub: 'scan' | 'status'; json: boolean; iface: string | null } {
  const [sub, rest] = subcommand(argv, ['scan', 'status'] as const);
  const v = parseFlags(rest, { json: { type: 'boolean' }, interface: { type: 'string' } });
  return { sub, json: v.json ?? false, iface: v.interface ?? null };
}

/**
 * `porchlight wifi scan|status`: the OS Wi-Fi scan, classified. Exit 0 when the scan was read,
 * 2 with the reason on stderr when it could not be (never an empty list standing in for "unknown").
 */
export function wifiCommand(makeScanner?: (iface: string | null) => WifiScanner): CliCommand {
  return {
    name: 'wifi',
    summary: 'Scan Wi-Fi networks and classify their security',
    usage: USAGE,
    help: HELP,
    async run(ctx: CliContext) {
      const { sub, json, iface } = parseArgs(ctx.argv);
      // Loaded when the command runs, so `porchlight --help` does not load the Wi-Fi adapters; the
      // message catalog and its formatter only for plain text (`--json` prints the class ids and the
      // notes as codes) and for a scan that could not be read (its reason is said in words).
      const [{ WifiScanService }, scanner, loaded] = await Promise.all([
        import('../core/wifi/scan-service.js'),
        makeScanner ? makeScanner(iface) : import('../adapters/wifi/node-wifi-scanner.js').then(({ NodeWifiScanner }) => new NodeWifiScanner({ iface })),
        json ? null : loadWords(),
      ]);
      const labels = (n: WifiNetworkView) => human(n, loaded?.classWords ?? String);
      const service = new WifiScanService(scanner);
      const reading = sub === 'scan' ? await service.scan() : await service.status();
      if (reading.kind === 'unknown') {
        const words = loaded ?? (await loadWords());
        if (json) ctx.stdout(`${JSON.stringify({ error: { code: 'wifi-unknown', message: words.withSteps(reading.reason), reason: reading.reason } }, null, 2)}\n`);
        ctx.stderr(`porchlight wifi ${sub}: unknown — ${words.withSteps(reading.reason)}\n`);
        return EXIT.error;
      }
      if (json && reading.notes.length) ctx.stderr(`${JSON.stringify({ notes: reading.notes })}\n`);
      if (loaded) for (const note of reading.notes) ctx.stderr(`note: ${loaded.withSteps(note)}\n`);
      if (Array.isArray(reading.value)) {
        const list = reading.value;
        ctx.stdout(json ? `${JSON.stringify(list.map(publicShape), null, 2)}\n` : list.map(labels).join('\n') + (list.length ? '\n' : ''));
      } else {
        const cur = reading.value as WifiNetworkView | null;
        ctx.stdout(json ? `${JSON.stringify(cur ? publicShape(cur) : null, null, 2)}\n` : cur ? `${labels(cur)}\n` : 'Not connected to a Wi-Fi network.\n');
      }
      return EXIT.ok;
    },
  };
}
