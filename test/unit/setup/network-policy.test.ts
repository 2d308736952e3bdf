import { describe, expect, it } from 'vitest';
import { ipv6Bytes, isIpLiteral, isLoopbackHost } from '../../setup/network-policy.js';

describe('network policy', () => {
  it.each(['127.0.0.1', '127.0.0.5', '127.255.255.254', 'localhost', 'LOCALHOST', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', '::ffff:7f00:5'])(
    'allows loopback %s',
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );

  it.each([
    '10.0.0.1', '192.168.1.1', '172.16.0.1', '8.8.8.8', '0.0.0.0', '255.255.255.255', '224.0.0.251', '128.0.0.1',
    '2001:db8::1', '::', '::2', 'fe80::1%lo', '::ffff:10.0.0.1', '::127.0.0.1', '::ffff:8.8.8.8',
    '127.1', '0x7f.0.0.1', '2130706433', 'localhost.', 'router.lan', 'example.com', '',
  ])('refuses %s', (host) => expect(isLoopbackHost(host)).toBe(false));

  it('parses IPv6 literals into 16 bytes, including an embedded IPv4 tail', () => {
    expect(ipv6Bytes('::ffff:127.0.0.9')).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 9]);
    expect(ipv6Bytes('2001:db8::1')).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(ipv6Bytes('not-an-address')).toBeNull();
  });

  it('tells IP literals from host names', () => {
    expect(isIpLiteral('10.0.0.1')).toBe(true);
    expect(isIpLiteral('[2001:db8::1]')).toBe(true);
    expect(isIpLiteral('router.lan')).toBe(false);
  });
});
