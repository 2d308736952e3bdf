import type { Handlers } from './all.js';
import { foundationHandlers } from './foundation.js';
import { wifiHandlers } from './wifi.js';
import { passwordsHandlers } from './passwords.js';
import { auditHandlers } from './audit.js';
import { accountsHandlers } from './accounts.js';

/**
 * Every channel's handler. Each area adds one spread line here (and one in contract.ts); the
 * `Handlers` type makes a missing handler a compile error.
 */
export const handlers: Handlers = {
  ...foundationHandlers,
  ...wifiHandlers,
  ...passwordsHandlers,
  ...auditHandlers,
  ...accountsHandlers,
};
