import { describe, expect, it } from 'vitest';
import { loadCheckCatalog } from '../../../../main/core/checks/catalog.js';
import { CHECK_IDS, runVerifiers } from '../../../../main/core/checks/verifiers/index.js';
import { resourcesDir } from '../../../../main/compose.js';
import { fakeCore } from '../../../support/fakes.js';

const catalog = loadCheckCatalog(resourcesDir());

describe('the verifier registry', () => {
  it('has exactly one verifier for every catalog check, and none for a check the catalog lacks', () => {
    const ids = catalog.checks.map((c) => c.id);
    expect(new Set(CHECK_IDS).size).toBe(CHECK_IDS.length);
    expect([...CHECK_IDS].sort()).toEqual([...ids].sort());
    const registry = fakeCore().core.verifiers;
    expect(Object.keys(registry).sort()).toEqual([...ids].sort());
    for (const id of ids) expect(typeof registry[id as (typeof CHECK_IDS)[number]].verify).toBe('function');
  });

  it('a check that rests on a confirmation has nothing to measure; a measured one with nothing to read says why', async () => {
    const { core } = fakeCore();
    const outcome = await runVerifiers(core.verifiers, { interface: null, gateway: null });
    for (const def of catalog.checks) {
      const measured = outcome.results[def.id as (typeof CHECK_IDS)[number]];
      if (!def.evidenceKinds.includes('verified')) expect(measured).toBeUndefined();
    }
    expect(outcome.results['router.admin-default']).toMatchObject({ status: 'unknown', reason: { code: 'router.no-gateway', params: {} } });
    expect(outcome.results['network.iot-segment']).toMatchObject({ status: 'unknown', reason: { code: 'segment.not-planned', params: {} } });
    expect(outcome.results['devices.inventory']).toMatchObject({ status: 'unknown', reason: { code: 'survey.no-scope', params: {} } });
  });
});
