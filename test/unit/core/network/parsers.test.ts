import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseIpRoute, parseMacRoute, parseProcNetRoute, parseWindowsRoutePrint } from '../../../../main/core/network/route-parsers.js';
import { isDeadNeighbor, parseIpNeigh, parseMacArp, parseProcNetArp, parseWindowsArp } from '../../../../main/core/network/neighbor-parsers.js';

const fx = (name: string) => readFileSync(join(__dirname, '../../../fixtures/network', name), 'utf8');

describe('default route parsers', () => {
  it('Linux ip route: first default, or the one of a named interface', () => {
    expect(parseIpRoute(fx('linux-ip-route.txt'))).toEqual({ gateway: '192.168.178.1', interface: 'wlp2s0' });
    expect(parseIpRoute(fx('linux-ip-route.txt'), 'tun0')).toEqual({ gateway: '10.8.0.1', interface: 'tun0' });
  });
  it('Linux /proc/net/route: little-endian hex gateway with RTF_GATEWAY', () => {
    expect(parseProcNetRoute(fx('linux-proc-net-route.txt'))).toEqual({ gateway: '192.168.178.1', interface: 'wlp2s0' });
  });
  it('Windows route print: lowest metric default route', () => {
    expect(parseWindowsRoutePrint(fx('windows-route-print.txt'))).toEqual({ gateway: '192.168.1.1', interface: '192.168.1.42' });
  });
  it('macOS route get default and netstat -rn', () => {
    expect(parseMacRoute(fx('macos-route-get.txt'))).toEqual({ gateway: '192.168.0.1', interface: 'en0' });
    expect(parseMacRoute(fx('macos-netstat-rn.txt'))).toEqual({ gateway: '192.168.0.1', interface: 'en0' });
  });
  it('garbage gives null, never a throw', () => {
    for (const f of [parseIpRoute, parseProcNetRoute, parseWindowsRoutePrint, parseMacRoute]) {
      expect(f('\u0000\u0001 default via not-an-ip dev x\n0.0.0.0 0.0.0.0 999.1.1.1 a 1\nIface\nx 00000000 ZZZZ 3')).toBeNull();
      expect(f('')).toBeNull();
    }
  });
});

describe('neighbor table parsers', () => {
  it('Linux ip neigh: IPv4 rows with MAC, interface and state; failed rows keep mac null', () => {
    const rows = parseIpNeigh(fx('linux-ip-neigh.txt'));
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual({ ip: '192.168.178.1', mac: '24:65:11:4a:7c:01', interface: 'wlp2s0', state: 'REACHABLE' });
    expect(rows.find((r) => r.ip === '192.168.178.40')).toEqual({ ip: '192.168.178.40', mac: null, interface: 'wlp2s0', state: 'FAILED' });
    expect(rows.filter((r) => !isDeadNeighbor(r)).map((r) => r.ip)).toEqual(['192.168.178.1', '192.168.178.31', '192.168.178.52']);
  });
  it('Linux /proc/net/arp: flags decide complete/permanent', () => {
    const rows = parseProcNetArp(fx('linux-proc-net-arp.txt'));
    expect(rows.map((r) => [r.ip, r.mac, r.state])).toEqual([
      ['192.168.178.1', '24:65:11:4a:7c:01', 'REACHABLE'],
      ['192.168.178.31', 'fc:a6:67:21:9e:41', 'REACHABLE'],
      ['192.168.178.40', null, 'INCOMPLETE'],
      ['192.168.178.99', '00:17:88:6d:2f:43', 'PERMANENT'],
    ]);
  });
  it('Windows arp -a: per-interface blocks, broadcast and multicast rows dropped', () => {
    const rows = parseWindowsArp(fx('windows-arp-a.txt'));
    expect(rows).toEqual([
      { ip: '192.168.1.1', mac: '24:65:11:4a:7c:01', interface: '192.168.1.42', state: 'dynamic' },
      { ip: '192.168.1.31', mac: 'fc:a6:67:21:9e:41', interface: '192.168.1.42', state: 'dynamic' },
      { ip: '10.20.0.1', mac: '00:15:5d:01:02:03', interface: '10.20.0.17', state: 'dynamic' },
    ]);
  });
  it('macOS arp -an: zero-dropped MAC octets restored, incomplete kept without MAC, multicast dropped', () => {
    const rows = parseMacArp(fx('macos-arp-an.txt'));
    expect(rows.map((r) => [r.ip, r.mac, r.interface])).toEqual([
      ['192.168.0.1', '24:65:11:4a:7c:01', 'en0'],
      ['192.168.0.31', 'fc:a6:67:21:9e:41', 'en0'],
      ['192.168.0.40', null, 'en0'],
    ]);
  });
  it('garbage lines are skipped', () => {
    const junk = '\u0000\u00ff\n999.1.1.1 dev x lladdr zz REACHABLE\n? (1.2.3) at x\nInterface: \n  1.2.3.4 zz-zz dynamic';
    expect(parseIpNeigh(junk)).toEqual([]);
    expect(parseMacArp(junk)).toEqual([]);
    expect(parseWindowsArp(junk)).toEqual([]);
    expect(parseProcNetArp(junk)).toEqual([]);
  });
});
