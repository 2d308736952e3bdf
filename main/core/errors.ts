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

/** An error that carries a stable code and a message fit to show a homeowner (never a secret). */
export class PorchlightError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PorchlightError';
  }
}

/** Narrows unknown throwables to a code and message without leaking stack traces or secrets. */
export function toErrorInfo(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof PorchlightError) return { code: err.code, message: err.message };
  return { code: 'internal', message: 'Something went wrong inside Porchlight. Details were written to the local log.' };
}
