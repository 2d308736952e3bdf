/**
 * `devices.inventory`: the user reviewed the inventory (survey step, "I have looked over this").
 * Evidence is the verified date of that review; the audit's survey runner compares later surveys
 * with it (new devices since the review → warn).
 */
import type { CheckBoard } from '../checks/index.js';
import type { CheckView } from '../checks/index.js';
import type { SurveyService } from './survey-service.js';
import { msg } from '../messages/index.js';

/** Records the review: pass with the device count, or unknown when there is nothing to review yet. */
export function recordInventoryReview(checks: CheckBoard, survey: SurveyService): CheckView {
  const devices = survey.inventory();
  const last = survey.lastReport();
  if (devices.length === 0) return checks.recordVerified('devices.inventory', 'unknown', msg('inventory.review.nothing'));
  const moving = devices.filter((d) => d.moveToIot).length;
  return checks.recordVerified(
    'devices.inventory',
    'pass',
    moving ? msg('inventory.review.done-moving', { count: devices.length, moving }) : msg('inventory.review.done', { count: devices.length }),
    last ? msg('inventory.review.latest-survey', { count: last.devices.filter((d) => d.seenBy.length > 0).length, date: last.finishedAt }) : msg('inventory.review.remembered'),
  );
}
