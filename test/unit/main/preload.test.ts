/**
 * Checklist #20 (do not expose Electron APIs to untrusted web content): the preload puts exactly
 * one object on the page, with one function per contract channel, each a single
 * ipcRenderer.invoke of its own channel — never ipcRenderer, a generic send/invoke, or Node.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_GLOBAL, CHANNEL_NAMES } from '../../../main/ipc/contract.js';

const exposed: { key: string; api: Record<string, unknown> }[] = [];
const invoke = vi.fn(async (channel: string, args: unknown) => ({ channel, args }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push({ key, api }) },
  ipcRenderer: { invoke: (channel: string, args: unknown) => invoke(channel, args), send: vi.fn(), on: vi.fn() },
}));

beforeAll(async () => {
  await import('../../../main/preload.js');
});

describe('preload bridge', () => {
  it('carries a plain list of names that is the contract’s, in order (the build regenerates it: node scripts/channel-names.mjs)', async () => {
    const list = await import('../../../main/ipc/channel-names.js');
    expect([...list.CHANNEL_NAMES]).toEqual(CHANNEL_NAMES);
    expect(list.API_GLOBAL).toBe(API_GLOBAL);
    const src = readFileSync(join(process.cwd(), 'main', 'ipc', 'channel-names.ts'), 'utf8');
    expect(src.match(/^import .*$/gm)).toBeNull();
  });

  it('exposes one object, under the contract’s global name', () => {
    expect(exposed.map((e) => e.key)).toEqual([API_GLOBAL]);
  });

  it('has exactly one function per contract channel and nothing else', () => {
    const api = exposed[0]!.api;
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) expect(typeof api[name], name).toBe('function');
    for (const forbidden of ['invoke', 'send', 'on', 'ipcRenderer', 'require', 'process']) expect(api).not.toHaveProperty(forbidden);
  });

  it('each function invokes only its own channel, with {} for missing arguments', async () => {
    const api = exposed[0]!.api as Record<string, (args?: unknown) => Promise<unknown>>;
    for (const name of CHANNEL_NAMES) {
      invoke.mockClear();
      await api[name]!({ probe: name });
      expect(invoke).toHaveBeenCalledExactlyOnceWith(name, { probe: name });
    }
    invoke.mockClear();
    await api[CHANNEL_NAMES[0]!]!();
    expect(invoke).toHaveBeenCalledExactlyOnceWith(CHANNEL_NAMES[0], {});
  });

  it('the preload source touches no other Electron or Node API', () => {
    const src = readFileSync(join(process.cwd(), 'main', 'preload.ts'), 'utf8');
    expect(src.match(/^import .*$/gm)).toEqual([
      "import { contextBridge, ipcRenderer } from 'electron';",
      "import { API_GLOBAL, CHANNEL_NAMES } from './ipc/channel-names.js';",
    ]);
    expect(src).not.toMatch(/ipcRenderer\.(send|on|sendSync|postMessage)|require\(|process\./);
  });
});
