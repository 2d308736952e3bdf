/**
 * `porchlight wifi scan|status` on Windows and macOS: the real command over the real scanner, with
 * netsh / system_profiler answering from captures (this machine runs neither). The permission
 * cases are said plainly with the steps; a German Windows scans like an English one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { wifiCommand } from '../../../../main/cli/wifi.js';
import { NodeWifiScanner } from '../../../../main/adapters/wifi/node-wifi-scanner.js';

const fx = (name: string) => readFileSync(new URL(`../../../fixtures/wifi/${name}`, import.meta.url), 'utf8');

async function run(argv: string[], scanner: NodeWifiScanner) {
  let out = '';
  let err = '';
  const code = await wifiCommand(() => scanner).run({ argv, stdout: (t) => (out += t), stderr: (t) => (err += t), env: {} });
  return { code, out, err };
}

const windows = (interfaces: string, networks: string) =>
  new NodeWifiScanner({ platform: 'win32', run: async (spec) => fx(spec.args.includes('interfaces') ? interfaces : networks) });
const mac = (file: string) => new NodeWifiScanner({ platform: 'darwin', run: async () => fx(file) });

describe('porchlight wifi on Windows and macOS (captures through the real scanner)', () => {
  it('Windows 11 without Location permission: exit 2, what happened, then the steps on their own line', async () => {
    const r = await run(['scan'], windows('captures/whm-netsh-interfaces-location-denied-en.txt', 'captures/whm-netsh-networks-location-denied-en.txt'));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'porchlight wifi scan: unknown — Windows needs your permission first: since Windows 11 version 24H2, apps may list Wi-Fi networks only with the Location permission.\n' +
        '  To allow it: open Settings → Privacy & security → Location, turn on "Location services", "Let apps access your location" and "Let desktop apps access your location", then scan again. Porchlight only reads the list of networks; it does not read or keep your location.\n',
    );
  });

  it('German Windows: scan --json lists every access point with its class', async () => {
    const r = await run(['scan', '--json'], windows('captures/whm-netsh-interfaces-de.txt', 'captures/whm-netsh-networks-de.txt'));
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const list = JSON.parse(r.out) as { ssid: string; security: string; bssid: string }[];
    expect(list.map((n) => `${n.ssid}=${n.security}`)).toEqual([
      'SSID-1=wpa2', 'SSID-2=open', 'SSID-2=open', 'SSID-2=open', 'SSID-3=wpa2', 'SSID-4=open', 'SSID-4=open', 'SSID-4=open', 'SSID-5=wpa2',
    ]);
    const status = await run(['status', '--json'], windows('captures/whm-netsh-interfaces-fr.txt', 'captures/whm-netsh-networks-fr.txt'));
    expect(JSON.parse(status.out)).toMatchObject({ ssid: 'SSID-1', security: 'open', active: true });
  });

  it('macOS, every name hidden: exit 2 with the steps to allow Location Services', async () => {
    const r = await run(['scan'], mac('macos-all-redacted-handwritten.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^porchlight wifi scan: unknown — macOS hid the network names from Porchlight: since macOS 14\.4, apps need the Location Services permission to see them\.\n {2}To allow it: open System Settings → Privacy & Security → Location Services, turn on Location Services and switch on Porchlight \(for the command-line tool: the terminal app you run it from\), then scan again\./);
  });

  it('macOS, some names hidden: the named networks on stdout, a note with the count and steps on stderr', async () => {
    const r = await run(['scan'], mac('macos-current-redacted.json'));
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(6);
    expect(r.err).toMatch(/^note: macOS hid the names of 2 Wi-Fi networks from Porchlight: since macOS 14\.4, apps need the Location Services permission to see them\.\n {2}To allow it: open System Settings/);
  });

  it('--json: the notes as messages (code and params) in one JSON line on stderr, never as words', async () => {
    const r = await run(['scan', '--json'], mac('macos-current-redacted.json'));
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as unknown[]).length).toBe(6);
    expect(JSON.parse(r.err)).toEqual({ notes: [{ code: 'wifi.reading.mac-names-hidden', params: { count: 2, steps: { code: 'wifi.reading.steps.mac-location', params: {} } } }] });
  });

  it('--json and a scan that could not be read: the error says it in words and carries the reason as a message', async () => {
    const r = await run(['scan', '--json'], windows('captures/whm-netsh-interfaces-location-denied-en.txt', 'captures/whm-netsh-networks-location-denied-en.txt'));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({
      error: {
        code: 'wifi-unknown',
        message: expect.stringMatching(/^Windows needs your permission first: .*\n {2}To allow it: open Settings → Privacy & security → Location/s),
        reason: { code: 'wifi.reading.windows-location', params: { steps: { code: 'wifi.reading.steps.windows-location', params: {} } } },
      },
    });
  });
});
