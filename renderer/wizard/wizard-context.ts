/**
 * React access to the running wizard actor. The app creates it once (useActorRef) and every step
 * screen and panel reads it with `useWizard()` + `useSelector`, and changes it only by `send`.
 */
import { createContext, useContext } from 'react';
import type { ActorRefFrom } from 'xstate';
import type { ProvidedWizard } from './actors';

export type WizardActor = ActorRefFrom<ProvidedWizard>;

export const WizardActorContext = createContext<WizardActor | null>(null);

/** The running wizard actor; throws if used outside <WizardActorContext.Provider>. */
export function useWizard(): WizardActor {
  const actor = useContext(WizardActorContext);
  if (!actor) throw new Error('useWizard() must be used inside the wizard.');
  return actor;
}
