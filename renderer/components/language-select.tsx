import { useId } from 'react';
import { useTranslation } from '../i18n/runtime';
import { LANGUAGE_CHOICES, type LanguageChoice } from '../i18n/languages';

/** The language choice; "system" follows the computer's preferred languages. Each language is named in itself. */
export function LanguageSelect({ value, onChange }: { value: LanguageChoice; onChange: (language: LanguageChoice) => void }) {
  const { t } = useTranslation('app');
  const id = useId();
  return (
    <div className="theme-select language-select">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as LanguageChoice)}>
        {LANGUAGE_CHOICES.map((choice) => (
          <option key={choice} value={choice} lang={choice === 'system' ? undefined : choice}>
            {choice === 'system' ? t('language.system') : t(`language.names.${choice}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
