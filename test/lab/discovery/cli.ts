/**
 * Runs the discovery lab as a process (for the benchmark and for trying the CLI by hand):
 * prints one JSON line {neighborFile, routerIp, devices} and runs until SIGTERM/SIGINT.
 * Bundle and run: see test/lab/README.md.
 */
import { startDiscoveryLab } from './lab.js';

const lab = await startDiscoveryLab();
process.stdout.write(JSON.stringify({ neighborFile: lab.neighborFile, routerIp: lab.routerIp, devices: lab.devices.map((d) => ({ id: d.id, ip: d.ip, mac: d.mac, httpPort: d.http?.port ?? null })) }) + '\n');
const stop = () => lab.stop().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
