/** Translated resource texts (resources/l10n/<lang>/<file>.json, keyed by entry id, English fallback). */
export { SidecarSchema, TRANSLATABLE, loadSidecar, localizeEntries, localizeResource, sidecarProblems, uiLanguage } from './sidecar.js';
export type { Sidecar, TranslatableSpec } from './sidecar.js';
