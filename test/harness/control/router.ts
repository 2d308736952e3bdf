/**
 * Test-control for router automation (only with --test-control): records a surveyed router in the
 * home model, as the survey step does when it identifies the gateway, so an e2e can open the Wi-Fi
 * step next to the FRITZ!Box simulator without running the whole discovery lab.
 *
 * Route: POST /__test/router/surveyed {address, vendor, model} — address must be a loopback lab address.
 */
import type { TestControlContext, TestRoute } from '../test-control.js';

export function routerControlRoutes(ctx: TestControlContext): Record<string, TestRoute> {
  return {
    'POST /__test/router/surveyed': (body) => {
      const address = typeof body.address === 'string' && /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(body.address) ? body.address : null;
      if (!address) throw new Error('address must be a loopback lab address');
      const text = (v: unknown) => (typeof v === 'string' && v.length <= 200 ? v : null);
      ctx.core.model.recordSurvey({
        devices: [],
        gateway: { address, mac: null, router: { vendor: text(body.vendor), model: text(body.model), firmware: null, friendlyName: null, sources: { vendor: 'tr064', model: 'tr064', firmware: null }, evidence: [] } },
      });
      return { router: ctx.core.model.read().router };
    },
  };
}
