/** InterfaceList adapter over os.networkInterfaces (IPv4 only). */
import { networkInterfaces } from 'node:os';
import type { InterfaceList } from '../../core/ports.js';
import { maskToPrefix } from '../../core/network/ip.js';

export class OsInterfaceList implements InterfaceList {
  list() {
    const out: { name: string; address: string; prefixLength: number; internal: boolean }[] = [];
    for (const [name, addrs] of Object.entries(networkInterfaces())) {
      for (const a of addrs ?? []) {
        if (a.family !== 'IPv4') continue;
        out.push({ name, address: a.address, prefixLength: maskToPrefix(a.netmask) ?? 24, internal: a.internal });
      }
    }
    return out;
  }
}
