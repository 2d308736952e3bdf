/**
 * SSDP M-SEARCH over dgram, bound to the scope's interface address: multicast interface set to it,
 * TTL 1, so a search never leaves the chosen interface (on `lo`, never leaves the machine).
 */
import { createSocket } from 'node:dgram';
import type { ProbeScope, SsdpReply } from '../../core/ports.js';
import { mSearch } from '../../core/network/ssdp.js';

const SSDP_GROUP = '239.255.255.250';
const SSDP_PORT = 1900;
const MAX_REPLIES = 2000;

/** Sends each search target twice (UDP loses packets) and collects replies for scope.listenMs. */
export function ssdpSearch(scope: ProbeScope, searchTargets: string[], onReply?: (reply: SsdpReply) => void): Promise<SsdpReply[]> {
  return new Promise((resolve, reject) => {
    const replies: SsdpReply[] = [];
    const socket = createSocket({ type: 'udp4', reuseAddr: false });
    let done = false;
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        socket.close();
      } catch {
        // already closed
      }
      if (err) reject(err);
      else resolve(replies);
    };
    const timer = setTimeout(() => finish(), scope.listenMs);
    socket.on('error', (err) => finish(err));
    socket.on('message', (msg, rinfo) => {
      if (replies.length >= MAX_REPLIES) return;
      const reply = { from: rinfo.address, text: msg.subarray(0, 8192).toString('latin1') };
      replies.push(reply);
      try {
        onReply?.(reply);
      } catch {
        // a listener's failure never stops the search
      }
    });
    socket.bind(0, scope.interfaceAddress, () => {
      try {
        socket.setMulticastInterface(scope.interfaceAddress);
        socket.setMulticastTTL(1);
        socket.setMulticastLoopback(true);
      } catch (err) {
        finish(err as Error);
        return;
      }
      const send = () => {
        for (const st of searchTargets) {
          const m = Buffer.from(mSearch(st), 'latin1');
          socket.send(m, SSDP_PORT, SSDP_GROUP, () => {});
        }
      };
      send();
      const again = setTimeout(() => !done && send(), Math.min(300, scope.listenMs / 3));
      again.unref?.();
    });
  });
}
