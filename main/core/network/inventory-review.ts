/**
 * `devices.inventory`: the user reviewed the inventory (survey step, "I have looked over this").
 * Evidence is the verified date of that review; the audit's survey runner compares later surveys
 * with it (new devices since the review → warn).
 */
import type { CheckBoard } from '../checks/index.js';
import type { CheckView } from '../checks/index.js';
import type { SurveyService } from './survey-service.js';

/** Records the review: pass with the device count, or unknown when there is nothing to review yet. */
export function recordInventoryReview(checks: CheckBoard, survey: SurveyService): CheckView {
  const devices = survey.inventory();
  const last = survey.lastReport();
  if (devices.length === 0) {
    return checks.recordVerified('devices.inventory', 'unknown', 'There is no inventory to review yet: run the survey or add devices by hand.');
  }
  const moving = devices.filter((d) => d.moveToIot).length;
  return checks.recordVerified(
    'devices.inventory',
    'pass',
    `Inventory of ${devices.length} device(s) reviewed${moving ? `; ${moving} marked to move to the IoT network` : ''}.`,
    last ? `Latest survey: ${last.devices.filter((d) => d.seenBy.length > 0).length} device(s) answered, ${last.finishedAt.slice(0, 10)}.` : 'No survey in this session; the inventory is the remembered one.',
  );
}
