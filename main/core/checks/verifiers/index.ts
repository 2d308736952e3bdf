/** One verifier per catalog check (see registry.ts for where a new check goes). */
export * from './types.js';
export * from './registry.js';
export { wifiEncryptionVerifier } from './wifi.js';
export { inventoryVerifier } from './inventory.js';
export { loginVerdict, recordOutcome, routerLoginVerifier } from './router-login.js';
export { iotIsolatedVerifier, iotSegmentVerifier, SEGMENT_OK, verifyIsolation, NO_SURVEY_REASON, type StillSeen } from './segmentation.js';
export { runVerifiers, type VerifiersOutcome, type ConsentGate } from './run.js';
export { routerApiVerdict, routerApiVerifier, type RouterApiCheck, type RouterApiPort } from './router-api.js';
