/**
 * The languages the UI speaks and how one is picked from the computer's preferred languages. The
 * renderer may not import main/ at run time, so this mirrors main/core/messages/languages.ts (the
 * core's copy picks the report's language); test/unit/renderer/i18n-languages.test.ts keeps them equal.
 */
import type { ResultOf } from '../../main/ipc/contract';

export type LanguageChoice = ResultOf<'settings:get'>['language'];
export type Language = Exclude<LanguageChoice, 'system'>;

export const LANGUAGES: readonly Language[] = ['en', 'de', 'es', 'fr'];
export const LANGUAGE_CHOICES: readonly LanguageChoice[] = ['system', ...LANGUAGES];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The first preferred language the UI speaks (by its primary subtag: de-AT → de), else English. */
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
