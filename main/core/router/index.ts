/** The public surface of main/core/router: other core areas import only from here (lint rule core-area-index). */
export { ROUTER_SOURCES, combineRouterEvidence, failedEvidence, fromDescription, fromServerHeader } from './identify-router.js';
export type { RouterEvidence, RouterIdentity } from './identify-router.js';
export { probeRouterDirect, standardRouterTargets } from './probe-router.js';
export type { RouterProbeTargets } from './probe-router.js';
export { familyOf, knownRouterVendors, loadRouterFamilies } from './router-families.js';
export type { RouterFamilies, RouterFamily } from './router-families.js';
export { namesSoftwareNotDevice } from './server-header.js';
export { parseDeviceDescription } from './upnp-description.js';
export { readXml } from './xml.js';
export type { DeviceDescription } from './upnp-description.js';
