import type { CoreDeps } from '../app-core.js';
import type { CheckBoard } from '../checks/index.js';
import type { SecretService } from '../secrets/index.js';
import { ConfirmationStore } from '../confirmations/index.js';
import { restoreConfirmations, syncFromBoard } from '../confirmations/index.js';
import { loadCheckCatalog } from '../checks/index.js';
import { loadAccountCatalog, type AccountCatalog } from './catalog.js';
import { AccountsStep } from './accounts-step.js';
import { AssistantStep, loadAssistantSettings } from './assistant-step.js';
import { loadOutagePlans, UpdatesStep } from './updates-step.js';
import type { HomeModel } from '../model/index.js';

/** The accounts, assistant and updates steps and the confirmation history they share. */
export interface AccountServices {
  readonly catalog: AccountCatalog;
  readonly confirmations: ConfirmationStore;
  readonly accounts: AccountsStep;
  readonly assistant: AssistantStep;
  readonly updates: UpdatesStep;
  /** Puts confirmations kept in the home model back into a fresh audit's progress (re-audit); returns check ids. */
  restore(): string[];
  /** Keeps quick board answers (checks:confirm / checks:skip) of these checks in history too; returns ids written. */
  sync(ids: readonly string[]): string[];
}

/**
 * Builds the three steps over one ConfirmationStore. Their resources are loaded and validated
 * here, at core start, so a broken data file is reported before the wizard opens.
 */
export function createAccountServices(
  deps: Pick<CoreDeps, 'resourcesDir' | 'history' | 'settings' | 'progress' | 'clock'> & { model: Pick<HomeModel, 'read' | 'confirmations' | 'setConfirmations'> },
  externalHosts: readonly string[],
  checks: CheckBoard,
  secrets: SecretService,
): AccountServices {
  const catalog = loadAccountCatalog(deps.resourcesDir, externalHosts);
  const assistantData = loadAssistantSettings(deps.resourcesDir, externalHosts);
  const plans = loadOutagePlans(deps.resourcesDir);
  const confirmations = new ConfirmationStore(deps.model, deps.settings, deps.clock);
  const checkCatalog = loadCheckCatalog(deps.resourcesDir);
  // The skills review (accounts.integrations-review) holds accounts and assistants: each step names the other's subjects too.
  const accounts: AccountsStep = new AccountsStep(catalog, confirmations, checks, secrets, deps.model, (s) => assistant.nameOf(s));
  const assistant: AssistantStep = new AssistantStep(assistantData, confirmations, checks, deps.model, (s) => (s.startsWith('assistant-') ? null : accounts.nameOf(s)));
  return {
    catalog,
    confirmations,
    accounts,
    assistant,
    updates: new UpdatesStep(plans, catalog, confirmations, checks),
    restore: () => restoreConfirmations(confirmations, deps.progress, checkCatalog),
    sync: (ids) => syncFromBoard(confirmations, checks, ids),
  };
}
