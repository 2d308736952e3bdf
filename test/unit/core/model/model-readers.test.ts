/**
 * Later steps start from what the survey found, kept in the home model — the same after a reload
 * (a new core on the same documents, no survey in this session) as right after the survey.
 */
import { describe, expect, it } from 'vitest';
import { handlers } from '../../../../main/ipc/handlers/index.js';
import { fakeCore } from '../../../support/fakes.js';

const fritz = { vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '7.57', friendlyName: 'FRITZ!Box 7590', sources: { vendor: 'tr064' as const, model: 'tr064' as const, firmware: 'tr064' as const }, evidence: [] };

describe('steps read the router and devices from the home model', () => {
  it('the Wi-Fi guides, the passwords targets and the accounts pre-selection know the surveyed FRITZ!Box', async () => {
    const { core } = fakeCore();
    expect(core.survey).toBeNull(); // no survey in this session: only the model knows the home
    core.model.recordSurvey({
      devices: [
        { ip: '192.168.178.1', mac: '24:65:11:4a:7c:01', vendor: 'AVM GmbH', model: 'FRITZ!Box 7590', category: 'router', categoryBasis: null, names: ['FRITZ!Box 7590'], services: [] },
        { ip: '192.168.178.20', mac: 'fc:a6:67:21:9e:41', vendor: 'Amazon Technologies Inc.', model: null, category: 'speaker', categoryBasis: null, names: [], services: [] },
      ],
      gateway: { address: '192.168.178.1', mac: '24:65:11:4a:7c:01', router: fritz },
    });
    const guides = (await handlers['wifi:guides'](core, {} as never)) as { suggestedFamilyId: string };
    expect(guides.suggestedFamilyId).toMatch(/fritz|avm/i);
    const targets = (await handlers['passwords:targets'](core, {} as never)) as { gateway: string | null; routerVendorId: string | null };
    expect(targets.gateway).toBe('192.168.178.1');
    expect(targets.routerVendorId).not.toBeNull();
    const catalog = (await handlers['accounts:catalog'](core, {} as never)) as { suggested: string[] };
    expect(catalog.suggested).toEqual(expect.arrayContaining(['amazon']));
  });
});
