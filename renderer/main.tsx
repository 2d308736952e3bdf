/**
 * Renderer entry: sends the first IPC calls (early-ipc), then sets up React, XState and the app
 * (start.tsx) — so the calls are under way while those modules are evaluated and the first screen
 * is prepared, before the first render, instead of after it.
 *
 * Both imports are static: the whole first screen is one script and one stylesheet (vite.config.ts
 * puts every module this entry imports statically into its chunk). Modules are evaluated in import
 * order, so early-ipc still runs before React, XState and the app. Everything the first screen does
 * not show (i18next, the other steps' panels, their catalogs) stays behind dynamic `import()`s.
 */
import './early-ipc';
import './start';
