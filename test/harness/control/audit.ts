/**
 * Test-control for the audit in the harness (only with --test-control): stands in for the
 * Electron tray/notification "Re-audit now", which the harness has no way to click.
 *
 * Routes: POST /__test/audit/reaudit-now
 */
import type { TestControlContext, TestRoute } from '../test-control.js';

export function auditControlRoutes(ctx: TestControlContext): Record<string, TestRoute> {
  return {
    'POST /__test/audit/reaudit-now': () => {
      ctx.core.audit.requestReaudit();
      return { requested: true };
    },
  };
}
