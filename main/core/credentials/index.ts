/** The public surface of main/core/credentials: other core areas import only from here (lint rule core-area-index). */
export type { CredentialService } from './credential-service.js';
export { probeDetail, probeEvidence } from './safe-prober.js';
export type { ProbeReport } from './safe-prober.js';
export { digestAuthorization, parseChallenges, pickDigest } from './digest.js';
