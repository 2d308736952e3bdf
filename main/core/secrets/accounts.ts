import { z } from 'zod';

/** The keychain service name every secret is stored under. */
export const KEYCHAIN_SERVICE = 'Porchlight';

/**
 * Keychain account names: one account per secret, in a closed set of shapes, so nothing can
 * write arbitrary entries into the user's keychain through Porchlight.
 */
export const SecretAccountSchema = z
  .string()
  .max(200)
  .regex(/^(wifi\/[^\p{Cc}]{1,64}|device\/[A-Za-z0-9._:-]{1,64}|router\/admin|account\/[a-z0-9-]{1,40}\/recovery-codes)$/u, {
    message: 'not a Porchlight keychain account (wifi/<ssid>, device/<id>, router/admin, account/<name>/recovery-codes)',
  });
export type SecretAccount = z.infer<typeof SecretAccountSchema>;

/** A secret value: non-empty, bounded, no NUL (the Secret Service API cannot carry it). */
export const SecretValueSchema = z.string().min(1).max(8192).refine((s) => !s.includes('\u0000'), 'secret must not contain NUL');
