/**
 * The UPnP IGD port-mapping reader (no login): the router's description, then
 * WANIPConnection/WANPPPConnection `GetGenericPortMappingEntry` from index 0 until the router
 * answers 713 (SpecifiedArrayIndexInvalid) — the list of ports that devices opened on the router.
 */
import { readSoapAnswer, serviceControls, soapRequest } from '../soap.js';
import type { RouterTransport } from '../transport.js';
import type { UpnpPortMapping } from '../port.js';
import type { Message } from '../../messages/index.js';

/** Never more than this many entries (a hostile or broken router cannot keep us reading). */
export const MAX_PORT_MAPPINGS = 128;

const CONNECTION_TYPES = [
  'urn:schemas-upnp-org:service:WANIPConnection:2',
  'urn:schemas-upnp-org:service:WANIPConnection:1',
  'urn:schemas-upnp-org:service:WANPPPConnection:1',
];

export type PortMappingReading = { ok: true; mappings: UpnpPortMapping[]; service: string } | { ok: false; reason: string | Message };

/** Reads every port mapping from the IGD description at `http://host:port{descriptionPath}`. */
export async function readIgdPortMappings(transport: RouterTransport, host: string, port: number, descriptionPath = '/igddesc.xml', timeoutMs = 4000): Promise<PortMappingReading> {
  let desc;
  try {
    desc = await transport.send({ host, port, https: false, method: 'GET', path: descriptionPath, headers: {}, timeoutMs, pin: null });
  } catch {
    return { ok: false, reason: 'no IGD description' };
  }
  if (desc.kind !== 'answer' || desc.status !== 200) return { ok: false, reason: 'no IGD description' };
  const parsed = serviceControls(desc.body);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const type = CONNECTION_TYPES.find((t) => parsed.controls.has(t));
  if (!type) return { ok: false, reason: 'no WANIPConnection/WANPPPConnection service' };
  const path = parsed.controls.get(type)!;
  const mappings: UpnpPortMapping[] = [];
  for (let i = 0; i < MAX_PORT_MAPPINGS; i++) {
    const res = await transport.send({
      host, port, https: false, method: 'POST', path, timeoutMs, pin: null,
      headers: { 'content-type': 'text/xml; charset="utf-8"', soapaction: `${type}#GetGenericPortMappingEntry` },
      body: soapRequest(type, 'GetGenericPortMappingEntry', { NewPortMappingIndex: String(i) }),
    });
    if (res.kind !== 'answer') return { ok: false, reason: 'unexpected answer' };
    const a = readSoapAnswer(res.body, 'GetGenericPortMappingEntry');
    if (a.kind === 'fault' && (a.code === 713 || a.code === 714)) return { ok: true, mappings, service: type.replace(/^urn:[^:]+:service:/, '') };
    if (a.kind !== 'ok') return { ok: false, reason: a.kind === 'fault' ? `fault ${a.code}` : a.reason };
    const proto = (a.out.NewProtocol ?? '').toUpperCase();
    const ext = Number(a.out.NewExternalPort);
    const int = Number(a.out.NewInternalPort);
    if ((proto !== 'TCP' && proto !== 'UDP') || !Number.isInteger(ext) || !Number.isInteger(int)) return { ok: false, reason: `entry ${i} unreadable` };
    mappings.push({ protocol: proto, externalPort: ext, internalPort: int, internalClient: (a.out.NewInternalClient ?? '').slice(0, 64), description: (a.out.NewPortMappingDescription ?? '').slice(0, 120), enabled: a.out.NewEnabled !== '0' });
  }
  return { ok: true, mappings, service: type.replace(/^urn:[^:]+:service:/, '') };
}
