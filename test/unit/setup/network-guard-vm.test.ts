/**
 * The network guard in the unit tests' pool (vmForks: many test files share a process, each in a
 * VM context of its own; vitest.config.ts). The process is patched once, by whichever file ran
 * first; a refusal must still be this file's: its error class, its record (which fails this
 * test unless claimed). test/unit/setup/network-guard.test.ts covers the guard itself, in a
 * process of its own.
 */
import { describe, expect, it } from 'vitest';
import dgram from 'node:dgram';
import net from 'node:net';
import { NetworkGuardError, takeViolations } from '../../setup/network-guard-install.js';

describe('network guard in a test file that shares its process', () => {
  it('refuses a TCP connection off loopback with this file’s error, recorded for this file', () => {
    let thrown: unknown;
    try {
      net.connect({ host: '10.0.0.1', port: 80 });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(NetworkGuardError);
    expect((thrown as NetworkGuardError).code).toBe('ERR_NETWORK_GUARD');
    expect(takeViolations().map((v) => `${v.kind} ${v.address} ${v.test ?? ''}`)).toEqual([
      'TCP connect 10.0.0.1:80 network guard in a test file that shares its process > refuses a TCP connection off loopback with this file’s error, recorded for this file',
    ]);
  });

  it('refuses UDP off loopback and multicast without the loopback interface; loopback still works', async () => {
    const s = dgram.createSocket('udp4');
    try {
      expect(() => s.send(Buffer.from('x'), 1900, '192.168.1.1')).toThrow(NetworkGuardError);
      expect(() => s.send(Buffer.from('x'), 1900, '239.255.255.250')).toThrow(NetworkGuardError);
      expect(takeViolations().map((v) => `${v.kind} ${v.address}`)).toEqual(['UDP send 192.168.1.1', 'UDP send 239.255.255.250']);
      const server = net.createServer((c) => c.end('ok'));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const port = (server.address() as net.AddressInfo).port;
      const answer = await new Promise<string>((resolve, reject) => {
        const c = net.connect({ host: '127.0.0.1', port }, () => c.once('data', (d) => resolve(String(d))));
        c.once('error', reject);
      });
      server.close();
      expect(answer).toBe('ok');
    } finally {
      s.close();
    }
  });
});
