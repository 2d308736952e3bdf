/** The audit's view of the verifiers (main/core/checks/verifiers): the types it records. */
export type { AuditScope, MeasuredCheck } from '../checks/index.js';

/** The reason a measured check reads when nothing in this run could measure it. */
export const NO_RUNNER_REASON = 'no automated check available in this build';
