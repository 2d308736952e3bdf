import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Core } from '../core/app-core.js';
import { toErrorInfo } from '../core/errors.js';
import { jsonProblem, type JsonLimits } from '../core/store/bounded-json.js';
import { channels, CHANNEL_NAMES, type ChannelName, type IpcResult } from './contract.js';
import { handlers } from './handlers/index.js';

/** Who sent a call: the origin of the sending frame and whether it is the top-level frame. */
export interface SenderInfo {
  origin: string | null;
  isMainFrame: boolean;
}

export interface DispatchOptions {
  /** Origins (scheme://host[:port]) allowed to call, e.g. `app://porchlight` or the harness's loopback origin. */
  allowedOrigins: readonly string[];
}

/** Upper bound on an argument's serialised size; anything bigger is refused before parsing. */
export const MAX_ARGS_BYTES = 512 * 1024;

/**
 * Every argument, whatever its channel, is first walked without recursion (bounded-json.ts): no
 * deeper than this, no more values, plain data only. Nothing a schema would have to recurse
 * through without end, and nothing the store could write but not read back, reaches a schema.
 */
export const ARGS_LIMITS: JsonLimits = { maxDepth: 64, maxBytes: MAX_ARGS_BYTES, maxNodes: 50_000, allowUndefined: true };

const fail = (code: string, message: string): IpcResult<never> => ({ ok: false, error: { code, message } });

/** `scheme://host[:port]` of a URL, also for custom schemes whose WHATWG origin is "null". */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.host ? `${u.protocol}//${u.host}` : null;
  } catch {
    return null;
  }
}

function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

/**
 * The one entry point for every IPC call, used by Electron's ipcMain and the test harness alike:
 * unknown channel → foreign origin or sub-frame → argument schema → core → result schema.
 * It never throws and never reaches the core with an argument the schema did not accept.
 */
export async function dispatch(core: Core, name: unknown, rawArgs: unknown, sender: SenderInfo, opts: DispatchOptions): Promise<IpcResult<unknown>> {
  if (!isChannel(name)) return fail('unknown-channel', 'That request is not part of Porchlight.');
  if (!sender.isMainFrame) return fail('forbidden-sender', 'Requests from embedded frames are refused.');
  if (!sender.origin || !opts.allowedOrigins.includes(sender.origin)) return fail('forbidden-sender', 'Requests from other pages are refused.');
  let problem: string | null;
  try {
    problem = jsonProblem(rawArgs ?? null, ARGS_LIMITS);
  } catch {
    return fail('invalid-arguments', 'The request could not be read.');
  }
  if (problem?.startsWith('larger than')) return fail('invalid-arguments', 'The request is too large.');
  if (problem) return fail('invalid-arguments', `The request for ${name} could not be read: it holds ${problem}.`);
  const spec = channels[name];
  let parsed;
  try {
    parsed = spec.args.safeParse(rawArgs);
  } catch {
    return fail('invalid-arguments', 'The request could not be read.');
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Bounded: a hostile argument (20,000 unknown keys, a huge key name) must not make a huge answer.
    const cap = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
    const where = issue?.path.length ? ` at ${cap(issue.path.map(String).join('.'), 120)}` : '';
    return fail('invalid-arguments', `The request for ${name} was malformed${where}: ${cap(issue?.message ?? 'invalid', 200)}.`);
  }
  try {
    const handler = handlers[name] as (core: Core, args: unknown) => unknown;
    const value = await handler(core, parsed.data);
    const out = spec.result.safeParse(value);
    if (!out.success) {
      core.deps.log.error('handler result broke the contract', { channel: name, issue: out.error.issues[0]?.message });
      return fail('internal', 'Porchlight produced an answer it could not vouch for.');
    }
    return { ok: true, value: out.data };
  } catch (err) {
    const info = toErrorInfo(err);
    if (info.code === 'internal') core.deps.log.error('handler failed', { channel: name, error: (err as Error)?.message });
    return { ok: false, error: info };
  }
}

/** Describes an Electron invoke event's sender for `dispatch`. */
export function senderOfElectronEvent(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  if (!frame) return { origin: null, isMainFrame: false };
  return { origin: originOf(frame.url), isMainFrame: frame.parent === null && frame === event.sender.mainFrame };
}

/** Registers one ipcMain.handle per contract channel, all through `dispatch`. */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, core: Core, opts: DispatchOptions): void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(name, (event, args: unknown) => dispatch(core, name, args, senderOfElectronEvent(event), opts));
  }
}
