import { describe, expect, it } from 'vitest';
import { setupReaudit, electronPdfPrinter, type ReauditElectron } from '../../../main/app/reaudit.js';
import { fakeCore, FixedClock } from '../../support/fakes.js';
import { addDays } from '../../../main/core/checks/results.js';

function fakeElectron() {
  const shown: { title: string; body: string; click?: () => void }[] = [];
  const login: { openAtLogin: boolean }[] = [];
  const menus: { label?: string; click?: () => void }[][] = [];
  const windows: { url: string; destroyed: boolean }[] = [];
  class Notification {
    static isSupported() {
      return true;
    }
    private entry: { title: string; body: string; click?: () => void };
    constructor(o: { title: string; body: string }) {
      this.entry = { ...o };
    }
    on(_e: 'click', fn: () => void) {
      this.entry.click = fn;
      return this;
    }
    show() {
      shown.push(this.entry);
    }
  }
  class Tray {
    destroyed = false;
    constructor(public icon: string) {}
    setToolTip() {}
    setContextMenu() {}
    destroy() {
      this.destroyed = true;
    }
  }
  class Win {
    entry = { url: '', destroyed: false };
    webContents = { printToPDF: async () => Buffer.from('%PDF-1.7 electron') };
    constructor() {
      windows.push(this.entry);
    }
    async loadURL(url: string) {
      this.entry.url = url;
    }
    destroy() {
      this.entry.destroyed = true;
    }
  }
  const electron = {
    app: { setLoginItemSettings: (s: { openAtLogin: boolean }) => login.push(s), getPath: () => '/tmp/porchlight-docs' },
    Notification,
    Tray,
    Menu: { buildFromTemplate: (t: { label?: string; click?: () => void }[]) => (menus.push(t), t) },
    BrowserWindow: Win,
  } as unknown as ReauditElectron;
  return { electron, shown, login, menus, windows };
}

function fakeWindow() {
  const calls: string[] = [];
  return {
    calls,
    win: {
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
      isMinimized: () => false,
      restore: () => calls.push('restore'),
      webContents: { reload: () => calls.push('reload') },
    } as never,
  };
}

describe('re-audit glue (Electron injected)', () => {
  it('announces a due re-audit once per due date, and only when notifications are on', () => {
    const clock = new FixedClock(new Date('2026-01-01T10:00:00Z'));
    const { core, settings } = fakeCore({ clock });
    core.audit.complete('first-time');
    const e = fakeElectron();
    const { win } = fakeWindow();
    const glue = setupReaudit({ electron: e.electron, core, getWindow: () => win, iconPath: 'icon.png', intervalMs: 1e9 });
    expect(e.shown).toHaveLength(0);
    clock.current = addDays(clock.current, 90);
    glue.check();
    glue.check();
    expect(e.shown).toHaveLength(1);
    expect(e.shown[0]!.title).toBe('Time for your home security re-audit');
    clock.current = addDays(clock.current, 15);
    settings.write({ ...settings.read(), notifications: false });
    glue.check();
    expect(e.shown).toHaveLength(1);
    glue.dispose();
  });

  it('"Re-audit now" (tray or notification click) asks the renderer for a re-audit and shows the window', () => {
    const clock = new FixedClock(new Date('2026-01-01T10:00:00Z'));
    const { core } = fakeCore({ clock });
    core.audit.complete('first-time');
    clock.current = addDays(clock.current, 100);
    const e = fakeElectron();
    const w = fakeWindow();
    const glue = setupReaudit({ electron: e.electron, core, getWindow: () => w.win, iconPath: 'icon.png', intervalMs: 1e9 });
    const item = e.menus[0]!.find((i) => i.label === 'Re-audit now')!;
    item.click!();
    expect(w.calls).toEqual(['show', 'focus', 'reload']);
    expect(core.audit.takeReauditRequest()).toBe(true);
    e.shown[0]!.click!();
    expect(core.audit.takeReauditRequest()).toBe(true);
    glue.dispose();
  });

  it('follows settings.startAtLogin', () => {
    const { core, settings } = fakeCore();
    const e = fakeElectron();
    const glue = setupReaudit({ electron: e.electron, core, getWindow: () => null, iconPath: 'icon.png', intervalMs: 1e9 });
    expect(e.login).toEqual([{ openAtLogin: false, args: ['--hidden'] }]);
    settings.write({ ...settings.read(), startAtLogin: true });
    glue.check();
    glue.check();
    expect(e.login.map((l) => l.openAtLogin)).toEqual([false, true]);
    glue.dispose();
  });

  it('prints PDFs through a hidden script-less window and always destroys it', async () => {
    const e = fakeElectron();
    const pdf = await electronPdfPrinter(e.electron.BrowserWindow).htmlToPdf('<p>hi</p>');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 electron');
    expect(e.windows[0]!.url).toBe(`data:text/html;charset=utf-8;base64,${Buffer.from('<p>hi</p>').toString('base64')}`);
    expect(e.windows[0]!.destroyed).toBe(true);
  });
});
