// A Vite plugin used by the renderer's build (vite.config.ts) and the unit tests (vitest.config.ts).
// Plain JS beside a .d.mts, so both configs import it by its real file name.
import { readFile } from 'node:fs/promises';

/**
 * The groups of the core's message catalog (renderer/i18n/<lang>/messages.json) that the notices
 * shown at start use: the stores' `store.*` (a damaged or unwritable file), the hosts' `notice.*`
 * (browser mode) and `common` (a code with no words, the list separator).
 */
export const STARTUP_MESSAGE_GROUPS = ['common', 'notice', 'store'];

const CATALOG = /[\\/]renderer[\\/]i18n[\\/][a-z]{2}[\\/]messages\.json$/;

/**
 * `…/messages.json?startup` is only the STARTUP_MESSAGE_GROUPS of that catalog, so the first screen
 * can word the notices it opens with (renderer/i18n/runtime.ts) without the whole catalog (~70 KB,
 * which comes right after the first screen). The catalog stays one file, shared with the core.
 */
export function startupMessages() {
  return {
    name: 'porchlight:startup-messages',
    enforce: 'pre',
    async load(id) {
      const [file = '', query] = id.split('?');
      if (query !== 'startup' || !CATALOG.test(file)) return null;
      const catalog = JSON.parse(await readFile(file, 'utf8'));
      this.addWatchFile(file);
      const missing = STARTUP_MESSAGE_GROUPS.filter((g) => !(g in catalog));
      if (missing.length) this.error(`${file} has no ${missing.join(', ')} group: the notices shown at start could not be worded`);
      return { code: `export default ${JSON.stringify(Object.fromEntries(STARTUP_MESSAGE_GROUPS.map((g) => [g, catalog[g]])))};`, moduleType: 'js' };
    },
  };
}
