/** HNAP `GetDeviceSettings` (D-Link and others answer it without a login at /HNAP1/). */
import { child, field, readXml, type ParseFailure } from './xml.js';
import { msg } from '../messages/index.js';

/** The identity fields of a GetDeviceSettingsResponse. */
export interface HnapSettings {
  vendor: string | null;
  model: string | null;
  firmware: string | null;
  description: string | null;
}

/** Parses a SOAP GetDeviceSettingsResponse; anything else yields the reason. */
export function parseHnapDeviceSettings(text: string): { ok: true; value: HnapSettings } | ParseFailure {
  const xml = readXml(text);
  if (!xml.ok) return xml;
  const body = child(child(xml.doc, 'Envelope'), 'Body');
  const resp = child(body, 'GetDeviceSettingsResponse');
  if (!resp) return { ok: false, reason: msg('router.parse.not-hnap') };
  const value = {
    vendor: field(resp, 'VendorName'),
    model: field(resp, 'ModelName'),
    firmware: field(resp, 'FirmwareVersion'),
    description: field(resp, 'ModelDescription'),
  };
  if (!value.vendor && !value.model && !value.firmware) return { ok: false, reason: msg('router.parse.hnap-no-device') };
  return { ok: true, value };
}
