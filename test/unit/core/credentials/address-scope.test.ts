import { describe, expect, it } from 'vitest';
import { addressScope, resolveProbeTarget } from '../../../../main/core/credentials/address-scope.js';

describe('address scope (refused before anything is sent)', () => {
  it.each([
    ['127.0.5.1', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.178.1', 'private'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fd00::1', 'private'],
    ['::ffff:192.168.1.1', 'private'],
    ['8.8.8.8', 'public'],
    ['172.32.0.1', 'public'],
    ['100.64.0.1', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['router.local', 'public'],
    // each private, loopback and link-local range at both of its edges, and the addresses just outside
    ['9.255.255.255', 'public'],
    ['10.255.255.255', 'private'],
    ['11.0.0.0', 'public'],
    ['172.15.255.255', 'public'],
    ['172.16.0.0', 'private'],
    ['172.31.255.255', 'private'],
    ['192.167.255.255', 'public'],
    ['192.168.0.0', 'private'],
    ['192.168.255.255', 'private'],
    ['192.169.0.0', 'public'],
    ['169.253.255.255', 'public'],
    ['169.254.0.0', 'link-local'],
    ['169.254.255.255', 'link-local'],
    ['169.255.0.0', 'public'],
    ['126.255.255.255', 'public'],
    ['127.0.0.0', 'loopback'],
    ['127.255.255.255', 'loopback'],
    ['128.0.0.0', 'public'],
    ['fbff:ffff::1', 'public'],
    ['fc00::', 'private'],
    ['fdff:ffff::1', 'private'],
    ['fe00::1', 'public'],
    ['fe80::', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fec0::1', 'public'],
  ])('%s is %s', (ip, scope) => expect(addressScope(ip)).toBe(scope));

  it('parses HOST[:PORT] and IPv6 in brackets', () => {
    expect(resolveProbeTarget('192.168.1.1')).toMatchObject({ host: '192.168.1.1', port: 80 });
    expect(resolveProbeTarget('192.168.1.1', true)).toMatchObject({ port: 443, https: true });
    expect(resolveProbeTarget('127.0.5.1:8080')).toMatchObject({ host: '127.0.5.1', port: 8080, scope: 'loopback' });
    expect(resolveProbeTarget('[fe80::1]:8443')).toMatchObject({ host: 'fe80::1', port: 8443 });
    expect(resolveProbeTarget('localhost:81')).toMatchObject({ host: '127.0.0.1', port: 81 });
  });

  it('refuses public addresses, names and bad ports with a clear message', () => {
    expect(() => resolveProbeTarget('8.8.8.8')).toThrow(/public internet address.*nothing was sent/);
    expect(() => resolveProbeTarget('8.8.8.8:80')).toThrow(/public/);
    expect(() => resolveProbeTarget('example.com')).toThrow(/not an IP address/);
    expect(() => resolveProbeTarget('192.168.1.1:99999')).toThrow(/not a valid port/);
    expect(() => resolveProbeTarget('192.168.1.1:abc')).toThrow();
  });
});
