/** The public surface of main/core/wifi: other core areas import only from here (lint rule core-area-index). */
export { joinCodeQrDataUrl, joinCodeText } from './join-code.js';
export { generatePassphrase } from './passphrase.js';
export type { PassphraseStyle } from './passphrase.js';
export { classOfSsid } from './scan-service.js';
export type { WifiNetworkView, WifiScanService } from './scan-service.js';
export { CLASS_LABELS, ENCRYPTION_STATUS, WIFI_SECURITY_CLASSES } from './security.js';
export type { WifiSecurityClass } from './security.js';
export { recordNetworksSeen } from './networks-seen.js';
