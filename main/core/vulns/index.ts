/** The public surface of main/core/vulns (known exploited vulnerabilities): other core areas import only from here. */
export { KevCatalogSchema, KevEntrySchema, VendorTableSchema, KEV_SNAPSHOT_FILE, VENDOR_TABLE_FILE, loadKevData, parseKevFile } from './catalog.js';
export type { KevCatalog, KevEntry, VendorTable } from './catalog.js';
export { KevMatcher, compareModel, modelTokens, words } from './matcher.js';
export type { DeviceIdentity, DeviceVulns, DeviceVulnStatus, MatchHow, VulnMatch } from './matcher.js';
export { actionKind } from './actions.js';
export type { ActionKind } from './actions.js';
export { affectedByVersion, statedBound } from './versions.js';
export type { Affected } from './versions.js';
export { assessHome, vulnVerdict } from './assess.js';
export { autoUpdateOf, featuresOf } from './assess.js';
export type { DeviceFactSources, DeviceVulnView, Evidenced, HomeVulns, SecurityFeature, SecurityFeatureId } from './assess.js';

import { loadKevData } from './catalog.js';
import { KevMatcher } from './matcher.js';

const matchers = new Map<string, KevMatcher>();
/** The matcher over the snapshot in `resourcesDir` (built once). */
export function kevMatcher(resourcesDir: string): KevMatcher {
  let m = matchers.get(resourcesDir);
  if (!m) {
    const { catalog, table } = loadKevData(resourcesDir);
    m = new KevMatcher(catalog, table);
    matchers.set(resourcesDir, m);
  }
  return m;
}
export { VulnRecordSchema, DeviceVulnRecordSchema, VulnMatchRecordSchema, vulnRecord } from './record.js';
export type { VulnRecord } from './record.js';
export { factSources, forgetRouterAutoUpdate, rememberRouterAutoUpdate, routerAutoUpdateFor } from './facts.js';
