/**
 * THE IPC contract: every channel (named `area:verb`) with a zod schema for its argument and its
 * result. The renderer imports this file type-only; main/ipc/register.ts and the test harness
 * enforce it at runtime. Later areas add one file under channels/ and one spread line here.
 */
import type { z } from 'zod';
import type { Message } from '../core/messages/message.js';
import { foundationChannels } from './channels/foundation.js';
import { passwordsChannels } from './channels/passwords.js';
import { wifiChannels } from './channels/wifi.js';
import { auditChannels } from './channels/audit.js';
import { accountsChannels } from './channels/accounts.js';
import { surveyChannels } from './channels/survey.js';
import { vulnsChannels } from './channels/vulns.js';
import { routerChannels } from './channels/router.js';

export const channels = {
  ...foundationChannels,
  ...passwordsChannels,
  ...wifiChannels,
  ...auditChannels,
  ...accountsChannels,
  ...surveyChannels,
  ...vulnsChannels,
  ...routerChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ArgsOf<C extends ChannelName> = z.input<Channels[C]['args']>;
export type ResultOf<C extends ChannelName> = z.output<Channels[C]['result']>;

/** What every IPC call answers: never a thrown error across the boundary. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcErrorInfo };

/** A refused call: the stable code, an English line for logs, and what the user reads (a message code the renderer puts into words). */
export interface IpcErrorInfo {
  code: string;
  message: string;
  userMessage: Message;
}

/** The API the preload exposes on `window.porchlight`: one function per channel. */
export type PorchlightApi = { [C in ChannelName]: (args: ArgsOf<C>) => Promise<IpcResult<ResultOf<C>>> };

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

/** The global the preload (Electron) or the harness preload script (browser) defines. */
export const API_GLOBAL = 'porchlight';
