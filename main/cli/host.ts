/**
 * The heavy part of the command line (the core, the profile stores, the network adapters), imported
 * only by the commands that run it (`await import('./host.js')`), so `--help`, `--version` and
 * `wifi` never load it. scripts/build.mjs splits it into its own chunk.
 */
export { createNodeCore } from '../compose.js';
export { defaultProfileDir, savedScope } from '../adapters/profile.js';
export { nodeNetworkDeps } from '../adapters/network/index.js';
