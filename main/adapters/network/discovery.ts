import type { Discovery } from '../../core/ports.js';
import { ssdpSearch } from './ssdp-search.js';
import { mdnsBrowse } from './mdns-browse.js';

/** The real Discovery port: SSDP over dgram, mDNS over multicast-dns, both pinned to the scope's interface. */
export const multicastDiscovery: Discovery = { ssdpSearch, mdnsBrowse };
