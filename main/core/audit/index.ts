/** The public surface of main/core/audit: other core areas import only from here (lint rule core-area-index). */
export { diffAudits } from './diff.js';
export { describeEvidence, nextAction } from './evidence.js';
export { AuditModeSchema, AuditRecordSchema, AuditSourceSchema, InventoryDeviceSchema, RouterIdentitySchema } from './record.js';
export type { AuditRecord } from './record.js';
export { reauditSchedule } from './schedule.js';
export { scoreChecks } from './score.js';
