/**
 * The transport the router adapters need: single HTTP(S) requests to a local router, with the
 * router's TLS certificate pinned on first use. The real one is main/adapters/router/pinned-transport.ts.
 */

export interface RouterHttpRequest {
  host: string;
  port: number;
  https: boolean;
  method: 'GET' | 'POST';
  /** Path and query, starting with "/". */
  path: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /**
   * HTTPS only: the SHA-256 fingerprint the certificate must have (`AA:BB:…`), or null on first
   * use (any certificate; its fingerprint comes back to be pinned). On a mismatch nothing is sent.
   */
  pin: string | null;
}

export type RouterHttpResponse =
  | { kind: 'answer'; status: number; headers: Record<string, string[]>; body: string; certificateFingerprint: string | null }
  /** The certificate is not the pinned one: the connection was closed before any byte of the request. */
  | { kind: 'pin-mismatch'; certificateFingerprint: string };

/**
 * Sends one request. Implementations refuse a host that is not a loopback, private or link-local
 * literal before a socket exists, honour the deadline, and throw PorchlightError ('timeout',
 * 'refused') when the router does not answer.
 */
export interface RouterTransport {
  send(req: RouterHttpRequest): Promise<RouterHttpResponse>;
}

/** Where the pinned certificate fingerprints and the (non-secret) router user names are kept, per router address. */
export interface RouterPinStore {
  pin(host: string): string | null;
  setPin(host: string, fingerprint: string): void;
  userName(host: string): string | null;
  setUserName(host: string, name: string): void;
}

/** An in-memory pin store (tests; hosts without a profile). */
export function memoryPinStore(): RouterPinStore {
  const pins = new Map<string, string>();
  const users = new Map<string, string>();
  return {
    pin: (h) => pins.get(h) ?? null,
    setPin: (h, f) => void pins.set(h, f),
    userName: (h) => users.get(h) ?? null,
    setUserName: (h, n) => void users.set(h, n),
  };
}
