import { z } from 'zod';
import { boundedJson, channel, ErrorInfoSchema, FREE_JSON_LIMITS, NoArgs, text } from './schema-helpers.js';
import { SecretAccountSchema, SecretValueSchema } from '../../core/secrets/accounts.js';
import { SettingsSchema, MAX_SNAPSHOT_BYTES } from '../../core/store/documents.js';
import { CheckViewSchema } from './check-view.js';
import { MessageSchema } from '../../core/messages/index.js';


const CheckId = z.string().regex(/^[a-z]+\.[a-z0-9-]+$/).max(64);

/** The wizard snapshot: free-form, so bounded in depth, values and size (it must read back: issue 13). */
const SnapshotSchema = boundedJson({ ...FREE_JSON_LIMITS, maxBytes: MAX_SNAPSHOT_BYTES });

const AppInfoSchema = z.strictObject({ name: z.string(), version: z.string(), platform: z.string(), host: z.enum(['electron', 'harness']), notices: z.array(MessageSchema).max(50), languages: z.array(z.string().max(64)).max(32) });
const ProgressLoadSchema = z.strictObject({ machineVersion: z.number().int().nullable(), snapshot: boundedJson().nullable(), notice: z.string().nullable() });
/** One part of a combined answer: its value, or why it was refused (the shape of a whole IPC answer). */
const partOf = <T extends z.ZodType>(value: T) => z.union([z.strictObject({ ok: z.literal(true), value }), z.strictObject({ ok: z.literal(false), error: ErrorInfoSchema })]);

const StoreOutcomeSchema = z.union([
  z.strictObject({ account: z.string(), stored: z.literal(true) }),
  z.strictObject({ account: z.string(), stored: z.literal(false), error: ErrorInfoSchema }),
]);

/** The foundation's channels: app info, progress, checks, keychain, settings, external links. */
export const foundationChannels = {
  'app:info': channel(NoArgs, AppInfoSchema),
  'progress:load': channel(NoArgs, ProgressLoadSchema),
  /**
   * What the app needs before its first screen — saved progress, app info, settings — in one call
   * (the renderer sends it before its code is loaded). Each part is answered or refused on its own,
   * as its own channel would answer it, so one unreadable file does not cost the other two.
   */
  'app:start': channel(
    NoArgs,
    z.strictObject({ progress: partOf(ProgressLoadSchema), info: partOf(AppInfoSchema), settings: partOf(SettingsSchema) }),
  ),
  'progress:save': channel(z.strictObject({ machineVersion: z.number().int().min(1).max(1_000_000), snapshot: SnapshotSchema }), z.strictObject({ savedAt: z.string() })),
  'progress:reset': channel(NoArgs, z.strictObject({ reset: z.literal(true) })),
  'checks:list': channel(NoArgs, z.array(CheckViewSchema)),
  'checks:confirm': channel(
    z.strictObject({ id: CheckId, status: z.enum(['pass', 'warn', 'fail']), note: text(500).optional() }),
    CheckViewSchema,
  ),
  'checks:skip': channel(z.strictObject({ id: CheckId, reason: text(500).min(3) }), CheckViewSchema),
  'secrets:set': channel(z.strictObject({ account: SecretAccountSchema, secret: SecretValueSchema }), StoreOutcomeSchema),
  'secrets:reveal': channel(z.strictObject({ account: SecretAccountSchema }), z.strictObject({ account: z.string(), secret: z.string() })),
  'secrets:delete': channel(z.strictObject({ account: SecretAccountSchema }), z.strictObject({ deleted: z.boolean() })),
  'secrets:list': channel(
    NoArgs,
    z.strictObject({ available: z.boolean(), accounts: z.array(z.string()), error: ErrorInfoSchema.optional() }),
  ),
  'settings:get': channel(NoArgs, SettingsSchema),
  'settings:update': channel(SettingsSchema.omit({ schemaVersion: true }).partial().strict(), SettingsSchema),
  'shell:open-external': channel(z.strictObject({ url: text(2048) }), z.strictObject({ opened: z.literal(true) })),
};
