import type { Clock } from '../core/ports.js';

/** The real clock, optionally shifted by a fixed offset (used by the harness to "move the clock" in tests). */
export class SystemClock implements Clock {
  constructor(public offsetMs = 0) {}
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
