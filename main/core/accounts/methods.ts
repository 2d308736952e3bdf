import { z } from 'zod';

/**
 * Second factors, in Porchlight's words. Ranked per CISA's MFA guidance: phishing-resistant
 * security keys first; an authenticator app (TOTP) next; app push prompts after it because of
 * "push fatigue" attacks; phone call and SMS below (SIM swap, interception); email last (it falls
 * with the mailbox it is sent to).
 */
export const METHOD_IDS = ['security-key', 'authenticator-app', 'push', 'sms', 'call', 'email'] as const;
export const MethodIdSchema = z.enum(METHOD_IDS);
export type MethodId = z.infer<typeof MethodIdSchema>;

/** Higher is stronger. SMS and phone call share a rank: both ride on the phone number. */
export const METHOD_RANK: Readonly<Record<MethodId, number>> = {
  'security-key': 5,
  'authenticator-app': 4,
  push: 3,
  sms: 2,
  call: 2,
  email: 1,
};

/** Orders methods strongest first; ties keep the given order. Unknown ids never occur (schema). */
export function rankMethods(methods: readonly MethodId[]): MethodId[] {
  return [...new Set(methods)]
    .map((m, i) => ({ m, i }))
    .sort((a, b) => METHOD_RANK[b.m] - METHOD_RANK[a.m] || a.i - b.i)
    .map((x) => x.m);
}

/** The method to choose among those a service offers, or null when it offers none. */
export function bestMethod(methods: readonly MethodId[]): MethodId | null {
  return rankMethods(methods)[0] ?? null;
}

/** True when `a` is at least as strong as `b`. */
export function atLeastAsStrong(a: MethodId, b: MethodId): boolean {
  return METHOD_RANK[a] >= METHOD_RANK[b];
}

/** The 2fa.directory `tfa` vocabulary (github.com/2factorauth/twofactorauth, MIT). */
export const DIRECTORY_TFA = ['sms', 'call', 'email', 'totp', 'u2f', 'custom-software', 'custom-hardware'] as const;
export const DirectoryTfaSchema = z.enum(DIRECTORY_TFA);
export type DirectoryTfa = z.infer<typeof DirectoryTfaSchema>;

/**
 * Maps a 2fa.directory method to ours. `custom-software` of the services in our catalog is a
 * vendor push prompt (Google Prompts, Arlo Secure app, UI Verify, Apple device notifications);
 * `custom-hardware` (e.g. smartphone biometrics) has no Porchlight equivalent and maps to null.
 */
export function fromDirectoryTfa(tfa: DirectoryTfa): MethodId | null {
  switch (tfa) {
    case 'u2f':
      return 'security-key';
    case 'totp':
      return 'authenticator-app';
    case 'custom-software':
      return 'push';
    case 'custom-hardware':
      return null;
    default:
      return tfa;
  }
}
