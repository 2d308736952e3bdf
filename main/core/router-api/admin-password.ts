/**
 * A new admin password for the router, the one flow the CLI and the app share (issue 16):
 *
 *   1. a new strong password is made here and saved in the keychain (`router/admin/next`) — it is
 *      never returned, logged, or passed to a renderer;
 *   2. the adapter sets it on the router and logs in with it (only an accepted login counts: the
 *      adapter throws otherwise and puts the old one back);
 *   3. only then the old one is kept as `router/admin/previous` (until the owner discards it) and the
 *      new one becomes `router/admin`;
 *   4. a rejected new one is deleted only when the router is known to still have the old one;
 *      otherwise it stays under `router/admin/next`, as it may be the one the router has now.
 *
 * The admin password goes alone and last: the other changes of the plan are applied and proven
 * first (`applyPlanWithAdminPassword`), and the password is changed only when they were verified or
 * there were none, so a failed proof that restores the old settings never races a new password.
 */
import { randomBytes } from 'node:crypto';
import { secretAccountName } from '../secrets/index.js';
import { applyWithProof, newPasswordLoginProof, type ApplyOutcome, type Proof } from './apply-with-proof.js';
import { RouterError, type ApplyResult, type DesiredState, type RouterClient, type RouterPlan } from './port.js';

/** Where a new admin password waits while it is set and tried (never shown, never on argv). */
export const NEXT_ADMIN_ACCOUNT = 'router/admin/next';

/** The keychain as this flow needs it (the app's SecretService and the CLI's core both fit). */
export interface AdminPasswordSecrets {
  read(account: string): Promise<string | null>;
  write(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

/** Errors after which the router is known to still have the old password (the new one may then be dropped). */
const ROUTER_HAS_OLD = new Set(['router-api.error.new-password-rejected', 'openwrt.password-new-refused', 'openwrt.password-not-set', 'router-api.error.password-not-allowed']);

/** 24 random characters from letters, digits, - and _ (144 bits): accepted by FRITZ!OS and OpenWrt alike. */
export const generateAdminPassword = (): string => randomBytes(18).toString('base64url');

/** The desired state of a new admin password (the adapter reads it from `router/admin/next`). */
export const NEW_ADMIN_PASSWORD: Required<Pick<DesiredState, 'adminPassword'>> = { adminPassword: { next: { account: NEXT_ADMIN_ACCOUNT } } };

/**
 * Applies only the `admin-password` change of `plan`, if it holds an active one: generate into the
 * keychain, set, log in with the new one, then swap the keychain accounts. Throws the adapter's
 * RouterError when the router did not take the new one (after dropping it where safe).
 */
export async function applyNewAdminPassword(client: RouterClient, plan: RouterPlan, secrets: AdminPasswordSecrets, generate: () => string = generateAdminPassword): Promise<ApplyOutcome> {
  const change = plan.changes.find((c) => c.key === 'admin-password' && !c.refused);
  if (!change) return { outcome: 'nothing-to-do', result: null };
  const account = secretAccountName({ kind: 'router' });
  const old = await secrets.read(account);
  await secrets.write(NEXT_ADMIN_ACCOUNT, generate());
  let r: ApplyOutcome;
  try {
    r = await applyWithProof(client, { changes: [change], notes: [] }, NEW_ADMIN_PASSWORD, newPasswordLoginProof);
  } catch (err) {
    if (err instanceof RouterError && ROUTER_HAS_OLD.has(err.detail.code)) await secrets.delete(NEXT_ADMIN_ACCOUNT).catch(() => false);
    throw err;
  }
  if (r.outcome === 'verified') {
    const next = await secrets.read(NEXT_ADMIN_ACCOUNT);
    if (old !== null) await secrets.write(secretAccountName({ kind: 'router' }, 'previous'), old);
    if (next !== null) await secrets.write(account, next);
  }
  await secrets.delete(NEXT_ADMIN_ACCOUNT).catch(() => false);
  return r;
}

/**
 * Applies a whole plan: every change but the admin password with `prove` (restored on a failed
 * proof), then — only when those were verified or there were none — the admin password. The outcome
 * joins both (applied keys and proof basis); without a password change it is applyWithProof's.
 */
export async function applyPlanWithAdminPassword(
  client: RouterClient,
  plan: RouterPlan,
  desired: DesiredState,
  prove: (result: ApplyResult) => Promise<Proof>,
  secrets: AdminPasswordSecrets,
  generate?: () => string,
): Promise<ApplyOutcome> {
  const { adminPassword, ...rest } = desired;
  const pwChange = adminPassword ? plan.changes.find((c) => c.key === 'admin-password' && !c.refused) : undefined;
  const mainPlan = { ...plan, changes: plan.changes.filter((c) => c.key !== 'admin-password') };
  const r = await applyWithProof(client, mainPlan, rest, prove);
  if (!pwChange || (r.outcome !== 'verified' && r.outcome !== 'nothing-to-do')) return r;
  const pw = await applyNewAdminPassword(client, { changes: [pwChange], notes: [] }, secrets, generate);
  if (pw.outcome !== 'verified') return r;
  if (r.outcome !== 'verified') return pw;
  return {
    outcome: 'verified',
    result: { ...r.result, applied: [...r.result.applied, ...pw.result.applied], skipped: [...r.result.skipped, ...pw.result.skipped] },
    proof: { ok: true, basis: [...(r.proof?.basis ?? []), ...(pw.proof?.basis ?? [])] },
  };
}
