/**
 * The preload: exposes `window.porchlight` with exactly one function per contract channel, each
 * a single ipcRenderer.invoke. Nothing else crosses the bridge (no ipcRenderer, no Node). It
 * carries channel names only (channel-names.ts, generated from the contract by the build); the
 * schemas and their validation stay in the main process (main/ipc/register.ts).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, CHANNEL_NAMES } from './ipc/channel-names.js';

const api = Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, (args: unknown) => ipcRenderer.invoke(channel, args ?? {})]));

contextBridge.exposeInMainWorld(API_GLOBAL, api);
