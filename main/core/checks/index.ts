/** The public surface of main/core/checks: other core areas import only from here (lint rule core-area-index). */
export { STEP_IDS, SeveritySchema, loadCheckCatalog, loadResource } from './catalog.js';
export type { CheckCatalog, Severity, StepId } from './catalog.js';
export type { CheckBoard } from './check-board.js';
export { CheckResultSchema, CheckStatusSchema, EvidenceSchema, NOT_CHECKED_YET, addDays, viewChecks } from './results.js';
export type { CheckResult, CheckStatus, CheckView } from './results.js';
export { SEGMENT_OK, runMemo, runVerifiers, verifyIsolation } from './verifiers/index.js';
export type { AuditScope, ConsentGate, MeasuredCheck, VerifierRegistry, VerifiersOutcome } from './verifiers/index.js';
export { loginVerdict } from './verifiers/router-login.js';
