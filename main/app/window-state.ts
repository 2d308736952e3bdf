/**
 * Remembers the main window's size, position and maximised state between launches, in a small
 * schema-checked JSON document in userData (window-state.json, written with the same ConfDocumentStore
 * as settings: atomic, 0600, recovered from corruption). A remembered position is used only when it
 * is still visible on a connected screen, so a window never reopens off-screen.
 */
import { z } from 'zod';
import type { DocumentStore } from '../core/ports.js';
import { ConfDocumentStore } from '../adapters/conf-document-store.js';
import { WINDOW_SIZE, type WindowBounds } from '../window.js';

const Coordinate = z.number().int().min(-100_000).max(100_000);
const Extent = z.number().int().min(100).max(100_000);

/** The persisted shape; anything else in the file is rejected (and the file recovered). */
export const WindowStateSchema = z.strictObject({
  schemaVersion: z.literal(1),
  bounds: z.strictObject({ x: Coordinate, y: Coordinate, width: Extent, height: Extent }).nullable(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;
export const DEFAULT_WINDOW_STATE: WindowState = { schemaVersion: 1, bounds: null, maximized: false };

/** A screen's usable area (Electron's Display.workArea). */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Opens userData/window-state.json. */
export function openWindowStateStore(dir: string): DocumentStore<WindowState> {
  return new ConfDocumentStore<WindowState>({ dir, name: 'window-state', schema: WindowStateSchema, defaults: DEFAULT_WINDOW_STATE, version: '1.0.0' });
}

/** The part of the window's top strip (title bar) that must lie on some screen for a position to be reused. */
const MIN_VISIBLE = { width: 120, height: 40 };

function visibleTitleBar(b: Required<WindowBounds>, a: Area): boolean {
  const w = Math.min(b.x + b.width, a.x + a.width) - Math.max(b.x, a.x);
  const h = Math.min(b.y + MIN_VISIBLE.height, a.y + a.height) - Math.max(b.y, a.y);
  return w >= MIN_VISIBLE.width && h >= MIN_VISIBLE.height;
}

/**
 * The bounds to open the window with: the remembered ones when their title bar is on a screen
 * (size clamped to that screen), else the default size with no position (the OS centres it).
 */
export function restoreBounds(state: WindowState, screens: readonly Area[]): WindowBounds {
  const fallback = { width: WINDOW_SIZE.width, height: WINDOW_SIZE.height };
  const b = state.bounds;
  if (!b) return fallback;
  const screen = screens.find((a) => visibleTitleBar(b, a));
  if (!screen) return fallback;
  return {
    x: b.x,
    y: b.y,
    width: Math.max(WINDOW_SIZE.minWidth, Math.min(b.width, screen.width)),
    height: Math.max(WINDOW_SIZE.minHeight, Math.min(b.height, screen.height)),
  };
}

/** What trackWindowState needs from a BrowserWindow. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown;
  getNormalBounds(): { x: number; y: number; width: number; height: number };
  isMaximized(): boolean;
}

/** Reads the window's current state in the persisted shape (rounded; out-of-range sizes dropped). */
export function captureState(win: Pick<TrackedWindow, 'getNormalBounds' | 'isMaximized'>): WindowState {
  const n = win.getNormalBounds();
  const candidate = {
    schemaVersion: 1 as const,
    bounds: { x: Math.round(n.x), y: Math.round(n.y), width: Math.round(n.width), height: Math.round(n.height) },
    maximized: win.isMaximized(),
  };
  const parsed = WindowStateSchema.safeParse(candidate);
  return parsed.success ? parsed.data : { ...DEFAULT_WINDOW_STATE, maximized: candidate.maximized };
}

/**
 * Saves the window state when it is moved or resized (debounced) and when it closes. A failed
 * write is reported to `onError` and never takes the app down.
 */
export function trackWindowState(
  win: TrackedWindow,
  store: Pick<DocumentStore<WindowState>, 'write'>,
  opts: { debounceMs?: number; onError?: (err: unknown) => void } = {},
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    try {
      store.write(captureState(win));
    } catch (err) {
      opts.onError?.(err);
    }
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, opts.debounceMs ?? 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', save);
}
