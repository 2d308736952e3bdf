/**
 * What an audit records and a report shows about known exploited vulnerabilities, per device:
 * firmware, whether it updates itself (null: not known), how it was identified, and every matched
 * KEV entry with how the match was made. Public facts only — no secret.
 */
import { z } from 'zod';
import type { HomeVulns } from './assess.js';

const s = (n: number) => z.string().max(n);

export const VulnMatchRecordSchema = z.strictObject({
  cve: s(40).describe('The CVE id, e.g. CVE-2015-2051'),
  how: z.enum(['exact-model', 'revision', 'model-family']).describe('exact-model: the entry names this model; revision: the same model with another hardware revision; model-family: the entry names a product line the table puts this model in'),
  matched: s(200).describe('What matched: the model name in the entry, or the family'),
  product: s(300),
  name: s(500),
  dateAdded: s(10).describe('When CISA added it to the catalog (YYYY-MM-DD)'),
  action: z.enum(['end-of-life', 'possibly-end-of-life', 'update', 'mitigate', 'other']).describe("The primary instruction of CISA's required action"),
  requiredAction: s(2000).describe("CISA's required action, verbatim"),
  affected: z.enum(['yes', 'no', 'not-stated', 'firmware-unknown']).describe('yes only when the entry states versions and the firmware is known and inside them'),
  newSinceLastAudit: z.boolean(),
});

export const DeviceVulnRecordSchema = z.strictObject({
  key: s(100).describe('The device id of the home model ("router" for the router identity without a device record)'),
  name: s(200),
  isRouter: z.boolean(),
  vendor: s(200).nullable(),
  model: s(200).nullable(),
  firmware: s(200).nullable().describe('Firmware version when the device announced it; null when not known'),
  updatesItself: z.boolean().nullable().describe('Whether it installs updates automatically; null when Porchlight cannot tell'),
  updatesItselfBasis: z.enum(['probe', 'router-api', 'owner', 'survey']).nullable().optional().describe("How 'updatesItself' is known: router-api (the router's own answer), owner (the owner's answer in the updates step)"),
  features: z
    .array(
      z.strictObject({
        id: z.enum(['factory-password-changed', 'separate-network', 'https-login']),
        state: z.boolean().nullable().describe('null: not known'),
        basis: z.enum(['probe', 'router-api', 'owner', 'survey']).nullable().describe('probe: the factory-password check; survey: the latest survey; owner: the owner\'s answer'),
        at: s(40).nullable(),
      }),
    )
    .max(8)
    .optional()
    .describe('Security features with the evidence for each; absent in audits saved before they were recorded'),
  identifiedBy: z.enum(['network', 'owner']).nullable(),
  status: z.enum(['listed', 'end-of-life', 'clear', 'unidentified']),
  missing: z.enum(['vendor', 'model', 'both']).nullable(),
  matches: z.array(VulnMatchRecordSchema).max(200),
});

export const VulnRecordSchema = z.strictObject({
  catalogVersion: s(20).describe('The CISA KEV catalog snapshot compared with (YYYY.MM.DD)'),
  catalogCount: z.number().int().min(0),
  devices: z.array(DeviceVulnRecordSchema).max(2000),
});
export type VulnRecord = z.infer<typeof VulnRecordSchema>;

/** The record of an assessment (what audits save and reports print). */
export function vulnRecord(h: HomeVulns): VulnRecord {
  return {
    catalogVersion: h.catalogVersion,
    catalogCount: h.catalogCount,
    devices: h.devices.map((d) => ({
      key: d.id.slice(0, 100),
      name: d.name.slice(0, 200),
      isRouter: d.isRouter,
      vendor: d.vendor?.slice(0, 200) ?? null,
      model: d.model?.slice(0, 200) ?? null,
      firmware: d.firmware?.slice(0, 200) ?? null,
      updatesItself: d.updatesItself?.value ?? null,
      updatesItselfBasis: d.updatesItself?.basis ?? null,
      features: d.features.map((f) => ({ id: f.id, state: f.state?.value ?? null, basis: f.state?.basis ?? null, at: f.state?.at ?? null })),
      identifiedBy: d.identifiedBy,
      status: d.status,
      missing: d.missing,
      matches: d.matches.slice(0, 200).map((m) => ({
        cve: m.cve,
        how: m.how,
        matched: m.matched.slice(0, 200),
        product: m.product.slice(0, 300),
        name: m.name.slice(0, 500),
        dateAdded: m.dateAdded,
        action: m.action,
        requiredAction: m.requiredAction.slice(0, 2000),
        affected: m.affected,
        newSinceLastAudit: d.newSince.includes(m.cve),
      })),
    })),
  };
}
