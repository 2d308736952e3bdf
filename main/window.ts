/**
 * The one secure BrowserWindow factory and the denials every web contents gets. The Electron
 * objects are passed in (never imported as values), so unit tests drive these functions with fakes
 * and the Electron glue in main/index.ts stays a few lines.
 */
import type {
  BrowserWindow as BrowserWindowType,
  Event as ElectronEvent,
  HandlerDetails,
  Session,
  WebContents,
  WindowOpenHandlerResponse,
} from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp.js';

/** The app's own origin: everything the window may show lives under it. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'porchlight';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Default and minimum window size (used when no remembered size fits a screen). */
export const WINDOW_SIZE = { width: 1100, height: 780, minWidth: 720, minHeight: 560 } as const;

/** Where a window should appear; x/y omitted means "let the OS centre it". */
export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
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

/** Called for every refused navigation, new window, webview or permission (for the log). */
export type DenialListener = (kind: string, detail: string) => void;

/** will-navigate / will-redirect / will-frame-navigate: anything outside app://porchlight is cancelled. */
export function guardNavigation(event: Pick<ElectronEvent, 'preventDefault'>, url: string, onDenied?: DenialListener): void {
  if (isAppUrl(url)) return;
  event.preventDefault();
  onDenied?.('navigation', url);
}

/** setWindowOpenHandler: no page ever opens a window (links go through the allow-listed openExternal IPC). */
export function denyWindowOpen(details: Pick<HandlerDetails, 'url'>, onDenied?: DenialListener): WindowOpenHandlerResponse {
  onDenied?.('window-open', details.url);
  return { action: 'deny' };
}

/** Denies navigation away from the app, redirects, new windows and webviews for one web contents. */
export function hardenWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, onDenied?: DenialListener): void {
  contents.on('will-navigate', (event, url) => guardNavigation(event, url, onDenied));
  contents.on('will-frame-navigate', (event) => guardNavigation(event, event.url, onDenied));
  contents.on('will-redirect', (event, url) => guardNavigation(event, url, onDenied));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onDenied?.('webview', 'will-attach-webview');
  });
  contents.setWindowOpenHandler((details) => denyWindowOpen(details, onDenied));
}

/**
 * Denies every permission (camera, microphone, geolocation, notifications from the page, clipboard
 * read, HID/serial/USB devices, screen capture …) for the session: the wizard needs none of them.
 */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setDisplayMediaRequestHandler'>,
  onDenied?: DenialListener,
): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    onDenied?.('permission-request', permission);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => {
    onDenied?.('display-media', 'getDisplayMedia');
    callback(null);
  });
}

/** Single instance: a second launch brings the running window forward (restored, shown, focused). */
export function focusExistingWindow(win: Pick<BrowserWindowType, 'isMinimized' | 'restore' | 'show' | 'focus'> | null): boolean {
  if (!win) return false;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
  return true;
}

export { CONTENT_SECURITY_POLICY };

/**
 * The one window factory. The webPreferences are written out literally here (not built elsewhere)
 * so that Electronegativity's static checks see every value; unit tests assert them item by item.
 */
export function createMainWindow(
  BrowserWindow: typeof BrowserWindowType,
  opts: { preloadPath: string; bounds?: WindowBounds; devTools?: boolean; onDenied?: DenialListener },
): BrowserWindowType {
  const win = new BrowserWindow({
    width: opts.bounds?.width ?? WINDOW_SIZE.width,
    height: opts.bounds?.height ?? WINDOW_SIZE.height,
    x: opts.bounds?.x,
    y: opts.bounds?.y,
    minWidth: WINDOW_SIZE.minWidth,
    minHeight: WINDOW_SIZE.minHeight,
    show: false,
    title: 'Porchlight',
    backgroundColor: '#101418',
    webPreferences: {
      preload: opts.preloadPath, // eng-disable PRELOAD_JS_CHECK -- reviewed: main/preload.ts exposes one ipcRenderer.invoke per contract channel via contextBridge, nothing else
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      safeDialogs: true,
      devTools: opts.devTools ?? false,
    },
  });
  hardenWebContents(win.webContents, opts.onDenied);
  win.once('ready-to-show', () => win.show());
  return win;
}
