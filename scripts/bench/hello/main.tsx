/**
 * The baseline of the renderer benchmark (scripts/bench/renderer.mjs): a React 19 + XState hello
 * page — one machine, one heading, one Continue button — built by the same Vite set-up and served
 * and timed the same way as Porchlight's first screen.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createMachine } from 'xstate';
import { useMachine } from '@xstate/react';

const machine = createMachine({ id: 'hello', initial: 'welcome', states: { welcome: { on: { NEXT: 'done' } }, done: {} } });

function Hello() {
  const [state, send] = useMachine(machine);
  return (
    <main>
      <h1>{state.matches('welcome') ? 'Welcome' : 'Done'}</h1>
      <p>Hello from React and XState.</p>
      <button type="button" onClick={() => send({ type: 'NEXT' })}>
        Continue
      </button>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Hello />
  </StrictMode>,
);
