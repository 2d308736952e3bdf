import { z } from 'zod';
import { MessageSchema } from '../../core/messages/index.js';
import { channel, ErrorInfoSchema, NoArgs, text } from './schema-helpers.js';
import { DiscardedSchema, GenerationFields, KeepSchema, SavedGenerationsSchema } from './secret-generations.js';
import { DeviceCategorySchema } from '../../core/network/categories.js';
import { CheckStatusSchema } from '../../core/checks/results.js';
import { ConsentSchema, InventoryDeviceSchema, SurveyReportSchema } from '../../core/model/index.js';
import { EvidenceSchema } from '../../core/checks/results.js';

const Answer = z.boolean().nullable().optional();
/** Only the kinds given are changed (no defaults here: a missing kind keeps its saved answer). */
const ConsentAnswersSchema = z.strictObject({ wifiScan: Answer, routerIdentity: Answer, deviceDiscovery: Answer, credentialProbe: Answer });

const Ip = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}$/).max(15);

/** A device as the survey step lists it: the home model's one shape (main/core/model). */
export { InventoryDeviceSchema };

/** The survey report: the model's one shape (main/core/model/schema.ts), not a copy. */
const ReportSchema = SurveyReportSchema;

const StatusSchema = z.object({
  runId: z.number().int(),
  running: z.boolean(),
  phase: z.enum(['idle', 'failed', 'neighbors', 'listening', 'describing', 'router', 'saving', 'done']),
  fraction: z.number().min(0).max(1),
  error: ErrorInfoSchema.nullable(),
  report: ReportSchema.nullable(),
});

const FamilySchema = z.object({
  id: z.string(),
  name: z.string(),
  vendorPatterns: z.array(z.string()),
  adminUrlHint: z.string(),
  guestNetwork: z.array(z.string()),
  isolation: z.string(),
  vlan: z.string(),
});

const VerdictSchema = z.object({ status: CheckStatusSchema, reason: MessageSchema, detail: MessageSchema.nullable() });
const Ssid = z.string().min(1).max(32).refine((s) => Buffer.byteLength(s, 'utf8') <= 32, 'at most 32 bytes');

/** Survey and segmentation channels: start/poll a survey, edit the inventory, plan and verify the IoT network. */
export const surveyChannels = {
  /** The owner's answers on the welcome step (what Porchlight may look at), saved in the home model for the headless audit. */
  'survey:consent': channel(ConsentAnswersSchema, ConsentSchema),
  'survey:start': channel(
    z.strictObject({ seconds: z.number().min(2).max(120).optional(), targets: z.array(Ip).max(64).optional(), sweep: z.boolean().optional() }),
    StatusSchema,
  ),
  'survey:progress': channel(NoArgs, StatusSchema),
  /** What a survey would look at, named before it starts (interface, its address and subnet, the router). */
  'survey:scope': channel(
    NoArgs,
    z.union([
      z.strictObject({ available: z.literal(true), interface: z.string(), address: Ip, subnet: z.string(), gateway: Ip.nullable() }),
      z.strictObject({ available: z.literal(false), reason: MessageSchema }),
    ]),
  ),
  'survey:inventory': channel(NoArgs, z.object({ devices: z.array(InventoryDeviceSchema), report: ReportSchema.nullable() })),
  'survey:device-edit': channel(
    z.strictObject({
      id: text(80).min(1),
      name: text(80).nullable().optional(),
      category: DeviceCategorySchema.nullable().optional(),
      moveToIot: z.boolean().optional(),
      removed: z.boolean().optional(),
    }),
    InventoryDeviceSchema,
  ),
  'survey:device-add': channel(
    z.strictObject({ name: text(80).min(1), category: DeviceCategorySchema, ip: Ip.nullable().optional(), mac: text(17).nullable().optional() }),
    InventoryDeviceSchema,
  ),
  /** The user reviewed the inventory: records devices.inventory with today's date. */
  'survey:reviewed': channel(NoArgs, z.object({ id: z.string(), status: CheckStatusSchema, reason: MessageSchema.nullable(), evidence: EvidenceSchema })),
  'segmentation:plan': channel(
    NoArgs,
    z.object({
      suggestedSsid: z.string(),
      family: FamilySchema,
      families: z.array(z.object({ id: z.string(), name: z.string() })),
      crossNetworkWarning: z.array(z.string()),
      devicesToMove: z.array(InventoryDeviceSchema),
    }),
  ),
  'segmentation:family': channel(z.strictObject({ id: z.string().regex(/^[a-z0-9-]{1,40}$/) }), FamilySchema),
  'segmentation:passphrase': channel(
    z.strictObject({ ssid: Ssid, style: z.enum(['words', 'characters']), keep: KeepSchema.optional() }),
    z.object({ account: z.string(), ...GenerationFields, stored: z.boolean(), storeError: ErrorInfoSchema.nullable(), passphrase: z.string(), entropyBits: z.number(), qrDataUrl: z.string() }),
  ),
  /** The saved IoT passphrase with its join code (a QR image), shown on the owner's press. */
  'segmentation:join-code': channel(z.strictObject({ ssid: Ssid }), z.strictObject({ account: z.string(), passphrase: z.string(), qrDataUrl: z.string() })),
  'segmentation:saved-passphrases': channel(z.strictObject({ ssid: Ssid }), SavedGenerationsSchema.extend({ networkSeenSinceNew: z.boolean() })),
  'segmentation:discard-previous': channel(z.strictObject({ ssid: Ssid }), DiscardedSchema),
  'segmentation:confirm-in-use': channel(z.strictObject({ ssid: Ssid, devicesBack: z.literal(true) }), DiscardedSchema),
  'segmentation:verify-segment': channel(z.strictObject({ ssid: Ssid }), VerdictSchema),
  'segmentation:verify-isolation': channel(
    z.strictObject({ seconds: z.number().min(2).max(120).optional() }),
    VerdictSchema.extend({
      stillSeen: z.array(z.object({ id: z.string(), name: z.string(), ip: z.string().nullable(), seenBy: z.array(z.string()) })),
      moved: z.number().int(),
    }),
  ),
};
