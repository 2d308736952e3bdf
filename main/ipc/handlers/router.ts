import type { HandlersFor } from './types.js';
import type { routerChannels } from '../channels/router.js';
import type { Core } from '../../core/app-core.js';

/** The router service and its modules (TR-064, ubus, SOAP) load at the first router call, not at start. */
const service = (core: Core) => import('../../services/router-automation.js').then((m) => m.routerAutomation(core));

/** "Let Porchlight change it": thin calls into the router automation service. */
export const routerHandlers: HandlersFor<typeof routerChannels> = {
  'router:state': async (core) => (await service(core)).state(),
  'router:save-login': async (core, { userName, password }) => (await service(core)).saveLogin(userName, password ?? null),
  'router:plan': async (core, wish) => (await service(core)).plan(wish),
  'router:apply': async (core, { yes: _yes, agreed, ...wish }) => (await service(core)).apply(wish, agreed),
};
