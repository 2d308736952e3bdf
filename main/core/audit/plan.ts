import { STEP_IDS, type CheckCatalog, type StepId } from '../checks/index.js';
import { diffAudits } from './diff.js';
import type { AuditCheck, AuditRecord, InventoryDevice } from './record.js';

/** Steps a newly seen device concerns: it may need to move to the IoT network, has a login, has firmware. */
export const NEW_DEVICE_STEPS: readonly StepId[] = ['segmentation', 'passwords', 'updates'];

export type ReauditReasonKind = 'regression' | 'new-device' | 'expired-confirmation' | 'first-audit' | 'new-vulnerability';

/** Why a step is part of the re-audit. */
export interface ReauditReason {
  step: StepId;
  kind: ReauditReasonKind;
  /** The check id, or the device key/name, that brought the step in. */
  subject: string;
}

/** The re-audit: survey, then only the affected steps in wizard order, then the summary. */
export interface ReauditPlan {
  steps: StepId[];
  reasons: ReauditReason[];
}

/**
 * Chooses the re-audit's steps from the previous audit and the current state (checks as they
 * read now, inventory as last surveyed): a step is in when one of its checks regressed or rests
 * on an expired confirmation, the device steps when a device is new since the last audit, and the
 * Updates step when a known-exploited-vulnerability entry added since then concerns a device at home.
 * Without a previous audit there is nothing to compare with: every step runs.
 */
export function planReaudit(
  catalog: CheckCatalog,
  last: AuditRecord | null,
  current: { checks: readonly AuditCheck[]; inventory: readonly InventoryDevice[]; score: number; vulnerabilities?: AuditRecord['vulnerabilities'] },
): ReauditPlan {
  if (!last) {
    const steps = STEP_IDS.filter((s) => s !== 'welcome');
    return { steps, reasons: steps.map((step) => ({ step, kind: 'first-audit', subject: 'no previous audit' })) };
  }
  const stepOf = new Map(catalog.checks.map((c) => [c.id, c.step]));
  const diff = diffAudits(last, { id: 'current', at: new Date(0).toISOString(), ...current });
  const reasons: ReauditReason[] = [];
  for (const change of diff.regressed) {
    const step = stepOf.get(change.id);
    if (step) reasons.push({ step, kind: 'regression', subject: change.id });
  }
  for (const check of current.checks) {
    const step = stepOf.get(check.id);
    if (step && check.expired) reasons.push({ step, kind: 'expired-confirmation', subject: check.id });
  }
  for (const device of diff.newDevices) {
    for (const step of NEW_DEVICE_STEPS) reasons.push({ step, kind: 'new-device', subject: device.name ?? device.key });
  }
  // A KEV entry added since the last audit that concerns a device at home brings the Updates step back.
  for (const d of current.vulnerabilities?.devices ?? []) {
    for (const m of d.matches) if (m.newSinceLastAudit) reasons.push({ step: 'updates', kind: 'new-vulnerability', subject: `${m.cve} (${d.name})` });
  }
  const affected = new Set<StepId>(['survey', 'summary', ...reasons.map((r) => r.step)]);
  return { steps: STEP_IDS.filter((s) => affected.has(s) && s !== 'welcome'), reasons };
}
