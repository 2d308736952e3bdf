import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Core } from '../core/app-core.js';
import type { ZodType } from 'zod';
import { jsonProblem, type JsonLimits } from '../core/store/bounded-json.js';
import { channels, CHANNEL_NAMES, type ChannelName, type IpcResult } from './contract.js';
import { handlers } from './handlers/index.js';
import { answer, fail } from './answer.js';

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
  if (!isChannel(name)) return fail('unknown-channel', 'error.request.unknown');
  if (!sender.isMainFrame) return fail('forbidden-sender', 'error.request.embedded-frame');
  if (!sender.origin || !opts.allowedOrigins.includes(sender.origin)) return fail('forbidden-sender', 'error.request.other-page');
  let problem: string | null;
  try {
    problem = jsonProblem(rawArgs ?? null, ARGS_LIMITS);
  } catch {
    return fail('invalid-arguments', 'error.request.unreadable');
  }
  if (problem?.startsWith('larger than')) return fail('invalid-arguments', 'error.request.too-large');
  if (problem) return fail('invalid-arguments', 'error.request.unreadable', { channel: name, detail: problem });
  const spec = channels[name];
  let parsed;
  try {
    parsed = spec.args.safeParse(rawArgs);
  } catch {
    return fail('invalid-arguments', 'error.request.unreadable');
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // Bounded: a hostile argument (20,000 unknown keys, a huge key name) must not make a huge answer.
    const cap = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
    const where = issue?.path.length ? ` at ${cap(issue.path.map(String).join('.'), 120)}` : '';
    return fail('invalid-arguments', 'error.request.malformed', { channel: name, detail: `${where.trim()}: ${cap(issue?.message ?? 'invalid', 200)}` });
  }
  const handler = handlers[name] as (core: Core, args: unknown) => unknown;
  return answer(core, name, () => handler(core, parsed.data), spec.result as ZodType<unknown>);
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
