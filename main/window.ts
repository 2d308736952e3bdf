import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp.js';

/** The app's own origin: everything the window may show lives under it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'porchlight';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** The webPreferences of every Porchlight window (asserted by unit tests, item by item). */
export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: undefined,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: true,
    safeDialogs: true,
  };
}

/** Only the app's own pages may be shown; every other navigation is denied. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Denies navigation away from the app, new windows, webviews and every permission request. */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Denies every permission (camera, microphone, geolocation, notifications from the page …) for the session. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export { CONTENT_SECURITY_POLICY };

/** The one window factory: every Porchlight window is created here, with the settings above. */
export function createMainWindow(
  BrowserWindow: typeof BrowserWindowType,
  opts: { preloadPath: string; bounds?: { x?: number; y?: number; width: number; height: number } },
): BrowserWindowType {
  const win = new BrowserWindow({
    width: opts.bounds?.width ?? 1100,
    height: opts.bounds?.height ?? 780,
    x: opts.bounds?.x,
    y: opts.bounds?.y,
    minWidth: 720,
    minHeight: 560,
    show: false,
    title: 'Porchlight',
    backgroundColor: '#101418',
    webPreferences: secureWebPreferences(opts.preloadPath),
  });
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  return win;
}
