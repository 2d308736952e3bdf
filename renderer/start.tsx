/**
 * The renderer proper (loaded by main.tsx once the first IPC calls are under way): styles and the
 * app. No inline script or style anywhere (strict CSP). i18next is not loaded here: the first
 * screen translates through renderer/i18n/runtime.ts, and i18next follows right after it.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/theme.css';
import './styles/layout.css';
import './styles/components.css';
import { App, startBoot, type Booting } from './app';

let booting: Booting | (() => Booting);
try {
  booting = startBoot();
} catch (err) {
  // No preload API: App shows the reason (startBoot throws the same error again inside it).
  booting = () => {
    throw err;
  };
}
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App booting={booting} />
    </StrictMode>,
  );
}
