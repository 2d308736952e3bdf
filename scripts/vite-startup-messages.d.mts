// Types for scripts/vite-startup-messages.mjs (plain JS, imported by vite.config.ts and vitest.config.ts).
import type { Plugin } from 'vite';
/** The message catalog's groups the notices shown at start use. */
export declare const STARTUP_MESSAGE_GROUPS: readonly string[];
/** Serves `…/messages.json?startup`: only STARTUP_MESSAGE_GROUPS of that catalog. */
export declare function startupMessages(): Plugin;
