/**
 * The renderer proper (loaded by main.tsx once the first IPC calls are under way): styles, i18n
 * and the app. No inline script or style anywhere (strict CSP).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/theme.css';
import './styles/layout.css';
import './styles/components.css';
import { initI18n } from './i18n';
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
initI18n();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App booting={booting} />
    </StrictMode>,
  );
}
