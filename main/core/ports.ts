/**
 * Ports: what the core needs from the outside world. The core imports only these interfaces;
 * main/adapters implement them for real, test/ provides in-memory fakes for unit tests.
 */

import type { Message } from './messages/index.js';

/** The OS keychain. Secrets live here and nowhere else; an unreachable keychain throws a
 * PorchlightError('keychain-unavailable'), never falls back to plaintext. */
export interface SecretStore {
  set(account: string, secret: string): Promise<void>;
  get(account: string): Promise<string | null>;
  delete(account: string): Promise<boolean>;
  list(): Promise<string[]>;
}

/** A JSON document store for one file (settings, progress, history): schema-checked, atomically
 * written, recovering from corruption. */
export interface DocumentStore<T> {
  read(): T;
  write(value: T): void;
  /** Notices produced while opening (e.g. "the file was corrupted and restored from the last good copy"), as messages (`store.notice.*`). */
  readonly notices: readonly Message[];
}

/** Time, injectable so expiry and scheduling can be tested across dates, zones and DST. */
export interface Clock {
  now(): Date;
}

/** Where diagnostic lines go. Callers never pass secrets; the logger redacts known secret shapes anyway. */
export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

/** Opens an allow-listed https URL in the user's default browser. */
export interface ExternalOpener {
  open(url: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Network (survey): every call takes a ProbeScope built from configuration, never a default that
// reaches a real interface on its own. Adapters live in main/adapters/network/.

/** Where and how long the survey may look: built from CLI flags or the app's active interface. */
export interface ProbeScope {
  /** Interface name (e.g. `lo`, `eth0`, `en0`); multicast goes out of this interface only. */
  interface: string;
  /** This machine's IPv4 address on that interface: multicast sockets bind and send from it. */
  interfaceAddress: string;
  /** Prefix length of the interface's subnet; probes stay inside it (plus explicit targets). */
  prefixLength: number;
  /** The default gateway (router) to identify, or null when none is known. */
  gateway: string | null;
  /** Hosts the user added explicitly (probed even when they answer no discovery). */
  targets: string[];
  /** Deadline of one probe (one HTTP fetch, one command), in ms. */
  probeDeadlineMs: number;
  /** How long to listen for SSDP/mDNS answers, in ms. */
  listenMs: number;
  /** The whole survey's budget, in ms: whatever has not answered by then becomes `unknown`. */
  budgetMs: number;
  /** Opt-in TCP sweep of the subnet (bounded concurrency, deadlines); off unless the user asks. */
  sweep: boolean;
}

/** One row of the OS neighbor (ARP/NDP) table. */
export interface NeighborEntry {
  ip: string;
  /** Lower-case colon-separated MAC, or null for incomplete entries. */
  mac: string | null;
  interface: string | null;
  /** OS state word as printed (REACHABLE, STALE, dynamic, permanent …), or null. */
  state: string | null;
}

/** The OS neighbor table (read only: no ARP spoofing, no sweeps). */
export interface NeighborTable {
  read(scope: ProbeScope): Promise<NeighborEntry[]>;
}

/** One datagram answering an SSDP M-SEARCH, unparsed (the core parses, so garbage is its concern). */
export interface SsdpReply {
  from: string;
  text: string;
}

/** One mDNS resource record as received (the core assembles services from them). */
export interface MdnsRecord {
  name: string;
  type: string;
  /** PTR/A/AAAA: a string; SRV: {target, port}; TXT: a list of `key=value` strings. */
  data: string | string[] | { target: string; port: number };
  /** Source address of the datagram that carried it. */
  from: string;
}

/** Multicast discovery bound to the scope's interface (TTL 1, multicast interface = interfaceAddress). */
export interface Discovery {
  /**
   * Sends M-SEARCH for each search target and collects replies for scope.listenMs; `onReply`, when
   * given, also hears each reply the moment it arrives (so its description can be fetched meanwhile).
   */
  ssdpSearch(scope: ProbeScope, searchTargets: string[], onReply?: (reply: SsdpReply) => void): Promise<SsdpReply[]>;
  /** Asks for PTR records of each service type and collects every record heard for scope.listenMs. */
  mdnsBrowse(scope: ProbeScope, serviceTypes: string[]): Promise<MdnsRecord[]>;
}

/** An HTTP answer, body capped (truncated says so). */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  truncated: boolean;
}

/** Plain HTTP requests with a hard deadline (UPnP descriptions, TR-064, HNAP, admin page banners). */
export interface HttpFetcher {
  /** Rejects with PorchlightError('timeout') past the deadline, ('refused') for a non-local host. */
  request(
    url: string,
    opts: { deadlineMs: number; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; maxBytes?: number },
  ): Promise<HttpAnswer>;
  /** TCP connect test used by the opt-in sweep and the isolation re-check: true if something accepted. */
  connects(host: string, port: number, deadlineMs: number): Promise<boolean>;
}

/** The default route, read from the OS routing table. */
export interface GatewayLookup {
  defaultRoute(interfaceName?: string): Promise<{ gateway: string; interface: string | null } | null>;
}

/** The IEEE MAC registry: exact lookups by upper-case hex prefix (6, 7 or 9 digits). */
export interface OuiRegistry {
  organisation(prefixHex: string): string | null;
}

/** The machine's IPv4 interfaces (for the app's default scope: the active interface's subnet). */
export interface InterfaceList {
  list(): { name: string; address: string; prefixLength: number; internal: boolean }[];
}

/** Key-management suites a Wi-Fi scan can report, normalised across nmcli, netsh and macOS. */
/** `wpa3-eap` is WPA3-Enterprise as named by an OS that says so (netsh, macOS); nmcli cannot tell it from 802.1X. */
export type WifiAkm = 'psk' | 'sae' | '8021x' | 'wpa3-eap' | 'suite-b-192' | 'owe' | 'owe-transition';
/** Ciphers a Wi-Fi scan can report (pairwise or group), normalised. */
export type WifiCipher = 'wep' | 'tkip' | 'ccmp' | 'gcmp';

/** What one scanned network says about its security, before the core classifies it. `raw` keeps
 * the platform's own words so a person can check the classification; `unrecognized` lists
 * tokens the adapter could not map (the core then answers `unknown` instead of guessing). */
export interface WifiSecurityFacts {
  wep: boolean;
  wpa1: boolean;
  akms: WifiAkm[];
  ciphers: WifiCipher[];
  unrecognized: string[];
  raw: string;
}

/** One access point (BSS) as the OS scan reports it. An empty `ssid` is a hidden network. */
export interface ScannedNetwork {
  ssid: string;
  bssid: string | null;
  /** Signal quality 0–100 (nmcli/netsh percent; macOS dBm converted), null when not reported. */
  signal: number | null;
  channel: number | null;
  /** Centre frequency in MHz, null when not reported. */
  frequency: number | null;
  active: boolean;
  security: WifiSecurityFacts;
}

/**
 * A Wi-Fi reading: a value, or `unknown` with a reason a homeowner can act on — never an empty "all
 * good". Reasons and notes are message codes (`wifi.reading.*`, made with lightMsg so the scan path
 * loads no zod); what the reader can do travels in the message's `steps` param (stepsOf).
 */
export type WifiReading<T> = { kind: 'ok'; value: T; notes: Message[] } | { kind: 'unknown'; reason: Message };

/** The OS Wi-Fi scan. Read-only: it never joins a network and never handles a passphrase. */
export interface WifiScanner {
  /** Every access point in range, hidden ones included. */
  scan(): Promise<WifiReading<ScannedNetwork[]>>;
  /** The access point this machine is connected to, or null when not connected. */
  current(): Promise<WifiReading<ScannedNetwork | null>>;
}

/** One HTTP exchange with a local admin page, as the credential prober asks for it. */
export interface HttpProbeRequest {
  host: string;
  port: number;
  https: boolean;
  method: 'GET' | 'POST';
  /** Path and query, starting with "/". */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Hard deadline for the whole exchange (connect, send, receive); past it the request is destroyed. */
  timeoutMs: number;
  /** Accept an untrusted (e.g. self-signed) certificate; the core allows this only for the gateway. */
  allowUntrustedCertificate: boolean;
}

/** What came back: header names lower-cased, the body cut at a bounded size. */
export interface HttpProbeResponse {
  status: number;
  headers: Record<string, string[]>;
  body: string;
  /** True when TLS was used and the certificate was not trusted (only possible when allowed). */
  untrustedCertificate: boolean;
}

/**
 * Sends single HTTP requests to a local host. Implementations must refuse any host that is not a
 * loopback, private or link-local IP literal before opening a socket, and must honour the deadline;
 * failures throw PorchlightError ('timeout' past the deadline, 'refused' for scope or connection errors).
 */
export interface HttpProber {
  send(request: HttpProbeRequest): Promise<HttpProbeResponse>;
}

/** Turns a self-contained HTML document into a PDF (Electron printToPDF in the app, headless Chromium elsewhere). */
export interface PdfPrinter {
  htmlToPdf(html: string): Promise<Uint8Array>;
}

/** Where exported reports are written; returns the path written, so the user can be told where it is. */
export interface ReportSink {
  save(fileName: string, bytes: Uint8Array): Promise<string>;
}
