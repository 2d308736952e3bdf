import type { z } from 'zod';
import type { Core } from '../core/app-core.js';
import { PorchlightError, toErrorInfo, type ErrorCode, type ErrorMessageCode } from '../core/errors.js';
import type { IpcResult } from './contract.js';
import { ErrorInfoSchema } from './channels/schema-helpers.js';

/** A refusal: the same error info (code, log line, message for the user) the core's errors give. */
export const fail = (code: ErrorCode, messageCode: ErrorMessageCode, params: Record<string, string> = {}): IpcResult<never> => ({
  ok: false,
  error: toErrorInfo(new PorchlightError(code, messageCode, params)),
});

/**
 * Runs a channel's handler and turns what it gives into the channel's answer: its value when it
 * meets the channel's result schema, else a refusal; a thrown error becomes its error info (logged
 * when it is Porchlight's own fault), never a raw message. Used by `dispatch` for every call and by
 * `app:start` for each of its parts, so a part is answered exactly as its own channel would be.
 */
export async function answer<T>(core: Core, channel: string, run: () => unknown, result: z.ZodType<T>): Promise<IpcResult<T>> {
  try {
    const value = await run();
    const out = result.safeParse(value);
    if (!out.success) {
      core.deps.log.error('handler result broke the contract', { channel, issue: out.error.issues[0]?.message });
      return fail('internal', 'error.answer-unvouched', { channel });
    }
    return { ok: true, value: out.data };
  } catch (err) {
    const info = toErrorInfo(err);
    if (info.code === 'internal') core.deps.log.error('handler failed', { channel, error: (err as Error)?.message });
    // The error leaves through the contract too: a message that does not fit (a bad code or param) becomes the generic one.
    const checked = ErrorInfoSchema.safeParse(info);
    if (checked.success) return { ok: false, error: checked.data };
    core.deps.log.error('handler error broke the contract', { channel, code: info.userMessage.code, issue: checked.error.issues[0]?.message });
    return { ok: false, error: toErrorInfo(null) };
  }
}
