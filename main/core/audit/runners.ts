import { z } from 'zod';
import { CheckStatusSchema, type CheckStatus } from '../checks/results.js';
import { InventoryDeviceSchema, RouterIdentitySchema, type InventoryDevice, type RouterIdentity } from './record.js';

/** What the headless audit may probe: only what the user named (`--interface`, `--gateway`). */
export interface AuditScope {
  interface: string | null;
  gateway: string | null;
  /** Port of the router's admin page when it is not 80 (`--admin-port`). */
  adminPort?: number | null;
}

/** A measurement for one check, made by a runner (evidence *verified*, dated by the audit). */
export interface MeasuredCheck {
  status: CheckStatus;
  reason: string | null;
  detail?: string | null;
}

/** What a runner hands back: check results for its checks, and what it saw of the network. */
export interface RunnerOutcome {
  results: Record<string, MeasuredCheck>;
  inventory?: InventoryDevice[];
  router?: RouterIdentity | null;
}

/**
 * One automated check an area contributes to the audit (Wi-Fi scan, survey, default-credential
 * probe …). Runners are built from the Core by factories (see runners/index.ts), so an area whose
 * code is not in this build simply has no runner and its checks read `unknown` — never `pass`.
 */
export interface AuditRunner {
  name: string;
  /** The checks this runner measures; results for any other id are ignored. */
  checkIds: readonly string[];
  /** Beyond this the runner is abandoned and its checks become `unknown` (timed out). */
  deadlineMs: number;
  run(scope: AuditScope, signal: AbortSignal): Promise<RunnerOutcome>;
}

/** The reason a check reads when no runner in this build measures it. */
export const NO_RUNNER_REASON = 'no automated check available in this build';

const MeasuredSchema = z
  .object({ status: CheckStatusSchema, reason: z.string().max(2000).nullable(), detail: z.string().max(4000).nullable().optional() })
  .refine((r) => !(r.status === 'unknown' || r.status === 'skipped') || (r.reason ?? '').trim().length > 0);

/** The combined outcome of every runner: results by check id, plus inventory/router when a runner saw them. */
export interface RunnersOutcome {
  results: Record<string, MeasuredCheck>;
  inventory: InventoryDevice[] | null;
  router: RouterIdentity | null | undefined;
  /** Runner name → wall time in ms, for the benchmark and the log. */
  timings: Record<string, number>;
}

async function withDeadline<T>(runner: AuditRunner, scope: AuditScope): Promise<T | RunnerOutcome> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`timed out after ${Math.round(runner.deadlineMs / 1000)} s`));
    }, runner.deadlineMs);
  });
  try {
    return await Promise.race([runner.run(scope, controller.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs every runner (one after another: they probe the same small network and must stay polite),
 * each within its deadline. A runner that throws, times out or answers something malformed turns
 * its checks `unknown` with the reason; it never stops the audit.
 */
export async function runAll(runners: readonly AuditRunner[], scope: AuditScope, now: () => number = Date.now): Promise<RunnersOutcome> {
  const out: RunnersOutcome = { results: {}, inventory: null, router: undefined, timings: {} };
  for (const runner of runners) {
    const started = now();
    let outcome: RunnerOutcome;
    try {
      outcome = (await withDeadline(runner, scope)) as RunnerOutcome;
    } catch (err) {
      const reason = `the ${runner.name} check could not finish: ${(err as Error)?.message ?? 'unknown error'}`.slice(0, 2000);
      for (const id of runner.checkIds) out.results[id] = { status: 'unknown', reason };
      out.timings[runner.name] = now() - started;
      continue;
    }
    out.timings[runner.name] = now() - started;
    for (const id of runner.checkIds) {
      const parsed = MeasuredSchema.safeParse(outcome?.results?.[id]);
      out.results[id] = parsed.success
        ? { status: parsed.data.status, reason: parsed.data.reason, detail: parsed.data.detail ?? null }
        : { status: 'unknown', reason: `the ${runner.name} check gave no readable result for this` };
    }
    if (outcome?.inventory !== undefined) {
      const inv = z.array(InventoryDeviceSchema).safeParse(outcome.inventory);
      if (inv.success) out.inventory = [...(out.inventory ?? []), ...inv.data];
    }
    if (outcome?.router !== undefined) {
      const router = RouterIdentitySchema.nullable().safeParse(outcome.router);
      if (router.success) out.router = router.data;
    }
  }
  return out;
}
