/**
 * Test-only endpoints of the harness (enabled by --test-control, never in the app): move the
 * clock, read which external links the app asked to open. Later areas add their lab switches here.
 */
import type { Core } from '../../main/core/app-core.js';
import type { SystemClock } from '../../main/adapters/system-clock.js';
import { surveyControlRoutes } from './control/survey.js';
import { auditControlRoutes } from './control/audit.js';
import { routerControlRoutes } from './control/router.js';

export interface TestControlContext {
  core: Core;
  clock: SystemClock;
  opened: string[];
}

export type TestRoute = (body: Record<string, unknown>, url: URL) => unknown | Promise<unknown>;

export function testControlRoutes(ctx: TestControlContext): Record<string, TestRoute> {
  return {
    'POST /__test/clock': (body) => {
      const days = Number(body.offsetDays ?? 0);
      if (!Number.isFinite(days)) throw new Error('offsetDays must be a number');
      ctx.clock.offsetMs = days * 24 * 60 * 60 * 1000;
      return { now: ctx.clock.now().toISOString() };
    },
    'GET /__test/opened': () => ({ opened: ctx.opened }),
    ...surveyControlRoutes(),
    ...auditControlRoutes(ctx),
    ...routerControlRoutes(ctx),
  };
}
