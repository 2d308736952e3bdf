// Types for scripts/check-builder-config.mjs (plain JS so `npm run check:builder` needs no build step).
/** Loads a config as electron-builder does and validates it against its scheme.json; rejects on a schema error. */
export declare function loadAndValidate(projectDir: string, configFile: string): Promise<Record<string, unknown>>;
/** Porchlight's packaging rules; resolves to the list of problems (empty when the config is fine). */
export declare function projectRules(config: Record<string, unknown>, projectDir: string): Promise<string[]>;
