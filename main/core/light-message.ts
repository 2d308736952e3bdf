import type { Message, MessageParam } from './messages/index.js';

/*
 * Messages for the Wi-Fi scan path without zod. `porchlight wifi scan --json` runs the Wi-Fi
 * adapters and WifiScanService and must load neither zod nor i18next (docs/performance.md,
 * test/integration/wifi-cli.test.ts), while `msg()` validates with zod. The messages made here
 * are checked where they leave the process instead: the IPC contract validates every reading
 * with MessageSchema, and test/unit/messages/catalog.test.ts finds each `lightMsg('…')` code and
 * fails when it has no English words.
 */

/** Same shape as MESSAGE_CODE in messages/message.ts (repeated here so this file imports no zod). */
const CODE = /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/;
/** The longest text a param may carry (MAX_PARAM_TEXT in messages/message.ts). */
const MAX_TEXT = 2000;

/**
 * A message built without zod, for code that runs on `wifi scan --json` (the Wi-Fi adapters and
 * the scan service). Pass the code as a literal so the catalog test finds it. Throws on a
 * malformed code, as `msg()` does; long text params are cut to what the schema accepts, so a
 * tool's long output cannot make the reading fail validation later.
 */
export function lightMsg(code: string, params: Record<string, MessageParam> = {}): Message {
  if (!CODE.test(code)) throw new Error(`malformed message code: ${code}`);
  const out: Record<string, MessageParam> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' ? v.slice(0, MAX_TEXT) : v;
  return { code, params: out };
}

/**
 * The param that carries what the reader can do about a reading (the steps to allow Location on
 * Windows or macOS), as a message of its own. The reason's words never use it, so the app and the
 * CLI show "what happened" and "what to do" apart without reading any words.
 */
export const STEPS_PARAM = 'steps';

/** The steps a reading's reason or note carries (see STEPS_PARAM), or null when it names none. */
export function stepsOf(m: Message | null | undefined): Message | null {
  const s = m?.params[STEPS_PARAM];
  return s && typeof s === 'object' && !Array.isArray(s) ? s : null;
}
