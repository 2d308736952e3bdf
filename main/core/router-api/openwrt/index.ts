/** The OpenWrt (rpcd ubus JSON-RPC) adapter of the RouterClient port. */
export { OpenWrtRouterClient, ROUTER_ADMIN_ACCOUNT } from './adapter.js';
export type { OpenWrtDeps, InterruptedApply } from './adapter.js';
export { PendingApplySchema, NO_PENDING_APPLY } from './pending-apply.js';
export type { PendingApplyDoc } from './pending-apply.js';
export { UbusClient, UbusCallError, UbusStatus } from './ubus-client.js';
