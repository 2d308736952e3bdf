/**
 * Access to the preload API (`window.porchlight`): the renderer's only way to reach the core.
 * `call` unwraps the `{ok, value | error}` answer into a value or a thrown ApiError, so actors and
 * screens deal in values and one error type.
 */
import type { ArgsOf, ChannelName, IpcErrorInfo, IpcResult, PorchlightApi, ResultOf } from '../../main/ipc/contract';

/**
 * An IPC call answered `{ok:false}`: keeps the contract's error code and the message for the user
 * (a code with params, put into the reader's words by `errorText` in renderer/i18n/messages.ts);
 * `message` is the English line for the console only, never shown.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly userMessage: IpcErrorInfo['userMessage'] | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The preload API, or an ApiError when the page runs without one (opened outside Porchlight). */
export function getApi(): PorchlightApi {
  const api = (globalThis as { porchlight?: PorchlightApi }).porchlight;
  if (!api) throw new ApiError('no-api', 'This page must be opened by Porchlight (its preload API is missing).');
  return api;
}

/** Calls one channel and returns its value; a refused call throws ApiError with the contract's code. */
export async function call<C extends ChannelName>(api: PorchlightApi, channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  const fn = api[channel] as (a: ArgsOf<C>) => Promise<IpcResult<ResultOf<C>>>;
  let result: IpcResult<ResultOf<C>>;
  try {
    result = await fn(args);
  } catch (err) {
    throw new ApiError('internal', (err as Error)?.message ?? 'Porchlight is not responding.');
  }
  return unwrap(result);
}

/**
 * The value of an answer — a whole call's, or one part of a combined answer (`app:start`) — or
 * the ApiError with the contract's code when it was refused.
 */
export function unwrap<T>(answer: IpcResult<T>): T {
  if (!answer || typeof answer !== 'object' || !('ok' in answer)) throw new ApiError('internal', 'Porchlight gave an unreadable answer.');
  if (!answer.ok) throw new ApiError(answer.error.code, answer.error.message, answer.error.userMessage ?? null);
  return answer.value;
}

/** The check view every screen shows (full catalog entry + status + evidence). */
export type CheckView = ResultOf<'checks:list'>[number];
export type AppInfo = ResultOf<'app:info'>;
export type Settings = ResultOf<'settings:get'>;
