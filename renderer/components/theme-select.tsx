import { useId } from 'react';
import { useTranslation } from '../i18n/runtime';

export type Theme = 'system' | 'light' | 'dark';
const THEMES: Theme[] = ['system', 'light', 'dark'];

/** The appearance choice; "system" follows the computer's light/dark preference. */
export function ThemeSelect({ value, onChange }: { value: Theme; onChange: (theme: Theme) => void }) {
  const { t } = useTranslation('app');
  const id = useId();
  return (
    <div className="theme-select">
      <label htmlFor={id}>{t('theme.label')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Theme)}>
        {THEMES.map((theme) => (
          <option key={theme} value={theme}>
            {t(`theme.${theme}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
