/**
 * The welcome step's consent answers reach the core's home model (through `survey:consent`) as
 * soon as the owner gives or changes them, and once at start (a restored snapshot's answers), so
 * `porchlight audit` without flags re-runs only what the owner allowed here.
 */
import type { AnyActorRef } from 'xstate';
import type { PorchlightApi } from '../../main/ipc/contract';
import { call } from './api';
import { PROBE_KINDS, type ProbeKind } from './machine';
import { sendLatestOnChange } from './persistence';

type Answers = Record<ProbeKind, boolean | null>;

/** Sends the consent answers whenever they change (the last answer always wins; sends never overlap). Returns an unsubscribe. */
export function syncConsentOnChange(api: PorchlightApi, actor: AnyActorRef, onResult: (error: Error | null) => void): () => void {
  const read = (): Answers => {
    const c = (actor.getSnapshot() as { context?: { consent?: Partial<Answers> } }).context?.consent ?? {};
    return Object.fromEntries(PROBE_KINDS.map((k) => [k, typeof c[k] === 'boolean' ? c[k] : null])) as Answers;
  };
  return sendLatestOnChange(actor, read, (answers) => call(api, 'survey:consent', answers), onResult);
}
