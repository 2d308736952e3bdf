import type { HandlersFor } from './types.js';
import type { routerChannels } from '../channels/router.js';
import { routerAutomation } from '../../services/router-automation.js';

/** "Let Porchlight change it": thin calls into the router automation service. */
export const routerHandlers: HandlersFor<typeof routerChannels> = {
  'router:state': (core) => routerAutomation(core).state(),
  'router:save-login': (core, { userName, password }) => routerAutomation(core).saveLogin(userName, password ?? null),
  'router:plan': (core, wish) => routerAutomation(core).plan(wish),
  'router:apply': (core, { yes: _yes, agreed, ...wish }) => routerAutomation(core).apply(wish, agreed),
};
