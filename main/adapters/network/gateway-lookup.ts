/** GatewayLookup adapter: the OS default route via read-only commands (or /proc/net/route on Linux). */
import { readFile } from 'node:fs/promises';
import type { GatewayLookup } from '../../core/ports.js';
import { parseIpRoute, parseMacRoute, parseProcNetRoute, parseWindowsRoutePrint, type DefaultRoute } from '../../core/network/route-parsers.js';
import { runCommand } from './run-command.js';

export class SystemGatewayLookup implements GatewayLookup {
  constructor(
    private readonly platform: NodeJS.Platform = process.platform,
    private readonly deadlineMs = 2000,
  ) {}

  async defaultRoute(interfaceName?: string): Promise<DefaultRoute | null> {
    if (this.platform === 'win32') return parseWindowsRoutePrint(await runCommand('route', ['print', '-4', '0.0.0.0'], this.deadlineMs));
    if (this.platform === 'darwin') return parseMacRoute(await runCommand('/sbin/route', ['-n', 'get', 'default'], this.deadlineMs), interfaceName);
    try {
      return parseProcNetRoute(await readFile('/proc/net/route', 'utf8'), interfaceName);
    } catch {
      return parseIpRoute(await runCommand('ip', ['-4', 'route', 'show', 'default'], this.deadlineMs), interfaceName);
    }
  }
}
