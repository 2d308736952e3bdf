import { afterEach, describe, expect, it, vi } from 'vitest';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_WINDOW_STATE,
  captureState,
  openWindowStateStore,
  restoreBounds,
  trackWindowState,
  type WindowState,
} from '../../../main/app/window-state.js';
import { tempDir } from '../../support/fakes.js';
import { words } from '../../support/words.js';

const screen = { x: 0, y: 0, width: 1920, height: 1080 };
const second = { x: 1920, y: 0, width: 1280, height: 1024 };
const saved = (bounds: WindowState['bounds'], maximized = false): WindowState => ({ schemaVersion: 1, bounds, maximized });

describe('restoreBounds', () => {
  it('uses the default size, centred by the OS, when nothing is remembered', () => {
    expect(restoreBounds(DEFAULT_WINDOW_STATE, [screen])).toEqual({ width: 1100, height: 780 });
  });
  it('reuses a remembered position that is on a screen (second monitor too)', () => {
    expect(restoreBounds(saved({ x: 100, y: 50, width: 900, height: 700 }), [screen])).toEqual({ x: 100, y: 50, width: 900, height: 700 });
    expect(restoreBounds(saved({ x: 2000, y: 10, width: 900, height: 700 }), [screen, second])).toEqual({ x: 2000, y: 10, width: 900, height: 700 });
  });
  it('drops a position whose monitor is gone or whose title bar is off-screen', () => {
    expect(restoreBounds(saved({ x: 2000, y: 10, width: 900, height: 700 }), [screen])).toEqual({ width: 1100, height: 780 });
    expect(restoreBounds(saved({ x: 100, y: -500, width: 900, height: 700 }), [screen])).toEqual({ width: 1100, height: 780 });
    expect(restoreBounds(saved({ x: 1880, y: 100, width: 900, height: 700 }), [screen])).toEqual({ width: 1100, height: 780 });
    expect(restoreBounds(saved({ x: 10, y: 10, width: 900, height: 700 }), [])).toEqual({ width: 1100, height: 780 });
  });
  it('clamps a remembered size to the screen and to the minimum', () => {
    expect(restoreBounds(saved({ x: 0, y: 0, width: 5000, height: 4000 }), [screen])).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
    expect(restoreBounds(saved({ x: 0, y: 0, width: 300, height: 200 }), [screen])).toEqual({ x: 0, y: 0, width: 720, height: 560 });
  });
});

describe('window-state.json', () => {
  afterEach(() => vi.useRealTimers());

  it('round-trips through the validated store (mode 0600)', () => {
    const dir = tempDir();
    const store = openWindowStateStore(dir);
    expect(store.read()).toEqual(DEFAULT_WINDOW_STATE);
    store.write(saved({ x: 5, y: 6, width: 800, height: 600 }, true));
    expect(openWindowStateStore(dir).read()).toEqual(saved({ x: 5, y: 6, width: 800, height: 600 }, true));
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, 'window-state.json')).mode & 0o777).toBe(0o600);
    }
  });

  it.each([
    ['not JSON', '{oops'],
    ['a wrong type', JSON.stringify({ schemaVersion: 1, bounds: { x: 'a', y: 0, width: 800, height: 600 }, maximized: false })],
    ['an absurd size', JSON.stringify({ schemaVersion: 1, bounds: { x: 0, y: 0, width: 10, height: 1e9 }, maximized: false })],
    ['an unknown field', JSON.stringify({ schemaVersion: 1, bounds: null, maximized: false, evil: true })],
  ])('recovers from a file with %s instead of crashing', (_label, content) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'window-state.json'), content);
    const store = openWindowStateStore(dir);
    expect(store.read()).toEqual(DEFAULT_WINDOW_STATE);
    expect(store.notices.map(words).join(' ')).toMatch(/window-state file was damaged/);
  });

  it('refuses to write an invalid state', () => {
    const store = openWindowStateStore(tempDir());
    expect(() => store.write({ schemaVersion: 1, bounds: { x: 0, y: 0, width: 1, height: 1 }, maximized: false })).toThrow(/did not save this change/);
  });
});

describe('trackWindowState', () => {
  function fakeWindow() {
    const listeners = new Map<string, () => void>();
    return {
      bounds: { x: 10.4, y: 20.6, width: 1000, height: 700 },
      maximized: false,
      listeners,
      on(e: 'resize' | 'move' | 'close', l: () => void) {
        listeners.set(e, l);
      },
      getNormalBounds() {
        return this.bounds;
      },
      isMaximized() {
        return this.maximized;
      },
    };
  }

  it('saves once after a burst of moves and resizes, and on close', () => {
    vi.useFakeTimers();
    const win = fakeWindow();
    const write = vi.fn();
    trackWindowState(win, { write }, { debounceMs: 200 });
    win.listeners.get('move')!();
    win.listeners.get('resize')!();
    win.listeners.get('move')!();
    expect(write).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(write).toHaveBeenCalledExactlyOnceWith(saved({ x: 10, y: 21, width: 1000, height: 700 }));
    win.maximized = true;
    win.listeners.get('close')!();
    expect(write).toHaveBeenLastCalledWith(saved({ x: 10, y: 21, width: 1000, height: 700 }, true));
  });

  it('a failing write is reported, not thrown', () => {
    const win = fakeWindow();
    const onError = vi.fn();
    trackWindowState(win, { write: () => { throw new Error('disk full'); } }, { onError });
    expect(() => win.listeners.get('close')!()).not.toThrow();
    expect(onError).toHaveBeenCalledOnce();
  });

  it('captureState never produces a state the schema rejects', () => {
    expect(captureState({ getNormalBounds: () => ({ x: 0, y: 0, width: 0, height: 0 }), isMaximized: () => true })).toEqual({ ...DEFAULT_WINDOW_STATE, maximized: true });
  });
});
