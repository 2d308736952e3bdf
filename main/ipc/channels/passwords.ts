import { z } from 'zod';
import { MessageSchema } from '../../core/messages/index.js';
import { channel, ErrorInfoSchema, NoArgs, text } from './schema-helpers.js';
import { DiscardedSchema, GenerationFields, KeepSchema, SavedGenerationsSchema } from './secret-generations.js';
import { CheckStatusSchema } from '../../core/checks/results.js';

/** Whose password: the router's admin login or one device's (its inventory id). */
export const PasswordTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('router') }),
  z.strictObject({ kind: z.literal('device'), id: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/) }),
]);

/** A probe the user consented to: `consent` must be literally true, or nothing is sent. */
const ProbeArgs = z.strictObject({
  target: PasswordTargetSchema,
  host: text(80).min(1),
  https: z.boolean().optional(),
  vendor: text(80).nullable().optional(),
  consent: z.literal(true),
});

const FactoryPair = z.strictObject({ username: z.string(), password: z.string() });

/** The probe report (only public factory values, never a user secret). */
export const ProbeReportSchema = z.strictObject({
  host: z.string(),
  url: z.string(),
  login: z.enum(['basic', 'digest', 'form', 'none', 'unknown', 'app-only']),
  vendor: z.string().nullable(),
  vendorId: z.string().nullable(),
  result: z.enum(['default-accepted', 'default-rejected', 'unknown']),
  /** A message code with params (never English prose): the step puts it into words. */
  reason: MessageSchema,
  /** Requests carrying a password this check sent (as the device counts them). */
  attempts: z.number().int().min(0).max(5),
  /** The host's attempt ledger for this audit, this check included: the number the step shows. */
  auditAttempts: z.number().int().min(0).max(5),
  matched: FactoryPair.nullable(),
  tried: z.number().int().min(0),
  candidates: z.number().int().min(0),
  /** The public factory logins tried (when the maker is unknown: the most common ones). */
  triedLogins: z.array(FactoryPair).max(5),
  /** What the device showed for each login tried, as messages. */
  evidence: z.array(MessageSchema).max(5),
  certificate: z.enum(['none', 'trusted', 'self-signed-accepted-for-gateway', 'untrusted-refused']),
  notes: z.array(MessageSchema),
});

/**
 * "Does the router accept its new password": a login with the password saved as router/admin, which
 * the core reads from the keychain itself — no password field here, ever. The user name is public.
 */
const ConfirmArgs = z.strictObject({
  host: text(80).min(1),
  https: z.boolean().optional(),
  vendor: text(80).nullable().optional(),
  username: text(64).nullable().optional(),
  consent: z.literal(true),
});

/** What the login with the new password showed: no credential in any field. */
export const SecretLoginReportSchema = z.strictObject({
  host: z.string(),
  url: z.string(),
  login: z.enum(['basic', 'digest', 'form', 'none', 'unknown', 'app-only']),
  result: z.enum(['accepted', 'refused', 'unknown']),
  reason: MessageSchema,
  attempts: z.number().int().min(0).max(5),
  auditAttempts: z.number().int().min(0).max(5),
  evidence: z.array(MessageSchema).max(5),
  certificate: z.enum(['none', 'trusted', 'self-signed-accepted-for-gateway', 'untrusted-refused']),
  notes: z.array(MessageSchema),
});

const CheckOutcome = z.strictObject({ id: z.string(), status: CheckStatusSchema, reason: MessageSchema.nullable() });

/** The passwords step: vendor list, consented probe, generate-into-keychain (shown once), re-verify. */
export const passwordsChannels = {
  'passwords:vendors': channel(
    NoArgs,
    z.array(z.strictObject({ id: z.string(), name: z.string(), kind: z.string(), login: z.string(), uniquePerDevice: z.boolean(), note: z.string().nullable() })),
  ),
  /** What the survey found to check: the gateway (router) and inventory devices with an address. */
  'passwords:targets': channel(
    NoArgs,
    z.strictObject({
      gateway: z.string().nullable(),
      routerVendorId: z.string().nullable(),
      devices: z.array(
        z.strictObject({
          id: z.string(),
          name: z.string(),
          ip: z.string(),
          vendorId: z.string().nullable(),
          category: z.string(),
          /** The device announced a web service (http/https) — a login page is likely. */
          web: z.boolean(),
        }),
      ),
    }),
  ),
  'passwords:probe': channel(ProbeArgs, z.strictObject({ report: ProbeReportSchema, check: CheckOutcome })),
  'passwords:generate': channel(
    z.strictObject({ target: PasswordTargetSchema, keep: KeepSchema.optional() }),
    z.strictObject({
      account: z.string(),
      ...GenerationFields,
      /** Returned this once for display; later only through secrets:reveal. */
      password: z.string().min(16),
      length: z.number().int(),
      score: z.number().int().min(0).max(4),
      stored: z.boolean(),
      error: ErrorInfoSchema.nullable(),
    }),
  ),
  'passwords:saved': channel(z.strictObject({ target: PasswordTargetSchema }), SavedGenerationsSchema),
  'passwords:discard-previous': channel(z.strictObject({ target: PasswordTargetSchema }), DiscardedSchema),
  'passwords:confirm-new': channel(
    ConfirmArgs,
    z.strictObject({ report: SecretLoginReportSchema, previousRetired: z.boolean(), keptBecause: MessageSchema.nullable(), saved: SavedGenerationsSchema }),
  ),
  'passwords:reverify': channel(ProbeArgs, z.strictObject({ report: ProbeReportSchema, check: CheckOutcome, passed: z.boolean() })),
};
