import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { startupMessages } from './scripts/vite-startup-messages.mjs';

export default defineConfig({
  root: 'renderer',
  base: '/',
  // startupMessages: the message catalog's start-up part, for the notices the first screen opens with.
  plugins: [react(), startupMessages()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // No inline scripts or data: modules, so the strict CSP holds.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // The first screen as one script and one stylesheet: every module renderer/main.tsx imports
    // statically ("$initial") goes into the entry's chunk, instead of the entry, three shared chunks
    // (split off because the lazy panels import them too) and two stylesheets. Seven requests
    // become two, and the welcome step is interactive ~11–14 ms sooner in Chromium on loopback
    // (docs/performance.md, session 16). The panels loaded later import from this chunk.
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] } } },
  },
});
