/** The public surface of main/core/router-api: the RouterClient port and its adapters. */
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
