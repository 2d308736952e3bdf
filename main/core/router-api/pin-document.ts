/**
 * The profile document `router-api.json`: per router address, the pinned TLS certificate
 * fingerprint and the router user name Porchlight logs in with. Neither is a secret (the password
 * lives in the keychain as `router/admin`).
 */
import { z } from 'zod';
import type { DocumentStore } from '../ports.js';
import type { RouterPinStore } from './transport.js';

export const RouterPinsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  hosts: z.record(
    z.string().max(64),
    z.strictObject({ tlsFingerprint: z.string().regex(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/).nullable(), userName: z.string().max(64).nullable() }),
  ),
});
export type RouterPinsDoc = z.infer<typeof RouterPinsSchema>;
export const DEFAULT_ROUTER_PINS: RouterPinsDoc = { schemaVersion: 1, hosts: {} };

/** A RouterPinStore over the profile document. */
export function documentPinStore(doc: DocumentStore<RouterPinsDoc>): RouterPinStore {
  const entry = (h: string) => doc.read().hosts[h] ?? { tlsFingerprint: null, userName: null };
  const put = (h: string, patch: Partial<RouterPinsDoc['hosts'][string]>) => {
    const d = doc.read();
    doc.write({ ...d, hosts: { ...d.hosts, [h]: { ...entry(h), ...patch } } });
  };
  return {
    pin: (h) => entry(h).tlsFingerprint,
    setPin: (h, f) => put(h, { tlsFingerprint: f }),
    userName: (h) => entry(h).userName,
    setUserName: (h, n) => put(h, { userName: n }),
  };
}
