'use strict';
// A protocol-faithful stand-in for NetworkManager's `nmcli`, for tests and e2e only.
// It prints the same terse/pretty rows real nmcli prints (formats taken from src/nmcli/devices.c
// and utils.c: `\`-escaping of ':' and '\', SECURITY built from the flags, "(none)", "yes"/"no"),
// driven by the JSON state file named by PORCHLIGHT_FAKE_NMCLI_STATE, re-read on every call so a
// test can switch the home network from WPA2 to SAE while the app runs. Every call's argv is
// appended to PORCHLIGHT_FAKE_NMCLI_LOG (JSON lines) when set, so tests can prove what was asked.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script run by node, not part of the TS build
const fs = require('node:fs');

function out(s) { process.stdout.write(s); }
function fail(msg, code) { process.stderr.write(`Error: ${msg}\n`); process.exit(code); }

const argv = process.argv.slice(2);
if (process.env.PORCHLIGHT_FAKE_NMCLI_LOG) {
  fs.appendFileSync(process.env.PORCHLIGHT_FAKE_NMCLI_LOG, JSON.stringify({ argv, lcAll: process.env.LC_ALL ?? null }) + '\n');
}
const statePath = process.env.PORCHLIGHT_FAKE_NMCLI_STATE;
if (!statePath) fail('fake nmcli: PORCHLIGHT_FAKE_NMCLI_STATE is not set.', 1);
let state;
try { state = JSON.parse(fs.readFileSync(statePath, 'utf8')); } catch (e) { fail(`fake nmcli: cannot read state ${statePath}: ${e.message}`, 1); }

function main() {
  if (state.hangMs) { const until = Date.now() + state.hangMs; while (Date.now() < until) { /* hang like a stuck D-Bus call */ } }
  let terse = false, fields = null, escape = true, rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-t' || a === '--terse') terse = true;
    else if (a === '-f' || a === '--fields') fields = argv[++i];
    else if (a === '-e' || a === '--escape') escape = argv[++i] !== 'no';
    else if (a === '-w' || a === '--wait') i++;
    else if (a.startsWith('-') && rest.length === 0) fail(`Option '${a}' is unknown, try 'nmcli -help'.`, 2);
    else rest.push(a);
  }
  if (state.networkManager === 'stopped') fail('NetworkManager is not running.', 8);
  const [obj, sub, ...more] = rest;
  if (obj && 'device'.startsWith(obj)) {
    if (sub === undefined || 'status'.startsWith(sub)) return deviceStatus(terse, fields, escape);
    if ('wifi'.startsWith(sub)) {
      const [verb, ...args] = more;
      if (verb === undefined || 'list'.startsWith(verb)) return wifiList(terse, fields, escape, args);
      if ('rescan'.startsWith(verb)) return;
      fail(`'${verb}' is not a valid command for 'device wifi' in this fake.`, 2);
    }
  }
  fail(`argument '${rest.join(' ')}' not understood by the fake nmcli.`, 2);
}

const WIFI_FIELDS = ['NAME', 'SSID', 'SSID-HEX', 'BSSID', 'MODE', 'CHAN', 'FREQ', 'RATE', 'BANDWIDTH', 'SIGNAL', 'BARS', 'SECURITY', 'WPA-FLAGS', 'RSN-FLAGS', 'DEVICE', 'ACTIVE', 'IN-USE', 'DBUS-PATH'];
const WIFI_COMMON = ['IN-USE', 'BSSID', 'SSID', 'MODE', 'CHAN', 'RATE', 'SIGNAL', 'BARS', 'SECURITY'];
const DEV_FIELDS = ['DEVICE', 'TYPE', 'STATE', 'IP4-CONNECTIVITY', 'IP6-CONNECTIVITY', 'DBUS-PATH', 'CONNECTION', 'CON-UUID', 'CON-PATH'];
const DEV_COMMON = ['DEVICE', 'TYPE', 'STATE', 'CONNECTION'];
const FLAG_ORDER = ['pair_wpe40', 'pair_wpe104', 'pair_tkip', 'pair_ccmp', 'group_wpe40', 'group_wpe104', 'group_tkip', 'group_ccmp', 'psk', '802.1X', 'sae', 'wpa-eap-suite-b-192', 'owe'];

function pickFields(spec, all, common, what) {
  if (!spec || spec.toLowerCase() === 'common') return common;
  if (spec.toLowerCase() === 'all') return all;
  return spec.split(',').map((f) => {
    const up = f.trim().toUpperCase();
    if (!all.includes(up)) fail(`'${what}': invalid field '${f}'; allowed fields: ${all.join(',')}`, 2);
    return up;
  });
}

function flagsString(flags) {
  const list = FLAG_ORDER.filter((f) => (flags || []).includes(f));
  return list.length ? list.join(' ') : '(none)';
}

function securityOf(ap) {
  const wpa = ap.wpaFlags || [], rsn = ap.rsnFlags || [];
  if (ap.privacy && wpa.length === 0 && rsn.length === 0) return 'WEP';
  const s = [];
  if (wpa.length) s.push('WPA1');
  if (rsn.includes('psk') || rsn.includes('802.1X')) s.push('WPA2');
  if (rsn.includes('sae')) s.push('WPA3');
  if (rsn.includes('owe')) s.push(ap.oweTransition ? 'OWE-TM' : 'OWE');
  if (wpa.includes('802.1X') || rsn.includes('802.1X')) s.push('802.1X');
  if (wpa.includes('wpa-eap-suite-b-192') || rsn.includes('wpa-eap-suite-b-192')) s.push('WPA-EAP-SUITE-B-192');
  return s.join(' ');
}

function bars(sig) { return sig > 80 ? '▂▄▆█' : sig > 55 ? '▂▄▆_' : sig > 30 ? '▂▄__' : sig > 5 ? '▂___' : '____'; }

function wifiValue(ap, f, i, dev) {
  switch (f) {
    case 'NAME': return `AP[${i + 1}]`;
    case 'SSID': return ap.ssid || '';
    case 'SSID-HEX': return Buffer.from(ap.ssid || '', 'utf8').toString('hex').toUpperCase();
    case 'BSSID': return ap.bssid;
    case 'MODE': return ap.mode || 'Infra';
    case 'CHAN': return String(ap.chan);
    case 'FREQ': return `${ap.freq} MHz`;
    case 'RATE': return `${ap.rate ?? 270} Mbit/s`;
    case 'BANDWIDTH': return `${ap.bandwidth ?? 20} MHz`;
    case 'SIGNAL': return String(ap.signal);
    case 'BARS': return bars(ap.signal);
    case 'SECURITY': return securityOf(ap);
    case 'WPA-FLAGS': return flagsString(ap.wpaFlags);
    case 'RSN-FLAGS': return flagsString(ap.rsnFlags);
    case 'DEVICE': return dev;
    case 'ACTIVE': return ap.active ? 'yes' : 'no';
    case 'IN-USE': return ap.active ? '*' : ' ';
    case 'DBUS-PATH': return `/org/freedesktop/NetworkManager/AccessPoint/${i + 1}`;
  }
  return '';
}

function printRows(rows, names, terse, escape) {
  if (terse) {
    for (const r of rows) out(r.map((v) => (escape ? v.replace(/([\\:])/g, '\\$1') : v)).join(':') + '\n');
    return;
  }
  const widths = names.map((n, i) => Math.max(n.length, ...rows.map((r) => r[i].length)));
  const line = (vals) => vals.map((v, i) => (v || '--').padEnd(widths[i])).join('  ').trimEnd() + '\n';
  out(line(names));
  for (const r of rows) out(line(r));
}

function wifiList(terse, fieldSpec, escape, args) {
  let ifname = null;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === 'ifname') ifname = args[++i];
    else if (args[i] === '--rescan' || args[i] === 'bssid') i++;
    else fail(`invalid extra argument '${args[i]}'.`, 2);
  }
  const names = pickFields(fieldSpec, WIFI_FIELDS, WIFI_COMMON, 'device wifi');
  if (state.rawWifiList !== undefined && state.rawWifiList !== null) { out(state.rawWifiList); return; }
  const devices = (state.devices || []).filter((d) => d.type === 'wifi' && (!ifname || d.device === ifname));
  if (ifname && devices.length === 0) fail(`Device '${ifname}' not found.`, 10);
  const rows = [];
  for (const d of devices) {
    if (d.state === 'unavailable' || d.state === 'unmanaged') continue;
    (state.accessPoints || []).forEach((ap, i) => rows.push(names.map((f) => wifiValue(ap, f, i, d.device))));
  }
  printRows(rows, names, terse, escape);
}

function deviceStatus(terse, fieldSpec, escape) {
  const names = pickFields(fieldSpec, DEV_FIELDS, DEV_COMMON, 'device');
  const rows = (state.devices || []).map((d, i) => names.map((f) => {
    switch (f) {
      case 'DEVICE': return d.device;
      case 'TYPE': return d.type;
      case 'STATE': return d.state;
      case 'CONNECTION': return d.connection || '';
      case 'DBUS-PATH': return `/org/freedesktop/NetworkManager/Devices/${i + 1}`;
      default: return '';
    }
  }));
  printRows(rows, names, terse, escape);
}

main();
