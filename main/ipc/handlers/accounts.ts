import type { HandlersFor } from './types.js';
import type { accountsChannels } from '../channels/accounts.js';
import { routerFromHistory } from '../../core/accounts/updates-step.js';

/** Handlers of the accounts, assistant and updates steps: thin calls into core.accountSteps. */
export const accountsHandlers: HandlersFor<typeof accountsChannels> = {
  'accounts:catalog': (core, { vendors }) => core.accountSteps.accounts.view(vendors ?? []),
  'accounts:confirm': (core, { accounts }) => core.accountSteps.accounts.confirm(accounts),
  'accounts:store-recovery-codes': (core, { account, codes }) => core.accountSteps.accounts.storeRecoveryCodes(account, codes),
  'assistant:settings': (core) => core.accountSteps.assistant.view(),
  'assistant:confirm': (core, args) => core.accountSteps.assistant.confirm(args),
  // Without a router from the renderer, the newest audit's router (as the survey identified it) is used.
  'updates:plan': (core, { router }) => {
    const history = core.deps.history.read();
    return core.accountSteps.updates.view(router ?? routerFromHistory(history.audits), history.devices);
  },
  'updates:confirm-firmware': (core, args) => core.accountSteps.updates.confirmFirmware(args),
  'updates:confirm-outage-plan': (core, args) => core.accountSteps.updates.confirmOutagePlan(args),
  'confirmations:list': (core) => core.accountSteps.confirmations.list(),
  'confirmations:restore': (core) => ({ restored: core.accountSteps.restore() }),
  'confirmations:sync': (core, { ids }) => ({ synced: core.accountSteps.sync(ids) }),
};
