import type { Handlers } from './all.js';
import { foundationHandlers } from './foundation.js';
import { passwordsHandlers } from './passwords.js';
import { wifiHandlers } from './wifi.js';
import { auditHandlers } from './audit.js';
import { accountsHandlers } from './accounts.js';
import { surveyHandlers } from './survey.js';
import { vulnsHandlers } from './vulns.js';
import { routerHandlers } from './router.js';

/**
 * Every channel's handler. Each area adds one spread line here (and one in contract.ts); the
 * `Handlers` type makes a missing handler a compile error.
 */
export const handlers: Handlers = {
  ...foundationHandlers,
  ...passwordsHandlers,
  ...wifiHandlers,
  ...auditHandlers,
  ...accountsHandlers,
  ...surveyHandlers,
  ...vulnsHandlers,
  ...routerHandlers,
};
