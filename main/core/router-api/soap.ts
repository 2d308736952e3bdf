/** SOAP 1.1 envelopes for TR-064 and UPnP IGD calls: built with escaping, read with the project's safe XML reader. */
import { readXml } from '../router/index.js';
import { msg, type Message } from '../messages/index.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The request body for `action` of `serviceType` with its in-arguments; a second-factor token goes in the header as `<avm:token>`. */
export function soapRequest(serviceType: string, action: string, args: Record<string, string>, token?: string): string {
  const inner = Object.entries(args)
    .map(([k, v]) => `<${k}>${esc(v)}</${k}>`)
    .join('');
  const header = token ? `<s:Header><avm:token xmlns:avm="avm.de" s:mustUnderstand="1">${esc(token)}</avm:token></s:Header>` : '';
  return `<?xml version="1.0" encoding="utf-8"?><s:Envelope s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">${header}<s:Body><u:${action} xmlns:u="${esc(serviceType)}">${inner}</u:${action}></s:Body></s:Envelope>`;
}

/** A SOAP answer: the out-arguments, a UPnP fault code, or unreadable. */
export type SoapAnswer = { kind: 'ok'; out: Record<string, string> } | { kind: 'fault'; code: number; description: string } | { kind: 'unreadable'; reason: Message };

/** Reads a SOAP response body (success or UPnPError fault); never throws. */
export function readSoapAnswer(body: string, action: string): SoapAnswer {
  const r = readXml(body);
  if (!r.ok) return { kind: 'unreadable', reason: r.reason };
  const env = r.doc.Envelope as Record<string, unknown> | undefined;
  const b = env?.Body as Record<string, unknown> | undefined;
  if (!b) return { kind: 'unreadable', reason: msg('router.parse.no-soap-body') };
  const f = b.Fault as Record<string, unknown> | undefined;
  if (f) {
    const e = (f.detail as Record<string, unknown> | undefined)?.UPnPError as Record<string, unknown> | undefined;
    const code = Number(e?.errorCode);
    return { kind: 'fault', code: Number.isFinite(code) ? code : 0, description: String(e?.errorDescription ?? f.faultstring ?? '').slice(0, 200) };
  }
  const resp = b[`${action}Response`];
  if (resp === undefined) return { kind: 'unreadable', reason: msg('router.parse.no-soap-answer', { action }) };
  const out: Record<string, string> = {};
  if (resp && typeof resp === 'object') for (const [k, v] of Object.entries(resp)) if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
  return { kind: 'ok', out };
}

/** Control URLs by service type from a description document (tr64desc.xml / igddesc.xml), searched through nested devices. */
export function serviceControls(descriptionXml: string): { ok: true; controls: Map<string, string>; root: Record<string, unknown> } | { ok: false; reason: Message } {
  const r = readXml(descriptionXml);
  if (!r.ok) return r;
  const controls = new Map<string, string>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (typeof o.serviceType === 'string' && typeof o.controlURL === 'string') controls.set(o.serviceType, o.controlURL);
    for (const v of Object.values(o)) walk(v);
  };
  walk(r.doc);
  return { ok: true, controls, root: r.doc };
}
