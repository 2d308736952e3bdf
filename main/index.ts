/**
 * App lifecycle only: single-instance lock, the app:// protocol, the window, and the wiring of
 * adapters into the core. Everything else lives in the Node-only core.
 */
import { app, BrowserWindow, ipcMain, protocol, session, shell, Menu } from 'electron';
import { join } from 'node:path';
import { createNodeCore, APP_ROOT } from './compose.js';
import { registerIpc } from './ipc/register.js';
import { APP_HOST, APP_ORIGIN, APP_ENTRY, APP_SCHEME, createMainWindow, denyAllPermissions, hardenWebContents } from './window.js';
import { SECURITY_HEADERS } from './csp.js';
import { readRendererFile } from './static-files.js';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  // Any web contents created anywhere (including ones we did not expect) gets the same denials.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.whenReady().then(() => {
    const rendererDir = join(APP_ROOT, 'dist', 'renderer');
    protocol.handle(APP_SCHEME, async (request) => {
      const url = new URL(request.url);
      if (url.host !== APP_HOST) return new Response('not found', { status: 404 });
      const file = await readRendererFile(rendererDir, url.pathname);
      if (!file) return new Response('not found', { status: 404 });
      return new Response(new Uint8Array(file.body), { headers: { ...SECURITY_HEADERS, 'Content-Type': file.type } });
    });
    denyAllPermissions(session.defaultSession);

    const core = createNodeCore({
      host: 'electron',
      profileDir: app.getPath('userData'),
      opener: { open: (url) => shell.openExternal(url) },
    });
    registerIpc(ipcMain, core, { allowedOrigins: [APP_ORIGIN] });

    Menu.setApplicationMenu(null);
    win = createMainWindow(BrowserWindow, { preloadPath: join(APP_ROOT, 'dist', 'preload.cjs') });
    win.on('closed', () => {
      win = null;
    });
    void win.loadURL(APP_ENTRY);
  });

  app.on('window-all-closed', () => app.quit());
}
