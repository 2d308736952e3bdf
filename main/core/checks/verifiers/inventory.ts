import type { Clock } from '../../ports.js';
import type { HomeModel } from '../../model/index.js';
import type { SurveyReport } from '../../network/index.js';
import { NO_SURVEY_REASON } from './segmentation.js';
import { msg } from '../../messages/index.js';
import type { Verifier } from './types.js';

/** The ports of `devices.inventory`: a survey, the home model, when the owner last reviewed, the interval. */
export interface InventoryPorts {
  survey: (() => Promise<SurveyReport>) | null;
  model: Pick<HomeModel, 'present'>;
  /** When the owner last reviewed the inventory (the survey step's verified pass, or an audit's). */
  lastReviewAt: () => string | null;
  intervalDays: () => number;
  clock: Pick<Clock, 'now'>;
}

/**
 * `devices.inventory`: pass when the inventory was reviewed within the re-audit interval and no
 * device appeared since; warn naming the devices first seen after the last review (a headless
 * audit can list them, only a person can review them).
 */
export function inventoryVerifier(p: InventoryPorts): Verifier {
  return {
    measures: true,
    needs: 'deviceDiscovery',
    deadlineMs: 120_000,
    async verify(ctx) {
      if (!p.survey) return { status: 'unknown', reason: NO_SURVEY_REASON };
      const report = await ctx.once('survey', p.survey);
      const devices = p.model.present();
      const reviewed = p.lastReviewAt();
      const fresh = devices.filter((d) => reviewed === null || (d.firstSeen !== null && d.firstSeen > reviewed));
      const names = fresh.map((d) => d.userName ?? d.names[0] ?? d.ip ?? d.id).join(', ').slice(0, 1500);
      const interval = p.intervalDays();
      const ageDays = reviewed ? (p.clock.now().getTime() - new Date(reviewed).getTime()) / 86_400_000 : Infinity;
      const detail = msg('inventory.survey-time', { ms: report.durationMs, budget: report.budgetMs });
      if (!reviewed) return { status: 'warn', reason: msg('inventory.never-reviewed', { count: devices.length }), detail };
      if (fresh.length) return { status: 'warn', reason: msg('inventory.new-since', { count: fresh.length, date: reviewed, names }), detail };
      if (ageDays > interval) return { status: 'warn', reason: msg('inventory.review-old', { date: reviewed, days: interval }), detail };
      return { status: 'pass', reason: msg('inventory.no-new', { date: reviewed, count: devices.length }), detail };
    },
  };
}
