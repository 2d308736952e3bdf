/**
 * afterPaint: the work runs after the next frame and the task behind it (not between the first
 * render and the first paint), still runs when no frame comes (a hidden window), runs once, and
 * not at all once cancelled.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterPaint } from '../../../renderer/after-paint';

let frames: Map<number, FrameRequestCallback>;

beforeEach(() => {
  vi.useFakeTimers();
  frames = new Map();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => (frames.set(next, cb), next++));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const drawFrame = () => {
  const due = [...frames.values()];
  frames.clear();
  for (const cb of due) cb(performance.now());
};

describe('afterPaint', () => {
  it('runs in the task after the next frame, not before it', () => {
    const run = vi.fn();
    afterPaint(run);
    vi.advanceTimersByTime(50);
    expect(run).not.toHaveBeenCalled();
    drawFrame();
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs without a frame (a hidden window draws none) after the fallback, once', () => {
    const run = vi.fn();
    afterPaint(run, 200);
    vi.advanceTimersByTime(199);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    expect(frames.size).toBe(0);
    drawFrame();
    vi.advanceTimersByTime(1000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('does nothing once cancelled', () => {
    const run = vi.fn();
    const cancel = afterPaint(run);
    drawFrame();
    cancel();
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
  });
});
