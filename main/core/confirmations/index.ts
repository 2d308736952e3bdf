/** The public surface of main/core/confirmations: other core areas import only from here (lint rule core-area-index). */
export { ConfirmationStore, confirmationNote } from './confirmation-store.js';
export type { ConfirmationView, ConfirmedStatus } from './confirmation-store.js';
export { restoreConfirmations, rollUp, syncFromBoard } from './roll-up.js';
export type { SubjectNamer } from './roll-up.js';
