/**
 * Schemas shared by the channels that make a new secret over a saved one (Wi-Fi, IoT network,
 * router and device passwords): the owner's go-ahead, what is saved, and a discard's outcome.
 * Never a secret value: reveals go through secrets:reveal with the account names given here.
 */
import { z } from 'zod';

/** The owner's go-ahead to replace a saved secret: which saved one to keep as the previous. */
export const KeepSchema = z.enum(['current', 'previous']);

/** What the keychain holds for one owner (account names and flags only). */
export const SavedGenerationsSchema = z.strictObject({
  account: z.string(),
  previousAccount: z.string(),
  current: z.boolean(),
  previous: z.boolean(),
});

/** Added to a generation's result: where the replaced secret is kept, and what was discarded. */
export const GenerationFields = {
  previousAccount: z.string(),
  previousKept: z.boolean(),
  discarded: z.enum(['none', 'oldest', 'unconfirmed']),
};

/** A previous secret removed (confirmed in use, or discarded by the owner). */
export const DiscardedSchema = z.strictObject({ previousAccount: z.string(), discarded: z.boolean() });
