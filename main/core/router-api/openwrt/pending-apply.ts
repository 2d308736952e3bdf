/**
 * The record of an OpenWrt apply that is waiting for its proof: written (no secret) before
 * `uci apply {rollback:true}` is sent and removed after `uci confirm` or a restore. If Porchlight is
 * killed in between, the router rolls the change back on its own after the timeout, and the next
 * run finds this record and says so (after checking the router's answer).
 */
import { z } from 'zod';

export const PendingApplySchema = z.strictObject({
  schemaVersion: z.literal(1),
  pending: z
    .strictObject({
      router: z.string().max(200),
      startedAt: z.string().max(40),
      timeoutSeconds: z.number().int().min(1).max(3600),
      keys: z.array(z.string().max(100)).max(50),
      /** The previous values (options only; never a key/passphrase) to check the rollback against. */
      previous: z.array(
        z.strictObject({ config: z.string().max(50), section: z.string().max(100), option: z.string().max(50), value: z.union([z.string().max(500), z.array(z.string().max(500)).max(50), z.null()]) }),
      ).max(200),
    })
    .nullable(),
});
export type PendingApplyDoc = z.infer<typeof PendingApplySchema>;
export const NO_PENDING_APPLY: PendingApplyDoc = { schemaVersion: 1, pending: null };
