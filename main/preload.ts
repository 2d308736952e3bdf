/**
 * The preload: exposes `window.porchlight` with exactly one function per contract channel, each
 * a single ipcRenderer.invoke. Nothing else crosses the bridge (no ipcRenderer, no Node).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, CHANNEL_NAMES } from './ipc/contract.js';

const api = Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, (args: unknown) => ipcRenderer.invoke(channel, args ?? {})]));

contextBridge.exposeInMainWorld(API_GLOBAL, api);
