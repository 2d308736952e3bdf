/** Translated resource texts (resources/l10n/<lang>/<file>.json, keyed by entry id, English fallback). */
export { SidecarSchema, TRANSLATABLE, expandField, loadSidecar, localizeDocument, localizeEntries, localizeResource, sidecarProblems, uiLanguage } from './sidecar.js';
export type { Sidecar, TranslatableSpec } from './sidecar.js';
