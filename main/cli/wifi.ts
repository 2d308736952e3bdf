import type { CliCommand, CliContext } from './command.js';
import { EXIT, jsonError } from './command.js';
import { helpText, parseFlags, subcommand } from './flags.js';
import type { WifiNetworkView } from '../core/wifi/scan-service.js';
import type { WifiScanner } from '../core/ports.js';

const USAGE = 'porchlight wifi scan [--json] [--interface NAME] | porchlight wifi status [--json] [--interface NAME]';

const HELP = helpText({
  command: 'porchlight wifi',
  summary: 'list the Wi-Fi networks this computer sees (scan) or the one it is connected to (status), with their exact security',
  usage: USAGE,
  options: [
    { flag: '--interface', value: 'NAME', text: 'the Wi-Fi adapter to ask', default: "the system's Wi-Fi adapter", example: '--interface wlan0' },
    { flag: '--json', text: 'print the result as JSON on stdout (status prints null when not connected)', default: 'off (plain text)', example: '--json' },
  ],
  notes: ['Nothing is sent on the network: the scan is the operating system\'s own list.'],
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

/** The catalog's words for each Wi-Fi security class (`wifi.class.*`), for the plain-text list. */
async function loadClassWords(): Promise<(security: WifiNetworkView['security']) => string> {
  const [{ createMessageFormatter }, en] = await Promise.all([
    import('../core/messages/index.js'),
    import('../../renderer/i18n/en/messages.json', { with: { type: 'json' } }),
  ]);
  const formatter = createMessageFormatter({ en: en.default });
  return (security) => formatter.format({ code: `wifi.class.${security}`, params: {} });
}

/** A reason that names steps ("… To allow it: …", the Location permission) prints them on their own line. */
const withSteps = (text: string) => text.replace(/\s+(To allow it: )/, '\n  $1');

function parseArgs(argv: string[]): { sub: 'scan' | 'status'; json: boolean; iface: string | null } {
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
      // message catalog and its formatter only for plain text (`--json` prints the class ids).
      const [{ WifiScanService }, scanner, classWords] = await Promise.all([
        import('../core/wifi/scan-service.js'),
        makeScanner ? makeScanner(iface) : import('../adapters/wifi/node-wifi-scanner.js').then(({ NodeWifiScanner }) => new NodeWifiScanner({ iface })),
        json ? null : loadClassWords(),
      ]);
      const labels = (n: WifiNetworkView) => human(n, classWords ?? String);
      const service = new WifiScanService(scanner);
      const reading = sub === 'scan' ? await service.scan() : await service.status();
      if (reading.kind === 'unknown') {
        jsonError(ctx, 'wifi-unknown', reading.reason);
        ctx.stderr(`porchlight wifi ${sub}: unknown — ${withSteps(reading.reason)}
`);
        return EXIT.error;
      }
      for (const note of reading.notes) ctx.stderr(`note: ${withSteps(note)}\n`);
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
