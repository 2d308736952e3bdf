/**
 * Reading OpenWrt's UCI as rpcd dumps it (`.anonymous`, `.type`, `.name`, `.index`, options as
 * strings or lists), with option values as OpenWrt's documentation and defaults use them
 * (https://openwrt.org/docs/guide-user/network/wifi/basic, .../firewall/firewall_configuration).
 */
import { describe, expect, it } from 'vitest';
import { encryptionOf, remoteAdminOpenings, roleOfIface, sectionsOf, type UciSection } from '../../../../../main/core/router-api/openwrt/uci-read.js';

const sec = (type: string, name: string, options: Record<string, string | string[]>): UciSection => ({ type, name, options });

describe('uci-read', () => {
  it('sectionsOf keeps file order (by .index) and drops the dot keys', () => {
    const reply = {
      values: {
        cfg030f15: { '.anonymous': true, '.type': 'zone', '.name': 'cfg030f15', '.index': 2, name: 'wan', network: ['wan', 'wan6'], input: 'REJECT' },
        cfg01e63d: { '.anonymous': true, '.type': 'defaults', '.name': 'cfg01e63d', '.index': 0, syn_flood: '1' },
        cfg02dc81: { '.anonymous': true, '.type': 'zone', '.name': 'cfg02dc81', '.index': 1, name: 'lan', network: ['lan'] },
      },
    };
    expect(sectionsOf(reply).map((s) => [s.name, s.type, s.options])).toEqual([
      ['cfg01e63d', 'defaults', { syn_flood: '1' }],
      ['cfg02dc81', 'zone', { name: 'lan', network: ['lan'] }],
      ['cfg030f15', 'zone', { name: 'wan', network: ['wan', 'wan6'], input: 'REJECT' }],
    ]);
    expect(() => sectionsOf({ value: 'psk2' })).toThrow();
  });

  it('encryptionOf maps OpenWrt encryption values, cipher suffixes included', () => {
    const table: [string | undefined, string][] = [
      [undefined, 'open'], ['none', 'open'], ['wep-open', 'wep'], ['psk', 'wpa'], ['psk-mixed+tkip+ccmp', 'wpa'],
      ['psk2', 'wpa2'], ['psk2+ccmp', 'wpa2'], ['sae-mixed', 'wpa2-wpa3'], ['sae', 'wpa3'], ['owe', 'other'], ['wpa2', 'other'], ['wpa3', 'other'],
    ];
    for (const [v, want] of table) expect([v, encryptionOf(v)]).toEqual([v, want]);
  });

  const network = [sec('interface', 'lan', { proto: 'static' }), sec('interface', 'guest', { proto: 'static' }), sec('interface', 'wan', { proto: 'dhcp' })];
  const baseFw = [
    sec('defaults', 'cfg01', { input: 'REJECT', forward: 'REJECT', output: 'ACCEPT' }),
    sec('zone', 'cfg02', { name: 'lan', network: ['lan'], input: 'ACCEPT', forward: 'ACCEPT' }),
    sec('zone', 'cfg03', { name: 'wan', network: ['wan', 'wan6'], input: 'REJECT', forward: 'REJECT' }),
    sec('zone', 'guest_zone', { name: 'guest', network: 'guest', input: 'REJECT', forward: 'REJECT', output: 'ACCEPT' }),
    sec('forwarding', 'cfg05', { src: 'lan', dest: 'wan' }),
    sec('forwarding', 'cfg06', { src: 'guest', dest: 'wan' }),
  ];
  const guestIface = sec('wifi-iface', 'guest', { device: 'radio0', network: 'guest', mode: 'ap', isolate: '1' });

  it('roleOfIface: lan zone = home; own zone rejecting input and forward, forwarding only to wan = guest', () => {
    expect(roleOfIface(sec('wifi-iface', 'default_radio0', { network: 'lan' }), network, baseFw).role).toBe('home');
    expect(roleOfIface(guestIface, network, baseFw)).toEqual({ role: 'guest', why: 'isolated-zone', zone: 'guest', interface: 'guest' });
  });

  it('roleOfIface: a guest zone that forwards to the LAN, accepts input, or has no zone is not called a guest network', () => {
    expect(roleOfIface(guestIface, network, [...baseFw, sec('forwarding', 'cfg07', { src: 'guest', dest: 'lan' })]).role).toBe('unknown');
    const accepting = baseFw.map((s) => (s.name === 'guest_zone' ? sec('zone', 'guest_zone', { ...s.options, input: 'ACCEPT' }) : s));
    expect(roleOfIface(guestIface, network, accepting)).toEqual({ role: 'unknown', why: 'zone-not-isolated' });
    expect(roleOfIface(guestIface, network, baseFw.filter((s) => s.name !== 'guest_zone'))).toEqual({ role: 'unknown', why: 'no-zone' });
    expect(roleOfIface(sec('wifi-iface', 'x', { network: 'iot' }), network, baseFw)).toEqual({ role: 'unknown', why: 'no-interface' });
    expect(roleOfIface(sec('wifi-iface', 'm', { network: 'lan', mode: 'mesh' }), network, baseFw).why).toBe('mesh');
  });

  it('remoteAdminOpenings: an accepted wan rule to an admin port opens administration; a port forward, a disabled rule or another port does not', () => {
    const uhttpd = [sec('uhttpd', 'main', { listen_http: ['0.0.0.0:8080'] })];
    const fw = [
      ...baseFw,
      sec('rule', 'ssh', { name: 'Allow-SSH-WAN', src: 'wan', proto: 'tcp', dest_port: '22', target: 'ACCEPT' }),
      sec('rule', 'web', { name: 'Allow-LuCI', src: 'wan', proto: 'tcp', dest_port: '8000-8100', target: 'ACCEPT' }),
      sec('rule', 'off', { name: 'Old', src: 'wan', proto: 'tcp', dest_port: '443', target: 'ACCEPT', enabled: '0' }),
      sec('rule', 'fwd', { name: 'To-NAS', src: 'wan', dest: 'lan', proto: 'tcp', dest_port: '22', target: 'ACCEPT' }),
      sec('rule', 'dhcp', { name: 'Allow-DHCP-Renew', src: 'wan', proto: 'udp', dest_port: '68', target: 'ACCEPT' }),
      sec('rule', 'game', { name: 'Game', src: 'wan', proto: 'tcp', dest_port: '27015', target: 'ACCEPT' }),
    ];
    expect(remoteAdminOpenings(fw, uhttpd, null)).toEqual({ sections: ['ssh', 'web'], zoneInputOpen: null });
    expect(remoteAdminOpenings(baseFw, null, null)).toEqual({ sections: [], zoneInputOpen: null });
    const openWan = baseFw.map((s) => (s.name === 'cfg03' ? sec('zone', 'cfg03', { ...s.options, input: 'ACCEPT' }) : s));
    expect(remoteAdminOpenings(openWan, null, null).zoneInputOpen).toBe('cfg03');
  });
});
