/**
 * App lifecycle only: single-instance lock, the app:// protocol, the window, the menu, local crash
 * reports and the wiring of adapters into the core. Each piece is a tested function elsewhere
 * (main/window.ts, main/app/*); this file only connects them to Electron.
 */
import { app, BrowserWindow, crashReporter, dialog, ipcMain, Menu, Notification, protocol, screen, session, shell, Tray } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNodeCore, APP_ROOT, appVersion, resourcesDir } from './compose.js';
import type { Core } from './core/app-core.js';
import { registerIpc } from './ipc/register.js';
import { APP_HOST, APP_ORIGIN, APP_ENTRY, APP_SCHEME, createMainWindow, denyAllPermissions, focusExistingWindow, hardenWebContents, type DenialListener } from './window.js';
import { SECURITY_HEADERS } from './csp.js';
import { readRendererFile } from './static-files.js';
import { aboutDetail, buildMenuTemplate, parseDatasetLicences } from './app/menu.js';
import { openWindowStateStore, restoreBounds, trackWindowState } from './app/window-state.js';
import { startLocalCrashReports } from './app/crash-reports.js';
import { setupReaudit } from './app/reaudit.js';

// Crash dumps stay local (no upload); started first so early crashes are captured too.
startLocalCrashReports(crashReporter, app);
// Every renderer is sandboxed, whatever its webPreferences say.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  let core: Core | null = null;
  const onDenied: DenialListener = (kind, detail) => core?.deps.log.warn('denied', { kind, detail: detail.slice(0, 200) });

  // A second launch focuses the first window instead of opening another app instance.
  app.on('second-instance', () => focusExistingWindow(win));

  // Any web contents created anywhere (including ones we did not expect) gets the same denials.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, onDenied));

  app.whenReady().then(() => {
    const rendererDir = join(APP_ROOT, 'dist', 'renderer');
    protocol.handle(APP_SCHEME, async (request) => {
      const url = new URL(request.url);
      if (url.host !== APP_HOST) return new Response('not found', { status: 404 });
      const file = await readRendererFile(rendererDir, url.pathname);
      if (!file) return new Response('not found', { status: 404 });
      return new Response(new Uint8Array(file.body), { headers: { ...SECURITY_HEADERS, 'Content-Type': file.type } });
    });
    denyAllPermissions(session.defaultSession, onDenied);

    core = createNodeCore({
      host: 'electron',
      profileDir: app.getPath('userData'),
      opener: { open: openVettedUrl },
      systemLanguages: () => app.getPreferredSystemLanguages(),
    });
    registerIpc(ipcMain, core, { allowedOrigins: [APP_ORIGIN] });

    const showAbout = () => {
      let readme = '';
      try {
        readme = readFileSync(join(resourcesDir(), 'README.md'), 'utf8');
      } catch {
        // No README shipped: the About box says no data sets are listed.
      }
      const detail = aboutDetail({
        productName: 'Porchlight',
        version: appVersion(),
        electron: process.versions.electron ?? '?',
        chrome: process.versions.chrome ?? '?',
        node: process.versions.node,
        licences: parseDatasetLicences(readme),
      });
      const options = { type: 'info' as const, title: 'About Porchlight', message: `Porchlight ${appVersion()}`, detail, buttons: ['OK'] };
      void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
    };
    const devTools = !app.isPackaged;
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ platform: process.platform, productName: 'Porchlight', onAbout: showAbout, devTools })));

    const stateStore = openWindowStateStore(app.getPath('userData'));
    const state = stateStore.read();
    win = createMainWindow(BrowserWindow, {
      preloadPath: join(APP_ROOT, 'dist', 'preload.cjs'),
      bounds: restoreBounds(state, screen.getAllDisplays().map((d) => d.workArea)),
      devTools,
      onDenied,
    });
    if (state.maximized) win.maximize();
    trackWindowState(win, stateStore, { onError: (err) => core?.deps.log.warn('window state not saved', { error: String(err) }) });
    win.on('closed', () => {
      win = null;
    });
    void win.loadURL(APP_ENTRY);
    setupReaudit({ electron: { app, Notification, Tray, Menu, BrowserWindow }, core, getWindow: () => win, iconPath: join(resourcesDir(), 'icons', 'icon.png') });
  });

  app.on('window-all-closed', () => app.quit());
}

/**
 * Opens a URL in the user's browser. Only the core calls this, and only with a URL that
 * checkExternalUrl accepted (https, allow-listed host, no credentials, default port); the https
 * test here is a second, independent guard.
 */
function openVettedUrl(url: string): Promise<void> {
  if (!url.startsWith('https://')) return Promise.reject(new Error('refused: not an https URL'));
  return shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- reviewed: only core-vetted allow-listed https URLs arrive here
}
