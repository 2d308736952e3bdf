/** NeighborTable adapters: the OS table (read-only commands / procfs) or a file (the loopback lab). */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { NeighborEntry, NeighborTable, ProbeScope } from '../../core/ports.js';
import { parseIpNeigh, parseMacArp, parseProcNetArp, parseWindowsArp } from '../../core/network/neighbor-parsers.js';
import { runCommand } from './run-command.js';

/** Reads the OS neighbor table: Linux `ip neigh` (falls back to /proc/net/arp), Windows `arp -a`, macOS `arp -an`. */
export class SystemNeighborTable implements NeighborTable {
  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  async read(scope: ProbeScope): Promise<NeighborEntry[]> {
    const deadline = scope.probeDeadlineMs;
    if (this.platform === 'win32') return parseWindowsArp(await runCommand('arp', ['-a'], deadline));
    if (this.platform === 'darwin') return parseMacArp(await runCommand('/usr/sbin/arp', ['-an'], deadline));
    try {
      return parseIpNeigh(await runCommand('ip', ['-4', 'neigh', 'show'], deadline));
    } catch {
      return parseProcNetArp(await readFile('/proc/net/arp', 'utf8'));
    }
  }
}

/**
 * A neighbor table read from a file in `ip neigh` (or /proc/net/arp) format, re-read on every
 * survey. The loopback lab uses it: `lo` has no ARP, so the lab writes its devices' MACs here.
 */
export class FileNeighborTable implements NeighborTable {
  constructor(private readonly path: string) {}

  async read(): Promise<NeighborEntry[]> {
    // Read synchronously: a tiny file, and the libuv thread pool may be held by keychain calls.
    const text = readFileSync(this.path, 'utf8');
    return /^IP address\s+HW type/.test(text) ? parseProcNetArp(text) : parseIpNeigh(text);
  }
}
