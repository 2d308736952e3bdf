/** The public surface of main/core/router-api: the RouterClient port, the FRITZ!Box adapter, the IGD reader, apply-with-proof. */
export { RouterError } from './port.js';
export type {
  ApplyResult,
  DesiredState,
  Fact,
  FactSource,
  PlannedChange,
  PreviousValues,
  RouterClient,
  RouterErrorKind,
  RouterPlan,
  RouterStatus,
  RouterWifiNetwork,
  SecretRef,
  UpnpPortMapping,
  WifiEncryption,
  WifiRole,
} from './port.js';
export { memoryPinStore } from './transport.js';
export type { RouterHttpRequest, RouterHttpResponse, RouterPinStore, RouterTransport } from './transport.js';
export { LoginGuard } from './login-guard.js';
export { FritzboxClient, encryptionOfBeacon } from './fritzbox/fritzbox-client.js';
export type { FritzClientOptions } from './fritzbox/fritzbox-client.js';
export { readIgdPortMappings } from './igd/port-mappings.js';
export type { PortMappingReading } from './igd/port-mappings.js';
export { applyWithProof, newPasswordLoginProof, readBackProof, readBackVerdict } from './apply-with-proof.js';
export { applyNewAdminPassword, applyPlanWithAdminPassword, generateAdminPassword, NEW_ADMIN_PASSWORD, NEXT_ADMIN_ACCOUNT } from './admin-password.js';
export type { AdminPasswordSecrets } from './admin-password.js';
export { desiredStateOf, ensureIotPassphrase } from './desired.js';
export type { RouterRequest } from './desired.js';
export { readBackAndRescanProof } from './rescan-proof.js';
export type { RescanOptions } from './rescan-proof.js';
export type { ApplyOutcome, Proof } from './apply-with-proof.js';
export { DEFAULT_ROUTER_PINS, RouterPinsSchema, documentPinStore } from './pin-document.js';
export type { RouterPinsDoc } from './pin-document.js';
export { routerReadPort } from './verifier-port.js';
export type { RouterReadDeps } from './verifier-port.js';
export { chooseRouterClient, fritzboxClientFor, openWrtClientFor, memoryPendingStore, OPENWRT_DEFAULT_USER, ROUTER_PENDING_DOCUMENT } from './choose.js';
export type { ChooseRouterDeps, RouterChoice } from './choose.js';
export { OpenWrtRouterClient, PendingApplySchema, NO_PENDING_APPLY } from './openwrt/index.js';
export type { InterruptedApply, PendingApplyDoc } from './openwrt/index.js';
