import { z } from 'zod';
import { CheckViewSchema } from './check-view.js';
import { MessageSchema } from '../../core/messages/index.js';
import { channel, NoArgs } from './schema-helpers.js';
import { WIFI_SECURITY_CLASSES } from '../../core/wifi/security.js';
import { WifiRouterGuideSchema, LegacyDeviceSchema } from '../../core/wifi/guides.js';
import { DiscardedSchema, GenerationFields, KeepSchema, SavedGenerationsSchema } from './secret-generations.js';

/** An SSID as Wi-Fi allows it: 1–32 bytes of UTF-8, no control characters. */
const Ssid = z
  .string()
  .min(1)
  .max(32)
  .refine((s) => new TextEncoder().encode(s).length <= 32, 'an SSID has at most 32 bytes')
  .refine((s) => ![...s].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f), 'an SSID must not contain control characters');

const NetworkView = z.strictObject({
  ssid: z.string(),
  bssid: z.string().nullable(),
  security: z.enum(WIFI_SECURITY_CLASSES),
  signal: z.number().nullable(),
  channel: z.number().nullable(),
  frequency: z.number().nullable(),
  active: z.boolean(),
  seen: z.string(),
});

/** A reading the core could not make: why, as a message (`wifi.reading.*`; steps to fix it in its `steps` param). */
const Unknown = z.strictObject({ kind: z.literal('unknown'), reason: MessageSchema });

const Progress = z.strictObject({ attempt: z.number().int(), elapsedMs: z.number(), timeoutMs: z.number(), lastSeen: MessageSchema.nullable() });
const Verdict = z.strictObject({
  status: z.enum(['pass', 'warn', 'fail', 'unknown']),
  security: z.enum(WIFI_SECURITY_CLASSES).nullable(),
  reason: MessageSchema,
  detail: MessageSchema.nullable(),
});
const Job = z.strictObject({ id: z.string(), ssid: z.string(), running: z.boolean(), progress: Progress.nullable(), verdict: Verdict.nullable() });

/** The wifi step's channels: scan, status, guides, passphrase generation, verification by rescan. */
export const wifiChannels = {
  /** `classes`: each network's class over all its access points, by the core's one rule (combineClasses), so the step shows what the audit rates. */
  'wifi:scan': channel(
    NoArgs,
    z.union([
      z.strictObject({ kind: z.literal('ok'), value: z.array(NetworkView), notes: z.array(MessageSchema), classes: z.array(z.strictObject({ ssid: z.string(), security: z.enum(WIFI_SECURITY_CLASSES) })) }),
      Unknown,
    ]),
  ),
  'wifi:status': channel(NoArgs, z.union([z.strictObject({ kind: z.literal('ok'), value: NetworkView.nullable(), notes: z.array(MessageSchema) }), Unknown])),
  'wifi:guides': channel(
    z.strictObject({ vendor: z.string().max(100).nullable().optional(), model: z.string().max(100).nullable().optional(), ssid: z.string().max(64).nullable().optional() }),
    z.strictObject({ families: z.array(WifiRouterGuideSchema), legacyDevices: z.array(LegacyDeviceSchema), legacyNote: z.string(), suggestedFamilyId: z.string() }),
  ),
  'wifi:generate-passphrase': channel(
    z.strictObject({ ssid: Ssid, style: z.enum(['words', 'characters']), mode: z.enum(['wpa3', 'transition']), hidden: z.boolean().optional(), keep: KeepSchema.optional() }),
    z.strictObject({
      account: z.string(),
      ...GenerationFields,
      stored: z.boolean(),
      storeError: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
      passphrase: z.string(),
      style: z.enum(['words', 'characters']),
      entropyBits: z.number(),
      score: z.number(),
      qrDataUrl: z.string().startsWith('data:image/svg+xml;base64,'),
    }),
  ),
  /** What is saved for a network, and whether a rescan saw it since the newest passphrase was made. */
  'wifi:saved-passphrases': channel(z.strictObject({ ssid: Ssid }), SavedGenerationsSchema.extend({ networkSeenSinceNew: z.boolean() })),
  /** The owner discards the kept previous passphrase. */
  'wifi:discard-previous': channel(z.strictObject({ ssid: Ssid }), DiscardedSchema),
  /** A rescan saw the network and the owner says the devices are back: the previous passphrase is removed. */
  'wifi:confirm-in-use': channel(z.strictObject({ ssid: Ssid, devicesBack: z.literal(true) }), DiscardedSchema),
  'wifi:rate-passphrase': channel(
    z.strictObject({ passphrase: z.string().min(1).max(128), ssid: Ssid.optional() }),
    z.strictObject({ acceptable: z.boolean(), score: z.number().int().min(0).max(4), common: z.boolean(), reasons: z.array(MessageSchema) }),
  ),
  'wifi:verify-start': channel(
    z.strictObject({
      ssid: Ssid,
      target: z.enum(['wpa3', 'transition']),
      timeoutSeconds: z.number().int().min(3).max(900),
      legacyDevices: z.array(z.string().max(200)).max(50).optional(),
    }),
    Job,
  ),
  'wifi:verify-progress': channel(z.strictObject({ id: z.string().uuid() }), Job),
  /** "Check again": runs the wifi.encryption verifier (the same the audit runs) and records its result on the board. */
  'wifi:check-again': channel(NoArgs, CheckViewSchema),
};
