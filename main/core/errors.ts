import type { Message, MessageParam } from './messages/message.js';

/** Error codes every host (IPC, CLI, harness) can show the user; stable, so the UI can map them to messages. */
export type ErrorCode =
  | 'unknown-channel'
  | 'forbidden-sender'
  | 'invalid-arguments'
  | 'keychain-unavailable'
  | 'not-found'
  | 'refused'
  | 'timeout'
  | 'store-corrupted'
  /** The disk is full, read-only or not writable: nothing was changed (main/core/store/storage-trouble.ts). */
  | 'storage-unavailable'
  | 'internal';

/**
 * What an error says to the user: a message code in the `error` group of the catalogs
 * (renderer/i18n/<lang>/messages.json) — what happened and what to do — so the renderer and the
 * CLI put it into the reader's words. test/unit/core/error-messages.test.ts checks every
 * `new PorchlightError(…)` names one with words.
 */
export type ErrorMessageCode = `error.${string}`;

/** The code every programmer error shares (a broken resource file, a bad answer from a tool); the technical detail is a param, for the log. */
export const INTERNAL_ERROR_CODE = 'error.internal';

/** The longest text a param may carry (message.ts MAX_PARAM_TEXT; repeated here so this file loads no zod). */
const MAX_TEXT = 2000;

/** Words for the log, in English; set by the host that has the English catalog (main/compose.ts), else the code and params. */
let logWords: ((m: Message) => string) | null = null;

/**
 * Lets errors carry English words for the log (`err.message`). Hosts that load the English catalog
 * anyway register it; light paths (`porchlight wifi scan --json`) keep the code and params, so this
 * file never pulls in i18next or zod.
 */
export function setErrorLogWords(format: ((m: Message) => string) | null): void {
  logWords = format;
}

function bounded(params: Record<string, MessageParam>): Record<string, MessageParam> {
  const out: Record<string, MessageParam> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' && v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT - 1)}…` : v;
  return out;
}

/**
 * The log line for a message: English words when a host registered them (with a `detail` param the
 * words leave out, e.g. which resource field is broken, in brackets), else `code (name: value, …)`.
 */
export function logTextOf(m: Message): string {
  if (logWords) {
    try {
      const words = logWords(m);
      const detail = m.params.detail;
      return typeof detail === 'string' && detail && !words.includes(detail) ? `${words} [${detail}]` : words;
    } catch {
      // fall through to the code: a log line must never throw
    }
  }
  const plain = (v: MessageParam): string => (Array.isArray(v) ? v.map((x) => plain(x)).join(', ') : v !== null && typeof v === 'object' ? v.code : String(v));
  const params = Object.entries(m.params).map(([k, v]) => `${k}: ${plain(v)}`);
  return params.length ? `${m.code} (${params.join('; ')})` : m.code;
}

/**
 * An error that carries a stable code and a message for the user (a code with params, never a
 * sentence and never a secret); `message` is its English log line.
 */
export class PorchlightError extends Error {
  /** What happened and what to do, as a message code the reader's language turns into words. */
  readonly userMessage: Message;
  constructor(
    readonly code: ErrorCode,
    messageCode: ErrorMessageCode,
    params: Record<string, MessageParam> = {},
    options?: { cause?: unknown },
  ) {
    const userMessage: Message = { code: messageCode, params: bounded(params) };
    super(logTextOf(userMessage), options);
    this.userMessage = userMessage;
    this.name = 'PorchlightError';
  }
}

/** What a host shows for an error: its code, an English log line and the message for the user. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  userMessage: Message;
}

/** What the user reads for anything that is not a PorchlightError (the details stay in the log). */
export const UNEXPECTED_ERROR: Message = Object.freeze({ code: 'error.unexpected', params: Object.freeze({}) }) as Message;

/** Narrows unknown throwables to a code and message without leaking stack traces or secrets. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof PorchlightError) return { code: err.code, message: err.message, userMessage: err.userMessage };
  return { code: 'internal', message: 'Something went wrong inside Porchlight. Details were written to the local log.', userMessage: UNEXPECTED_ERROR };
}
