import type { Core } from '../../app-core.js';
import type { AuditRunner, MeasuredCheck, RunnerOutcome } from '../runners.js';
import type { InventoryDevice, RouterIdentity } from '../record.js';
import type { SurveyReport } from '../../network/survey-service.js';

/** Why the survey's checks read unknown when the host gave the survey no network to look at. */
export const NO_SCOPE_REASON = 'no network scope was given: run the audit with --interface NAME (and --gateway IP)';

/** The survey's devices as inventory entries: those seen in this survey and those added by hand. */
export function inventoryOf(report: SurveyReport): InventoryDevice[] {
  return report.devices
    .filter((d) => d.seenBy.length > 0 || d.manual)
    .map((d) => ({
      key: d.id.slice(0, 100),
      name: d.names[0]?.slice(0, 200) ?? null,
      ip: d.ip,
      mac: d.mac,
      vendor: [d.vendor, d.model].filter(Boolean).join(' ').slice(0, 200) || null,
      category: d.category,
      firmware: null,
      firstSeen: d.firstSeen,
      lastSeen: d.lastSeen,
    }));
}

/** The router as the survey identified it, with the sources that said so. */
export function routerOf(report: SurveyReport): RouterIdentity | null {
  const r = report.gateway.router;
  if (!report.gateway.address && !r) return null;
  const sources = r ? [...new Set([r.sources.vendor, r.sources.model, r.sources.firmware].filter((s): s is NonNullable<typeof s> => s !== null))] : [];
  return { address: report.gateway.address, vendor: r?.vendor ?? null, model: r?.model ?? null, firmware: r?.firmware ?? null, sources: sources.map(String).slice(0, 20) };
}

/**
 * `network.iot-isolated` from a survey of the main network: every device the user marked to move
 * must be gone from it. Unknown while no device is marked (there is nothing to verify yet).
 */
export function isolation(report: SurveyReport): MeasuredCheck {
  const marked = report.devices.filter((d) => d.moveToIot);
  if (!marked.length) return { status: 'unknown', reason: 'no device is marked to move to the IoT network yet (Segmentation step)' };
  const still = marked.filter((d) => d.seenBy.length > 0);
  const name = (d: (typeof marked)[number]) => `${d.names[0] ?? d.vendor ?? d.id}${d.ip ? ` (${d.ip})` : ''}`;
  if (still.length) return { status: 'fail', reason: `still seen from the main network: ${still.map(name).join(', ')}`.slice(0, 2000) };
  return { status: 'pass', reason: `none of the ${marked.length} device(s) marked to move is seen from the main network` };
}

/**
 * When the user last reviewed the inventory: the survey step's verified pass of
 * `devices.inventory` on the wizard board, or the newest audit where it passed.
 */
export function lastReviewAt(core: Core): string | null {
  const dates: string[] = [];
  const board = core.deps.progress.read().checks['devices.inventory'];
  if (board?.status === 'pass' && board.evidence.kind === 'verified') dates.push(board.evidence.at);
  for (const a of core.audit.list()) {
    const c = a.checks.find((x) => x.id === 'devices.inventory');
    if (c?.status === 'pass' && c.evidence.kind === 'verified') dates.push(c.evidence.at);
  }
  return dates.sort().at(-1) ?? null;
}

/**
 * The survey as an audit runner: the inventory, the router's identity, and `devices.inventory` —
 * pass when the inventory was reviewed within the re-audit interval and no device appeared since;
 * warn naming the devices first seen after the last review (a headless audit can list them, only
 * a person can review them).
 */
export function surveyRunner(core: Core): AuditRunner {
  return {
    name: 'survey',
    checkIds: ['devices.inventory', 'network.iot-isolated'],
    deadlineMs: 120_000,
    async run(): Promise<RunnerOutcome> {
      if (!core.survey) {
        return { results: { 'devices.inventory': { status: 'unknown', reason: NO_SCOPE_REASON }, 'network.iot-isolated': { status: 'unknown', reason: NO_SCOPE_REASON } } };
      }
      const scope = await core.survey.scope();
      const report = await core.survey.service.run(scope);
      const inventory = inventoryOf(report);
      const reviewed = lastReviewAt(core);
      const fresh = inventory.filter((d) => reviewed === null || (d.firstSeen !== null && d.firstSeen > reviewed));
      const names = fresh.map((d) => d.name ?? d.ip ?? d.key).join(', ').slice(0, 1500);
      const interval = core.deps.settings.read().reauditIntervalDays;
      const ageDays = reviewed ? (core.deps.clock.now().getTime() - new Date(reviewed).getTime()) / 86_400_000 : Infinity;
      let result: { status: 'pass' | 'warn'; reason: string };
      if (!reviewed) result = { status: 'warn', reason: `${inventory.length} device(s) found, never reviewed; review the list in the Survey step` };
      else if (fresh.length) result = { status: 'warn', reason: `${fresh.length} device(s) appeared since the review of ${reviewed.slice(0, 10)}: ${names}` };
      else if (ageDays > interval) result = { status: 'warn', reason: `the inventory was last reviewed on ${reviewed.slice(0, 10)}, more than ${interval} days ago` };
      else result = { status: 'pass', reason: `no new device since the review of ${reviewed.slice(0, 10)} (${inventory.length} device(s))` };
      return {
        results: {
          'devices.inventory': { ...result, detail: `survey took ${report.durationMs} ms of a ${report.budgetMs} ms budget` },
          'network.iot-isolated': isolation(report),
        },
        inventory,
        router: routerOf(report),
      };
    },
  };
}
