/** The public surface of main/core/secrets: other core areas import only from here (lint rule core-area-index). */
export { assertJoinableSsid, secretAccountName } from './accounts.js';
export type { SecretGeneration } from './accounts.js';
export { SecretGenerations } from './generations.js';
export type { KeepChoice, SavedGenerations } from './generations.js';
export type { SecretService, StoreOutcome } from './secret-service.js';
