/**
 * The re-audit loop's Electron glue: a native notification when a re-audit is due, a tray entry
 * "Re-audit now", optional start at login (settings.startAtLogin), and the app's report exports
 * (PDF through webContents.printToPDF, files into Documents/Porchlight). Electron is injected, so
 * the logic is unit-tested without an Electron binary; the schedule itself lives in the core.
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { Core } from '../core/app-core.js';
import type { PdfPrinter } from '../core/ports.js';
import { isReauditDue } from '../core/audit/schedule.js';
import { DirectoryReportSink } from '../adapters/directory-report-sink.js';

/** How often the due date is looked at while the app runs. */
export const DUE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}
interface TrayLike {
  setToolTip(text: string): void;
  setContextMenu(menu: unknown): void;
  destroy(): void;
}

/** The parts of Electron this glue uses (injected; main/index.ts passes the real modules). */
export interface ReauditElectron {
  app: {
    setLoginItemSettings(settings: { openAtLogin: boolean; args?: string[] }): void;
    getPath(name: 'documents'): string;
  };
  Notification: { isSupported(): boolean; new (options: { title: string; body: string }): NotificationLike };
  Tray: new (iconPath: string) => TrayLike;
  Menu: { buildFromTemplate(template: MenuItemConstructorOptions[]): unknown };
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => Pick<BrowserWindow, 'loadURL' | 'webContents' | 'destroy'>;
}

export interface ReauditGlueOptions {
  electron: ReauditElectron;
  core: Core;
  /** The main window, or null when it is closed (then `showWindow` creates it). */
  getWindow: () => Pick<BrowserWindow, 'show' | 'focus' | 'isMinimized' | 'restore' | 'webContents'> | null;
  showWindow?: () => void;
  iconPath: string;
  intervalMs?: number;
}

/** PDF through a hidden, sandboxed, script-less window's printToPDF: the report is static HTML. */
export function electronPdfPrinter(Window: ReauditElectron['BrowserWindow']): PdfPrinter {
  return {
    async htmlToPdf(html) {
      const win = new Window({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
      });
      try {
        await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
        const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
        return new Uint8Array(pdf);
      } finally {
        win.destroy();
      }
    },
  };
}

/**
 * Wires the loop. Returns `check` (run it to look at the due date now) and `dispose`.
 * A due re-audit is announced once per due date; clicking the notification or the tray entry
 * asks the renderer for a re-audit (it reads the request through audit:status) and shows it.
 */
export function setupReaudit(opts: ReauditGlueOptions): { check(): void; reauditNow(): void; dispose(): void } {
  const { electron, core } = opts;
  core.deps.pdf = electronPdfPrinter(electron.BrowserWindow);
  core.deps.reports = new DirectoryReportSink(join(electron.app.getPath('documents'), 'Porchlight reports'));

  let announcedFor: string | null = null;
  let loginItem: boolean | null = null;

  const reauditNow = () => {
    core.audit.requestReaudit();
    const win = opts.getWindow();
    if (!win) {
      opts.showWindow?.();
      return;
    }
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
    win.webContents.reload();
  };

  const tray = new electron.Tray(opts.iconPath);
  tray.setToolTip('Porchlight');
  tray.setContextMenu(
    electron.Menu.buildFromTemplate([
      { label: 'Re-audit now', click: reauditNow },
      { label: 'Open Porchlight', click: () => (opts.getWindow() ? opts.getWindow()!.show() : opts.showWindow?.()) },
    ]),
  );

  const check = () => {
    const settings = core.deps.settings.read();
    if (loginItem !== settings.startAtLogin) {
      electron.app.setLoginItemSettings({ openAtLogin: settings.startAtLogin, args: ['--hidden'] });
      loginItem = settings.startAtLogin;
    }
    const schedule = core.audit.schedule();
    if (!isReauditDue(schedule) || !settings.notifications || announcedFor === schedule.nextDueAt) return;
    if (!electron.Notification.isSupported()) return;
    announcedFor = schedule.nextDueAt;
    const n = new electron.Notification({
      title: schedule.state === 'overdue' ? 'Your home security re-audit is overdue' : 'Time for your home security re-audit',
      body: `The last audit was on ${schedule.lastAuditAt!.slice(0, 10)}. A re-audit re-runs the checks and asks only about what changed.`,
    });
    n.on('click', reauditNow);
    n.show();
    core.deps.log.info('re-audit reminder shown', { state: schedule.state });
  };

  check();
  const timer = setInterval(check, opts.intervalMs ?? DUE_CHECK_INTERVAL_MS);
  timer.unref?.();
  return {
    check,
    reauditNow,
    dispose() {
      clearInterval(timer);
      tray.destroy();
    },
  };
}
