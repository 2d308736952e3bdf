import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SurveyService } from '../../../../main/core/network/survey-service.js';
import { buildScope } from '../../../../main/core/network/scope.js';
import type { Discovery, HttpFetcher, NeighborEntry, NeighborTable } from '../../../../main/core/ports.js';
import { FixedClock, MemoryLogger, memoryModel } from '../../../support/fakes.js';

const RESOURCES = join(__dirname, '../../../../resources');

function setup(rows: NeighborEntry[]) {
  const table = { rows };
  const neighbors: NeighborTable = { read: async () => table.rows };
  const discovery: Discovery = { ssdpSearch: async () => [], mdnsBrowse: async () => [] };
  const http: HttpFetcher = { request: async () => ({ status: 404, headers: {}, body: '', truncated: false }), connects: async () => false };
  const clock = new FixedClock(new Date('2026-04-01T08:00:00Z'));
  const { model, home } = memoryModel(clock);
  const service = new SurveyService({ neighbors, discovery, http, oui: { organisation: (p) => (p === 'FCA667' ? 'Amazon Technologies Inc.' : null) }, model, clock, log: new MemoryLogger(), resourcesDir: RESOURCES });
  return { service, history: home, clock, table };
}
const scope = buildScope({ interface: 'lo', interfaceAddress: '127.0.0.1', prefixLength: 8, seconds: 2 });
const echo: NeighborEntry = { ip: '127.0.0.41', mac: 'fc:a6:67:00:00:02', interface: 'lo', state: 'REACHABLE' };

describe('SurveyService inventory', () => {
  it('records first/last seen in history and keeps the user edits across surveys', async () => {
    const { service, history, clock } = setup([echo]);
    const r1 = await service.run(scope);
    expect(r1.devices).toHaveLength(1);
    expect(history.read().devices['fc:a6:67:00:00:02']).toMatchObject({ firstSeen: '2026-04-01T08:00:00.000Z', lastSeen: '2026-04-01T08:00:00.000Z' });
    service.editDevice('fc:a6:67:00:00:02', { name: 'Kitchen Echo', moveToIot: true, category: 'speaker' });
    clock.current = new Date('2026-04-03T08:00:00Z');
    const r2 = await service.run(scope);
    expect(r2.devices[0]).toMatchObject({ names: ['Kitchen Echo'], moveToIot: true, firstSeen: '2026-04-01T08:00:00.000Z', lastSeen: '2026-04-03T08:00:00.000Z', status: 'identified' });
  });

  it('a device no longer seen stays listed as not-seen; removed devices stay hidden even when seen again', async () => {
    const { service, table, clock } = setup([echo]);
    await service.run(scope);
    table.rows = [];
    const r2 = await service.run(scope);
    expect(r2.devices[0]).toMatchObject({ status: 'not-seen', seenBy: [] });
    service.editDevice(echo.mac!, { removed: true });
    expect(service.inventory()).toEqual([]);
    table.rows = [echo];
    clock.current = new Date('2026-04-09T08:00:00Z');
    const r3 = await service.run(scope);
    expect(r3.devices.map((d) => d.id)).toEqual([]);
  });

  it('adds devices by hand, validates them, and removes a manual one for good', async () => {
    const { service, history } = setup([]);
    const d = service.addDevice({ name: 'Garage camera', category: 'camera', ip: '192.168.1.9' });
    expect(d).toMatchObject({ names: ['Garage camera'], category: 'camera', manual: true, status: 'not-seen' });
    expect(() => service.addDevice({ name: 'x', category: 'camera', mac: 'nope' })).toThrow(/not a hardware \(MAC\) address/);
    expect(() => service.addDevice({ name: '  ', category: 'camera' })).toThrow(/needs a name/);
    expect(() => service.editDevice('missing', { name: 'x' })).toThrow(/not in the list of your devices/);
    service.editDevice(d.id, { removed: true });
    expect(history.read().devices[d.id]).toBeUndefined();
  });

  it('a manual device with a MAC merges with the surveyed one', async () => {
    const { service } = setup([echo]);
    service.addDevice({ name: 'Echo in hall', category: 'speaker', mac: 'FC-A6-67-00-00-02' });
    const r = await service.run(scope);
    expect(r.devices).toHaveLength(1);
    expect(r.devices[0]).toMatchObject({ names: ['Echo in hall'], manual: false, vendor: 'Amazon Technologies Inc.' });
  });

  it('a device the owner removed stays removed when a later survey sees it again, until restored', async () => {
    const { service, history } = setup([echo]);
    await service.run(scope);
    service.editDevice(echo.mac!, { removed: true });
    const r = await service.run(scope);
    expect(r.devices.map((d) => d.id)).toEqual([]);
    expect(history.read().devices[echo.mac!]).toMatchObject({ removed: true, lastSeen: '2026-04-01T08:00:00.000Z' });
    expect(service.inventory().map((d) => d.id)).toEqual([]);
    service.editDevice(echo.mac!, { removed: false });
    expect((await service.run(scope)).devices.map((d) => d.id)).toEqual([echo.mac]);
  });

  it('progress: idle → done with the report; concurrent runs join', async () => {
    const { service } = setup([echo]);
    expect(service.progress().phase).toBe('idle');
    const [a, b] = await Promise.all([service.run(scope), service.run(scope)]);
    expect(a).toBe(b);
    expect(service.progress()).toMatchObject({ running: false, phase: 'done', fraction: 1 });
    expect(service.progress().report?.devices).toHaveLength(1);
  });
});
