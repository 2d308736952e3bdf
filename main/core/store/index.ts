/** The public surface of main/core/store: other core areas import only from here (lint rule core-area-index). */
export type { History, Progress, Settings } from './documents.js';
