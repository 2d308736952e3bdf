import type { HandlersFor } from './types.js';
import type { accountsChannels } from '../channels/accounts.js';
import type { Core } from '../../core/app-core.js';
import { RouterIdentityInputSchema, routerFromHistory, type RouterIdentity } from '../../core/accounts/updates-step.js';
import { loadSidecar, localizeDocument, uiLanguage } from '../../core/l10n/index.js';

/** A view spreading a resource file, its user-facing texts in the UI's language (English where no translation exists). */
function localized<D extends Record<string, unknown>>(core: Core, file: string, view: D): D {
  const sidecar = loadSidecar(core.deps.resourcesDir, uiLanguage(core.deps.settings.read().language, core.deps.systemLanguages), file);
  return localizeDocument(view, sidecar, file);
}

/** The router as the home model knows it (the latest survey, with each field's source), else the newest audit's, else null. */
function knownRouter(core: Core): RouterIdentity | null {
  const fromModel = RouterIdentityInputSchema.safeParse(core.model.read().router?.identity ?? null);
  if (fromModel.success) return fromModel.data;
  return routerFromHistory(core.deps.history.read().audits);
}

/** Handlers of the accounts, assistant and updates steps: thin calls into core.accountSteps. */
export const accountsHandlers: HandlersFor<typeof accountsChannels> = {
  'accounts:catalog': (core, { vendors }) => {
    // The router's maker counts as a vendor too, so its account (FRITZ!Box, eero …) is pre-selected.
    const router = knownRouter(core)?.vendor;
    return localized(core, 'accounts.json', core.accountSteps.accounts.view([...(vendors ?? []), ...(router ? [router] : [])]));
  },
  'accounts:confirm': (core, { accounts }) => core.accountSteps.accounts.confirm(accounts),
  'accounts:store-recovery-codes': (core, { account, codes }) => core.accountSteps.accounts.storeRecoveryCodes(account, codes),
  'assistant:settings': (core) => localized(core, 'assistant-settings.json', core.accountSteps.assistant.view()),
  'assistant:confirm': (core, args) => core.accountSteps.assistant.confirm(args),
  'updates:plan': (core) => localized(core, 'outage-plans.json', core.accountSteps.updates.view(knownRouter(core), core.model.read().devices)),
  'updates:confirm-firmware': (core, args) => core.accountSteps.updates.confirmFirmware(args),
  'updates:confirm-outage-plan': (core, args) => core.accountSteps.updates.confirmOutagePlan(args),
  'confirmations:list': (core) => core.accountSteps.confirmations.list(),
  'confirmations:restore': (core) => ({ restored: core.accountSteps.restore() }),
  'confirmations:sync': (core, { ids }) => ({ synced: core.accountSteps.sync(ids) }),
};
