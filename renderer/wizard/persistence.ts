/**
 * Wizard persistence: restore the saved snapshot on start — one saved by another machine version is
 * migrated (its answers, consent, skips and visited steps carried into a snapshot of this version,
 * standing on the same step) — or set it aside with a notice when it cannot be restored; save after
 * every transition. Nothing here ever throws to the UI: a failure becomes a notice and a fresh start.
 */
import { createActor, type AnyActorRef, type Snapshot } from 'xstate';
import type { PorchlightApi, ResultOf } from '../../main/ipc/contract';
import { call } from './api';
import { HOME_ITEMS, MACHINE_VERSION, PROBE_KINDS, WIZARD_STEPS, initialContext, type WizardContext, type WizardMachine, type WizardStep } from './machine';

/** Why the saved progress was not used (translated by the UI under app:notice.*). */
export type RestoreNotice = 'older-version' | 'unreadable' | 'load-failed';

export interface RestoreOutcome {
  snapshot: Snapshot<unknown> | undefined;
  notice: RestoreNotice | null;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStep = (v: unknown) => (WIZARD_STEPS as readonly unknown[]).includes(v);

/** Structural check of a persisted context: the fields the UI and guards rely on have their types. */
export function isWizardContextShape(ctx: unknown): boolean {
  if (!isObj(ctx)) return false;
  if (!(ctx.mode === null || ctx.mode === 'first-time' || ctx.mode === 're-audit')) return false;
  if (!isObj(ctx.consent) || !PROBE_KINDS.every((k) => ctx.consent && [true, false, null].includes((ctx.consent as Record<string, unknown>)[k] as boolean))) return false;
  if (!Array.isArray(ctx.home) || !ctx.home.every((h) => (HOME_ITEMS as readonly unknown[]).includes(h))) return false;
  if (!isObj(ctx.answers) || !Object.keys(ctx.answers).every(isStep) || !Object.values(ctx.answers).every(isObj)) return false;
  if (!isObj(ctx.skipped) || !Object.entries(ctx.skipped).every(([k, v]) => isStep(k) && isObj(v) && typeof v.reason === 'string')) return false;
  if (!Array.isArray(ctx.visited) || !ctx.visited.every(isStep)) return false;
  if (!(ctx.attention === null || (Array.isArray(ctx.attention) && ctx.attention.every(isStep)))) return false;
  if (!Array.isArray(ctx.checks) || !ctx.checks.every((c) => isObj(c) && typeof c.id === 'string' && isObj(c.evidence))) return false;
  return true;
}

/** True when `snapshot` restores into the current machine on a wizard step with a sound context. */
export function isRestorable(logic: WizardMachine, snapshot: unknown): boolean {
  if (!isObj(snapshot) || snapshot.status !== 'active' || !isObj(snapshot.value)) return false;
  const flow = snapshot.value.flow;
  if (!(isStep(flow) || flow === 'assessing')) return false;
  if (!isWizardContextShape(snapshot.context)) return false;
  try {
    const actor = createActor(logic, { snapshot: snapshot as never });
    const restored = actor.getSnapshot();
    return restored.status === 'active' && isWizardContextShape(restored.context);
  } catch {
    return false;
  }
}

/**
 * A snapshot saved by another machine version, rebuilt as one of this version: each part of its
 * context the wizard keeps (mode, consent, what is in the home, answers, skips, visited steps, the
 * re-audit's attention list) is carried over when it still has its shape — part by part, so one
 * changed field loses only itself —, the check list is left to reload from the core (its source of
 * truth), and the wizard stands on the step it stood on (a re-audit being assessed: the survey).
 * Null when the snapshot names no step of this wizard, or nothing restorable results.
 */
export function migrateSnapshot(logic: WizardMachine, snapshot: unknown): Snapshot<unknown> | null {
  if (!isObj(snapshot) || snapshot.status !== 'active') return null;
  const old = isObj(snapshot.context) ? snapshot.context : {};
  const ctx: WizardContext = initialContext();
  if (old.mode === 'first-time' || old.mode === 're-audit') ctx.mode = old.mode;
  if (isObj(old.consent)) for (const k of PROBE_KINDS) if (typeof old.consent[k] === 'boolean') ctx.consent[k] = old.consent[k];
  if (Array.isArray(old.home)) ctx.home = HOME_ITEMS.filter((h) => (old.home as unknown[]).includes(h));
  if (isObj(old.answers)) ctx.answers = Object.fromEntries(Object.entries(old.answers).filter(([k, v]) => isStep(k) && isObj(v))) as WizardContext['answers'];
  if (isObj(old.skipped)) ctx.skipped = Object.fromEntries(Object.entries(old.skipped).filter(([k, v]) => isStep(k) && isObj(v) && typeof v.reason === 'string').map(([k, v]) => [k, { reason: (v as { reason: string }).reason }])) as WizardContext['skipped'];
  if (Array.isArray(old.visited)) ctx.visited = [...new Set(old.visited.filter(isStep) as WizardStep[])];
  if (Array.isArray(old.attention)) ctx.attention = old.attention.filter(isStep) as WizardStep[];
  // where the wizard stood must be readable: a snapshot that names no step of this wizard is not migrated
  const value = isObj(snapshot.value) ? snapshot.value : null;
  if (!value || !(isStep(value.flow) || value.flow === 'assessing')) return null;
  const flow: WizardStep = isStep(value.flow) ? (value.flow as WizardStep) : 'survey';
  if (!ctx.visited.includes(flow)) ctx.visited.push(flow);
  const fresh = createActor(logic).getPersistedSnapshot() as Record<string, unknown>;
  const rebuilt = { ...fresh, status: 'active', value: { flow, checks: 'idle' }, context: ctx, children: {}, historyValue: {} };
  return isRestorable(logic, rebuilt) ? (rebuilt as unknown as Snapshot<unknown>) : null;
}

/**
 * Loads saved progress (or takes the answer already asked for: `loaded`, from `app:start`); an
 * old-version or broken snapshot is reset and reported, never thrown.
 */
export async function restoreProgress(api: PorchlightApi, logic: WizardMachine, loaded?: Promise<ResultOf<'progress:load'>>): Promise<RestoreOutcome> {
  let saved: ResultOf<'progress:load'>;
  try {
    saved = await (loaded ?? call(api, 'progress:load', {}));
  } catch {
    return { snapshot: undefined, notice: 'load-failed' };
  }
  if (saved.snapshot === null) return { snapshot: undefined, notice: null };
  if (saved.machineVersion !== MACHINE_VERSION) {
    // another machine version: carried into this one (nothing the owner answered is lost)
    const migrated = migrateSnapshot(logic, saved.snapshot);
    if (migrated) return { snapshot: migrated, notice: null };
  }
  const notice: RestoreNotice | null =
    saved.machineVersion !== MACHINE_VERSION ? 'older-version' : isRestorable(logic, saved.snapshot) ? null : 'unreadable';
  if (notice === null) return { snapshot: saved.snapshot as unknown as Snapshot<unknown>, notice: null };
  try {
    await call(api, 'progress:reset', {});
  } catch {
    // The next save overwrites the old snapshot anyway; the notice still tells the user.
  }
  return { snapshot: undefined, notice };
}

/**
 * Sends `read()` to the core after every transition of `actor`, and once at start. Sends never
 * overlap: while one is in flight only the newest value waits, so the last state always wins; a
 * value equal (as JSON) to the last one sent is not sent again. Returns an unsubscribe.
 */
export function sendLatestOnChange<T>(
  actor: AnyActorRef,
  read: () => T,
  send: (value: T, json: string) => Promise<unknown>,
  onResult: (error: Error | null) => void,
): () => void {
  let inFlight = false;
  let pending: T | null = null;
  let lastJson = '';
  const flush = async () => {
    if (inFlight || pending === null) return;
    const value = pending;
    pending = null;
    const json = JSON.stringify(value);
    if (json === lastJson) return;
    inFlight = true;
    try {
      await send(value, json);
      lastJson = json;
      onResult(null);
    } catch (err) {
      onResult(err as Error);
    } finally {
      inFlight = false;
      void flush();
    }
  };
  const sub = actor.subscribe(() => {
    pending = read();
    void flush();
  });
  pending = read();
  void flush();
  return () => sub.unsubscribe();
}

/** Saves `actor.getPersistedSnapshot()` after every transition (see `sendLatestOnChange`). Returns an unsubscribe. */
export function saveProgressOnChange(api: PorchlightApi, actor: AnyActorRef, onResult: (error: Error | null) => void): () => void {
  return sendLatestOnChange(actor, () => actor.getPersistedSnapshot() as unknown, (_snapshot, json) => call(api, 'progress:save', { machineVersion: MACHINE_VERSION, snapshot: JSON.parse(json) }), onResult);
}
