/**
 * The network rule, enforced by the kernel: when the tests run as root (CI does), scripts/test.sh runs
 * the integration and e2e stages inside a private network namespace (scripts/in-test-netns.sh). This
 * test makes sure that namespace is really there — `lo` the only interface, no default route — so it
 * cannot silently go missing and leave the JS guard as the only layer. Read from the kernel itself
 * (/proc/net, `ip`), not from what the test runner says.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';

const root = typeof process.getuid === 'function' && process.getuid() === 0;
const optedOut = process.env.PORCHLIGHT_TEST_NETNS === '0';

describe.skipIf(!root || optedOut || process.platform !== 'linux')('the test network namespace (root runs)', () => {
  it('has lo as its only interface', () => {
    // /proc/self/net is this process's namespace (/sys/class/net would be the host's sysfs mount).
    const dev = readFileSync('/proc/self/net/dev', 'utf8').trim().split('\n').slice(2).map((l) => l.split(':')[0]!.trim());
    expect(dev).toEqual(['lo']);
    expect(Object.keys(networkInterfaces())).toEqual(['lo']);
    const links = execFileSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' }).trim().split('\n');
    expect(links.map((l) => l.split(': ')[1])).toEqual(['lo']);
  });

  it('has no default route (IPv4 or IPv6) and every address is loopback', () => {
    // /proc/net/route: destination 00000000 is the default route.
    const v4 = readFileSync('/proc/self/net/route', 'utf8').trim().split('\n').slice(1).map((l) => l.split(/\s+/));
    expect(v4.filter((f) => f[1] === '00000000')).toEqual([]);
    expect(execFileSync('ip', ['-4', 'route', 'show', 'default'], { encoding: 'utf8' }).trim()).toBe('');
    expect(execFileSync('ip', ['-6', 'route', 'show', 'default'], { encoding: 'utf8' }).trim()).toBe('');
    for (const a of Object.values(networkInterfaces()).flat()) expect(a?.internal).toBe(true);
  });

  it("still carries the lab's loopback multicast routes (mDNS, SSDP)", () => {
    const routes = execFileSync('ip', ['-4', 'route', 'show', 'table', 'main'], { encoding: 'utf8' });
    expect(routes).toMatch(/224\.0\.0\.251 dev lo/);
    expect(routes).toMatch(/239\.255\.255\.250 dev lo/);
  });
});
