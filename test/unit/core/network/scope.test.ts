import { describe, expect, it } from 'vitest';
import { buildScope, inScope, urlInScope } from '../../../../main/core/network/scope.js';
import { isPrivate, isProbeable, maskToPrefix } from '../../../../main/core/network/ip.js';

describe('address classes', () => {
  it('private, loopback and link-local are probeable; public and junk are not', () => {
    for (const ip of ['10.1.2.3', '172.16.0.1', '172.31.255.254', '192.168.1.1', '169.254.3.4', '127.0.0.40']) expect(isProbeable(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '172.32.0.1', '100.64.0.1', '224.0.0.251', '1.2.3', '256.1.1.1', 'example.com', '']) expect(isProbeable(ip), ip).toBe(false);
    expect(isPrivate('127.0.0.1')).toBe(false);
  });
  it('each range at both of its edges, and the addresses just outside it', () => {
    const inside = ['10.0.0.0', '10.255.255.255', '172.16.0.0', '172.31.255.255', '192.168.0.0', '192.168.255.255', '169.254.0.0', '169.254.255.255', '127.0.0.0', '127.255.255.255'];
    const outside = ['9.255.255.255', '11.0.0.0', '172.15.255.255', '172.32.0.0', '192.167.255.255', '192.169.0.0', '169.253.255.255', '169.255.0.0', '126.255.255.255', '128.0.0.0'];
    for (const ip of inside) expect(isProbeable(ip), ip).toBe(true);
    for (const ip of outside) expect(isProbeable(ip), ip).toBe(false);
  });
  it('netmask to prefix', () => {
    expect(maskToPrefix('255.255.255.0')).toBe(24);
    expect(maskToPrefix('255.0.0.0')).toBe(8);
    expect(maskToPrefix('255.0.255.0')).toBeNull();
  });
});

describe('buildScope', () => {
  const lo = { interface: 'lo', interfaceAddress: '127.0.0.1', prefixLength: 8 };
  it('derives deadlines that fit the budget', () => {
    const s = buildScope({ ...lo, gateway: '127.0.0.40', seconds: 5 });
    expect(s.budgetMs).toBe(5000);
    expect(s.listenMs + s.probeDeadlineMs).toBeLessThan(s.budgetMs);
    expect(s.sweep).toBe(false);
  });
  it('refuses public gateways and targets, and non-loopback hosts on a loopback scope', () => {
    expect(() => buildScope({ ...lo, gateway: '8.8.8.8' })).toThrow(/public internet address/);
    expect(() => buildScope({ ...lo, targets: ['1.1.1.1'] })).toThrow(/public internet address/);
    expect(() => buildScope({ ...lo, gateway: '192.168.1.1' })).toThrow(/not on the network of the chosen connection/);
    expect(() => buildScope({ interface: 'eth0', interfaceAddress: '203.0.113.5', prefixLength: 24 })).toThrow(/private or loopback/);
  });
  it('rejects silly budgets and interface names', () => {
    expect(() => buildScope({ ...lo, seconds: 0.5 })).toThrow(/between 2 and 120/);
    expect(() => buildScope({ ...lo, seconds: Number.NaN })).toThrow();
    expect(() => buildScope({ ...lo, interface: 'eth0; rm -rf /' })).toThrow(/not the name of a network connection/);
  });
  it('inScope keeps probes in the subnet, the gateway and explicit targets', () => {
    const s = buildScope({ interface: 'wlan0', interfaceAddress: '192.168.1.23', prefixLength: 24, gateway: '192.168.1.1', targets: ['10.0.0.5'] });
    expect(inScope(s, '192.168.1.77')).toBe(true);
    expect(inScope(s, '10.0.0.5')).toBe(true);
    expect(inScope(s, '10.0.0.6')).toBe(false);
    expect(inScope(s, '8.8.8.8')).toBe(false);
    expect(urlInScope(s, 'http://192.168.1.77:8008/desc.xml')?.hostname).toBe('192.168.1.77');
    expect(urlInScope(s, 'http://8.8.8.8/desc.xml')).toBeNull();
    expect(urlInScope(s, 'file:///etc/passwd')).toBeNull();
    expect(urlInScope(s, 'not a url')).toBeNull();
  });
});
