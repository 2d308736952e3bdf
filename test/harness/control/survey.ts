/**
 * Test-control for the survey in the harness (only with --test-control): the harness's survey
 * sees nothing but the loopback discovery lab. Until a test starts the lab, every survey is refused
 * ("no survey scope is configured"), so an e2e run can never reach a real interface.
 *
 * Routes: POST /__test/survey/lab/start {seconds?, gateway?} (answers the lab's neighbor-table file, for a CLI
 * run on the same lab) · POST /__test/survey/lab/stop-device {id}
 * · POST /__test/survey/lab/start-device {id} · POST /__test/survey/lab/stop · GET /__test/survey/lab
 */
import { readFileSync } from 'node:fs';
import type { NetworkDeps } from '../../../main/core/network/survey-feature.js';
import type { ScopeRequest } from '../../../main/core/network/scope.js';
import type { NeighborTable } from '../../../main/core/ports.js';
import { nodeNetworkDeps } from '../../../main/adapters/network/index.js';
import { parseIpNeigh } from '../../../main/core/network/neighbor-parsers.js';
import { startDiscoveryLab, type DiscoveryLab } from '../../lab/discovery/lab.js';
import type { TestRoute } from '../test-control.js';

let lab: DiscoveryLab | null = null;
let scope: ScopeRequest | null = null;

/** The harness's survey ports: real adapters, scope and neighbor table pinned to the lab. */
export function harnessSurveyNetwork(): NetworkDeps {
  const neighbors: NeighborTable = {
    async read() {
      if (!lab) throw new Error('the discovery lab is not running');
      // Synchronous on purpose: the thread pool may be busy with keychain calls in the harness.
      return parseIpNeigh(readFileSync(lab.neighborFile, 'utf8'));
    },
  };
  return { ...nodeNetworkDeps({ fixedScope: () => scope }), neighbors };
}

const deviceId = (body: Record<string, unknown>) => {
  const id = body.id;
  if (typeof id !== 'string' || !/^[a-z-]{1,20}$/.test(id)) throw new Error('id must be a lab device id');
  return id;
};

/** The survey's test-control routes. */
export function surveyControlRoutes(): Record<string, TestRoute> {
  return {
    'POST /__test/survey/lab/start': async (body) => {
      if (!lab) lab = await startDiscoveryLab();
      const seconds = typeof body.seconds === 'number' ? body.seconds : 5;
      // Another lab device may play the router (e.g. the miniupnpd one); only lab addresses are accepted.
      const gateway = typeof body.gateway === 'string' && lab.devices.some((d) => d.ip === body.gateway) ? body.gateway : lab.routerIp;
      scope = { interface: 'lo', interfaceAddress: '127.0.0.1', prefixLength: 8, gateway, seconds };
      return { routerIp: lab.routerIp, neighborFile: lab.neighborFile, devices: lab.devices.map((d) => ({ id: d.id, ip: d.ip, mac: d.mac })) };
    },
    'POST /__test/survey/lab/stop-device': async (body) => {
      if (!lab) throw new Error('the discovery lab is not running');
      await lab.stopDevice(deviceId(body));
      return { running: lab.running() };
    },
    'POST /__test/survey/lab/start-device': async (body) => {
      if (!lab) throw new Error('the discovery lab is not running');
      await lab.startDevice(deviceId(body));
      return { running: lab.running() };
    },
    'POST /__test/survey/lab/stop': async () => {
      await lab?.stop();
      lab = null;
      scope = null;
      return { stopped: true };
    },
    'GET /__test/survey/lab': () => ({ running: lab?.running() ?? [], heard: lab?.heard() ?? null }),
  };
}

/** Stops the lab when the harness exits (SIGTERM/SIGINT handlers call process.exit). */
process.once('exit', () => {
  // lighttpd is a child process: make sure it does not outlive a killed harness.
  void lab?.stop();
});
