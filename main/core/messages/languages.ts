/**
 * The languages Porchlight speaks, and how one is picked from a list of preferred languages (the
 * system's, `app.getPreferredSystemLanguages()` in Electron, `navigator.languages` in browser mode).
 * Shared by the renderer and the core (the report is written in the same language as the UI).
 */
export const LANGUAGES = ['en', 'de', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The setting: a language, or `system` (follow the computer's preferred languages). */
export const LANGUAGE_CHOICES = ['system', ...LANGUAGES] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first preferred language Porchlight speaks (by its primary subtag: de-AT → de), else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** The language a choice means, given the system's preferred languages. */
export function resolveLanguage(choice: LanguageChoice | undefined, system: readonly string[]): Language {
  return choice && choice !== 'system' ? choice : pickLanguage(system);
}

/** The system's preferred languages as Node sees them (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, then Intl). */
export function nodeSystemLanguages(env: Record<string, string | undefined> = process.env): string[] {
  const fromEnv = [env.LANGUAGE?.split(':'), env.LC_ALL, env.LC_MESSAGES, env.LANG]
    .flat()
    .filter((v): v is string => !!v && v !== 'C' && v !== 'POSIX' && !v.startsWith('C.'));
  return [...fromEnv, Intl.DateTimeFormat().resolvedOptions().locale];
}
