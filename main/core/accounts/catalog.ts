import { z } from 'zod';
import { loadResource } from '../checks/index.js';
import { checkExternalUrl } from '../shell/index.js';
import { PorchlightError } from '../errors.js';
import { bestMethod, DirectoryTfaSchema, fromDirectoryTfa, MethodIdSchema, type MethodId } from './methods.js';

/** The resource file the account catalog lives in. */
export const ACCOUNTS_FILE = 'accounts.json';

/** An account id doubles as the keychain name `account/<id>/recovery-codes`, so it uses that alphabet. */
export const AccountIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'account ids are 1–40 of a-z, 0-9 and -');

const https = z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(400);

const SourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('2fa.directory'), entry: z.string().min(3).max(100), tfa: z.array(DirectoryTfaSchema).min(1) }),
  z.strictObject({ kind: z.literal('vendor-docs'), url: https }),
  z.strictObject({ kind: z.literal('not-listed'), note: z.string().min(10) }),
]);

/** One service: its 2FA methods, the one to pick, its quirk and where its settings live. */
export const AccountEntrySchema = z
  .strictObject({
    id: AccountIdSchema,
    name: z.string().min(2).max(80),
    roles: z.array(z.enum(['smart-home', 'router'])).min(1),
    /** Whole words (lower case) matched against device and router vendor names from the survey. */
    vendorPatterns: z.array(z.string().regex(/^[a-z0-9][a-z0-9 ]*$/)).min(1),
    methods: z.array(MethodIdSchema),
    best: MethodIdSchema.nullable(),
    source: SourceSchema,
    quirk: z.strictObject({ summary: z.string().min(10), steps: z.array(z.string().min(5)) }).nullable(),
    settingsUrl: https,
    docsUrl: https.nullable(),
    whereInApp: z.string().min(3).nullable(),
    noTwoFactor: z.string().min(10).nullable(),
    firmwareUrl: https.nullable(),
  })
  .superRefine((e, ctx) => {
    const strongest = bestMethod(e.methods);
    if (e.best !== strongest) {
      ctx.addIssue({ code: 'custom', path: ['best'], message: `best must be the strongest of methods (${strongest ?? 'null'})` });
    }
    if ((e.methods.length === 0) !== (e.noTwoFactor !== null)) {
      ctx.addIssue({ code: 'custom', path: ['noTwoFactor'], message: 'noTwoFactor explains an account without methods, and only then' });
    }
    if (e.source.kind === '2fa.directory') {
      const derived = e.source.tfa.map(fromDirectoryTfa).filter((m): m is MethodId => m !== null);
      const missing = derived.filter((m) => !e.methods.includes(m));
      if (missing.length) ctx.addIssue({ code: 'custom', path: ['methods'], message: `2fa.directory lists ${missing.join(', ')} but methods omit it` });
    }
  });
export type AccountEntry = z.infer<typeof AccountEntrySchema>;

export const AccountCatalogSchema = z
  .strictObject({
    version: z.literal(1),
    note: z.string(),
    reviewed: z.iso.date(),
    directoryCommit: z.string().regex(/^[0-9a-f]{40}$/),
    accounts: z.array(AccountEntrySchema).min(1),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.accounts.forEach((a, i) => {
      if (seen.has(a.id)) ctx.addIssue({ code: 'custom', path: ['accounts', i, 'id'], message: `duplicate account id ${a.id}` });
      seen.add(a.id);
    });
  });
export type AccountCatalog = z.infer<typeof AccountCatalogSchema>;

/**
 * Loads resources/accounts.json through its schema, then checks every address against the
 * external-link allow-list, so a link the opener would refuse never reaches the screen. Errors
 * name the file and the field (e.g. `accounts.json is invalid at accounts.3.settingsUrl`).
 */
export function loadAccountCatalog(resourcesDir: string, allowedHosts: readonly string[]): AccountCatalog {
  const catalog = loadResource(resourcesDir, ACCOUNTS_FILE, AccountCatalogSchema);
  catalog.accounts.forEach((a, i) => {
    for (const field of ['settingsUrl', 'docsUrl', 'firmwareUrl'] as const) {
      const url = a[field];
      if (url === null) continue;
      try {
        checkExternalUrl(url, allowedHosts);
      } catch (err) {
        throw new PorchlightError('internal', 'error.internal', { detail: `Resource ${ACCOUNTS_FILE} is invalid at accounts.${i}.${field} (${a.id}): ${(err as Error).message}` });
      }
    }
  });
  return catalog;
}

const words = (s: string) => s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

/** True when the pattern's words occur, in order and adjacent, among the vendor name's words. */
export function vendorMatches(vendor: string, pattern: string): boolean {
  const v = words(vendor);
  const p = words(pattern);
  if (p.length === 0) return false;
  for (let i = 0; i + p.length <= v.length; i++) if (p.every((w, j) => v[i + j] === w)) return true;
  return false;
}

/** Account ids to pre-select for the vendor names the survey found, in catalog order. */
export function suggestAccounts(catalog: AccountCatalog, vendors: readonly string[]): string[] {
  return catalog.accounts.filter((a) => vendors.some((v) => a.vendorPatterns.some((p) => vendorMatches(v, p)))).map((a) => a.id);
}
