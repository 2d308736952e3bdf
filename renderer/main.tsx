/** Renderer entry: styles, i18n, then the app. No inline script or style anywhere (strict CSP). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/theme.css';
import './styles/layout.css';
import './styles/components.css';
import { initI18n } from './i18n';
import { App } from './app';

initI18n();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
