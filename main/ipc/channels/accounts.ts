import { z } from 'zod';
import { channel, ErrorInfoSchema, NoArgs, text } from './schema-helpers.js';
import { CheckViewSchema } from './check-view.js';
import { AccountEntrySchema, AccountIdSchema } from '../../core/accounts/catalog.js';
import { MethodIdSchema } from '../../core/accounts/methods.js';
import { AssistantIdSchema, AssistantSettingsSchema } from '../../core/accounts/assistant-step.js';
import { OutagePlansSchema, RouterIdentityInputSchema, RouterIdentitySchema } from '../../core/accounts/updates-step.js';
import { ConfirmationRecordSchema, SubjectSchema } from '../../core/confirmations/confirmation-store.js';
import { SecretValueSchema } from '../../core/secrets/accounts.js';

const ConfirmationViewSchema = ConfirmationRecordSchema.extend({ key: z.string(), expired: z.boolean(), daysLeft: z.number().int() });
const Confirmed = z.strictObject({ checks: z.array(CheckViewSchema), records: z.array(ConfirmationViewSchema) });
const OptionId = z.string().regex(/^[a-z-]{2,30}$/);

const AccountViewSchema = AccountEntrySchema.and(
  z.object({
    ranked: z.array(z.object({ method: MethodIdSchema, rank: z.number() })),
  }),
);

/** Channels of the accounts, assistant and updates steps and of the confirmation history. */
export const accountsChannels = {
  'accounts:catalog': channel(
    z.strictObject({ vendors: z.array(text(120)).max(500).optional() }),
    z.strictObject({
      accounts: z.array(AccountViewSchema),
      suggested: z.array(z.string()),
      vendors: z.array(z.string()),
      previous: z.strictObject({
        selected: z.array(z.string()),
        answers: z.record(
          z.string(),
          z.strictObject({ enabled: z.string(), uniquePassword: z.boolean(), integrationsReviewed: z.boolean(), confirmedAt: z.string(), expired: z.boolean() }),
        ),
      }),
    }),
  ),
  'accounts:confirm': channel(
    z.strictObject({
      accounts: z
        .array(
          z.strictObject({
            id: AccountIdSchema,
            enabled: z.union([MethodIdSchema, z.literal('none')]),
            uniquePassword: z.boolean(),
            integrationsReviewed: z.boolean(),
          }),
        )
        .min(1)
        .max(60),
    }),
    Confirmed,
  ),
  'accounts:store-recovery-codes': channel(
    z.strictObject({ account: AccountIdSchema, codes: SecretValueSchema }),
    z.union([
      z.strictObject({ account: z.string(), stored: z.literal(true) }),
      z.strictObject({ account: z.string(), stored: z.literal(false), error: ErrorInfoSchema }),
    ]),
  ),
  'assistant:settings': channel(
    NoArgs,
    AssistantSettingsSchema.extend({
      surveyFoundLock: z.boolean(),
      previous: z.strictObject({ assistants: z.array(AssistantIdSchema), hasSmartLock: z.boolean().nullable(), answers: z.record(z.string(), z.string()) }),
    }),
  ),
  'assistant:confirm': channel(
    z.strictObject({
      hasSmartLock: z.boolean(),
      assistants: z
        .array(z.strictObject({ assistant: AssistantIdSchema, answers: z.record(OptionId, OptionId).refine((r) => Object.keys(r).length <= 20, 'too many answers') }))
        .min(1)
        .max(3),
    }),
    Confirmed,
  ),
  // The router is read from the home model in the core; the renderer never hands one over.
  'updates:plan': channel(
    NoArgs,
    OutagePlansSchema.extend({
      router: RouterIdentitySchema.nullable(),
      routerAccount: z.string().nullable(),
      routerFirmwareUrl: z.string().nullable(),
      devices: z.array(z.strictObject({ id: z.string(), name: z.string(), vendor: z.string().nullable(), category: z.string().nullable(), answer: z.string().nullable() })),
      previous: z.strictObject({ routerAnswer: z.string().nullable(), profile: z.string().nullable(), choice: z.string().nullable() }),
    }),
  ),
  'updates:confirm-firmware': channel(
    z.strictObject({
      devices: z.array(z.strictObject({ id: SubjectSchema, name: text(120).min(1), answer: OptionId })).max(500),
      router: z.strictObject({ identity: RouterIdentityInputSchema.nullable(), answer: OptionId }).nullable(),
    }),
    Confirmed,
  ),
  'updates:confirm-outage-plan': channel(
    z.strictObject({ profile: OptionId, choice: OptionId }),
    z.strictObject({ check: CheckViewSchema, record: ConfirmationViewSchema }),
  ),
  'confirmations:list': channel(NoArgs, z.strictObject({ records: z.array(ConfirmationViewSchema), problems: z.array(z.string()) })),
  'confirmations:restore': channel(NoArgs, z.strictObject({ restored: z.array(z.string()) })),
  'confirmations:sync': channel(
    z.strictObject({ ids: z.array(z.string().regex(/^[a-z]+\.[a-z0-9-]+$/).max(64)).max(40) }),
    z.strictObject({ synced: z.array(z.string()) }),
  ),
};
