import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import {
  APP_ENTRY,
  APP_ORIGIN,
  createMainWindow,
  denyAllPermissions,
  denyWindowOpen,
  focusExistingWindow,
  guardNavigation,
  hardenWebContents,
  isAppUrl,
} from '../../../main/window.js';

type Listener = (...args: unknown[]) => unknown;

/** A stand-in for WebContents that records what Porchlight registers, so the handlers can be called. */
class FakeContents {
  readonly listeners = new Map<string, Listener[]>();
  openHandler: Listener | null = null;
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: Listener) {
    this.openHandler = handler;
  }
  emit(event: string, ...args: unknown[]) {
    const ls = this.listeners.get(event) ?? [];
    expect(ls.length, `a listener for ${event}`).toBeGreaterThan(0);
    for (const l of ls) l(...args);
  }
}

function fakeEvent(extra: Record<string, unknown> = {}) {
  return { preventDefault: vi.fn(), ...extra };
}

/** A stand-in BrowserWindow class that captures its constructor options. */
function fakeBrowserWindowClass() {
  const created: { options: BrowserWindowConstructorOptions; contents: FakeContents; once: Map<string, Listener>; show: ReturnType<typeof vi.fn> }[] = [];
  class FakeBrowserWindow {
    webContents = new FakeContents();
    private readonly onceListeners = new Map<string, Listener>();
    show = vi.fn();
    constructor(options: BrowserWindowConstructorOptions) {
      created.push({ options, contents: this.webContents, once: this.onceListeners, show: this.show });
    }
    once(event: string, l: Listener) {
      this.onceListeners.set(event, l);
      return this;
    }
  }
  return { Cls: FakeBrowserWindow as unknown as typeof BrowserWindow, created };
}

describe('createMainWindow: webPreferences, item by item', () => {
  const { Cls, created } = fakeBrowserWindowClass();
  createMainWindow(Cls, { preloadPath: '/app/dist/preload.cjs' });
  const opts = created[0]!.options;
  const wp = opts.webPreferences!;

  it.each([
    ['sandbox', true],
    ['contextIsolation', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['safeDialogs', true],
    ['spellcheck', false],
    ['devTools', false],
    ['disableBlinkFeatures', 'Auxclick'],
    ['preload', '/app/dist/preload.cjs'],
  ] as const)('%s is %s', (key, value) => {
    expect(wp[key]).toBe(value);
  });

  it('enables no Blink feature and sets no option outside the reviewed list', () => {
    expect(wp.enableBlinkFeatures).toBeUndefined();
    expect(Object.keys(wp).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'disableBlinkFeatures',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('opens hidden at the default size and shows on ready-to-show', () => {
    expect(opts).toMatchObject({ show: false, width: 1100, height: 780, minWidth: 720, minHeight: 560 });
    expect(opts.x).toBeUndefined();
    created[0]!.once.get('ready-to-show')!();
    expect(created[0]!.show).toHaveBeenCalledOnce();
  });

  it('uses remembered bounds and the devTools flag when given', () => {
    const f = fakeBrowserWindowClass();
    createMainWindow(f.Cls, { preloadPath: 'p', bounds: { x: 10, y: 20, width: 900, height: 700 }, devTools: true });
    expect(f.created[0]!.options).toMatchObject({ x: 10, y: 20, width: 900, height: 700 });
    expect(f.created[0]!.options.webPreferences!.devTools).toBe(true);
  });

  it('hardens the window’s own web contents', () => {
    const c = created[0]!.contents;
    for (const e of ['will-navigate', 'will-redirect', 'will-frame-navigate', 'will-attach-webview']) expect(c.listeners.get(e)?.length).toBe(1);
    expect(c.openHandler).not.toBeNull();
  });
});

describe('navigation, redirects, new windows and webviews are denied', () => {
  it('isAppUrl accepts only app://porchlight', () => {
    expect(isAppUrl(APP_ENTRY)).toBe(true);
    expect(isAppUrl(`${APP_ORIGIN}/steps/wifi?x=1#y`)).toBe(true);
    for (const bad of [
      'https://example.com/',
      'http://127.0.0.1:4780/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://porchlight.evil.com/',
      'javascript:alert(1)',
      'data:text/html,<h1>x',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(bad), bad).toBe(false);
    }
  });

  it.each(['will-navigate', 'will-redirect'])('%s to a foreign URL is prevented and reported; to the app it is not', (event) => {
    const c = new FakeContents();
    const denied = vi.fn();
    hardenWebContents(c as never, denied);
    const bad = fakeEvent();
    c.emit(event, bad, 'https://attacker.example/phish');
    expect(bad.preventDefault).toHaveBeenCalledOnce();
    expect(denied).toHaveBeenCalledWith('navigation', 'https://attacker.example/phish');
    const good = fakeEvent();
    c.emit(event, good, `${APP_ORIGIN}/index.html`);
    expect(good.preventDefault).not.toHaveBeenCalled();
  });

  it('will-frame-navigate (sub-frames) to a foreign URL is prevented', () => {
    const c = new FakeContents();
    hardenWebContents(c as never);
    const bad = fakeEvent({ url: 'http://192.0.2.1/' });
    c.emit('will-frame-navigate', bad);
    expect(bad.preventDefault).toHaveBeenCalledOnce();
    const good = fakeEvent({ url: APP_ENTRY });
    c.emit('will-frame-navigate', good);
    expect(good.preventDefault).not.toHaveBeenCalled();
  });

  it('will-attach-webview is always prevented', () => {
    const c = new FakeContents();
    hardenWebContents(c as never);
    const e = fakeEvent();
    c.emit('will-attach-webview', e, {}, {});
    expect(e.preventDefault).toHaveBeenCalledOnce();
  });

  it('the window-open handler denies every URL, the app’s own included', () => {
    const c = new FakeContents();
    hardenWebContents(c as never);
    for (const url of ['https://www.example.com/', APP_ENTRY, 'about:blank', 'javascript:void(0)']) {
      expect(c.openHandler!({ url, frameName: '', features: '', disposition: 'new-window', referrer: {}, postBody: undefined })).toEqual({ action: 'deny' });
    }
    expect(denyWindowOpen({ url: 'x' })).toEqual({ action: 'deny' });
  });

  it('guardNavigation tolerates a listener-less call', () => {
    const e = fakeEvent();
    guardNavigation(e, 'https://x.example/');
    expect(e.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions are denied', () => {
  function fakeSession() {
    const s = {
      request: null as null | Listener,
      check: null as null | Listener,
      device: null as null | Listener,
      display: null as null | Listener,
      setPermissionRequestHandler(h: Listener) {
        s.request = h;
      },
      setPermissionCheckHandler(h: Listener) {
        s.check = h;
      },
      setDevicePermissionHandler(h: Listener) {
        s.device = h;
      },
      setDisplayMediaRequestHandler(h: Listener) {
        s.display = h;
      },
    };
    return s;
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown'])(
    'a %s permission request is answered false',
    (permission) => {
      const s = fakeSession();
      const denied = vi.fn();
      denyAllPermissions(s as never, denied);
      const callback = vi.fn();
      s.request!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(denied).toHaveBeenCalledWith('permission-request', permission);
    },
  );

  it('permission checks, device access and screen capture are denied', () => {
    const s = fakeSession();
    denyAllPermissions(s as never);
    for (const p of ['media', 'geolocation', 'hid', 'serial', 'usb']) expect(s.check!({}, p, APP_ORIGIN, {})).toBe(false);
    expect(s.device!({ deviceType: 'usb', origin: APP_ORIGIN, device: {} })).toBe(false);
    const cb = vi.fn();
    s.display!({}, cb);
    expect(cb).toHaveBeenCalledExactlyOnceWith(null);
  });
});

describe('single instance', () => {
  it('a second launch restores, shows and focuses the running window', () => {
    const calls: string[] = [];
    const win = { isMinimized: () => true, restore: () => calls.push('restore'), show: () => calls.push('show'), focus: () => calls.push('focus') };
    expect(focusExistingWindow(win as never)).toBe(true);
    expect(calls).toEqual(['restore', 'show', 'focus']);
    calls.length = 0;
    expect(focusExistingWindow({ ...win, isMinimized: () => false } as never)).toBe(true);
    expect(calls).toEqual(['show', 'focus']);
  });
  it('does nothing (and says so) while no window exists yet', () => {
    expect(focusExistingWindow(null)).toBe(false);
  });
});
