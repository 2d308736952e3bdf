import { z } from 'zod';
import { channel, NoArgs, text } from './schema-helpers.js';
import { CheckViewSchema } from './check-view.js';
import { VulnRecordSchema } from '../../core/vulns/index.js';

/** The Updates step's known-vulnerabilities panel: every device with its KEV matches, and the check as measured now. */
const VulnViewSchema = VulnRecordSchema.extend({
  lastAuditAt: z.string().nullable(),
  check: CheckViewSchema.nullable(),
});

/** Known exploited vulnerabilities (issue 18): read the home's matches; the owner enters a device's maker and model. */
export const vulnsChannels = {
  'vulns:view': channel(NoArgs, VulnViewSchema),
  'vulns:identify': channel(z.strictObject({ id: text(80).min(1), maker: text(200).nullable(), model: text(200).nullable() }), VulnViewSchema),
} as const;
