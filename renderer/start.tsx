/**
 * The renderer proper (imported by main.tsx after the first IPC calls are sent): styles and the
 * app. No inline script or style anywhere (strict CSP). i18next is not loaded here: the first
 * screen translates through renderer/i18n/runtime.ts, and i18next follows right after it.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/theme.css';
import './styles/layout.css';
import './styles/components.css';
import { App, bootApp, startBoot, type Boot, type Booting } from './app';

let booting: Booting | (() => Booting);
let booted: Promise<Boot> | undefined;
try {
  booting = startBoot();
  booted = bootApp(booting);
} catch (err) {
  // No preload API: App shows the reason (startBoot throws the same error again inside it).
  booting = () => {
    throw err;
  };
}
// The first answers were asked for before this module was evaluated, so they are usually in by now:
// then the wizard is the first thing rendered; the loading line shows only when they take longer.
void (booted ? Promise.race([booted.catch(() => undefined), new Promise<undefined>((resolve) => setTimeout(resolve, 50))]) : Promise.resolve(undefined)).then((ready) => {
  const root = document.getElementById('root');
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <App booting={booting} booted={ready ?? booted} />
      </StrictMode>,
    );
  }
});
