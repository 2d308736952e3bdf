import { forwardRef } from 'react';
import { useTranslation } from '../i18n/runtime';

/** The inputs still missing on this step, as sentences (already translated by the caller). */
export const BlockedMessage = forwardRef<HTMLDivElement, { items: readonly string[] }>(function BlockedMessage({ items }, ref) {
  const { t } = useTranslation('wizard');
  return (
    <div ref={ref} className="blocked" role="alert" tabIndex={-1} data-testid="blocked">
      <h2 className="blocked-heading">{t('blocked.heading')}</h2>
      <p>{t('blocked.intro')}</p>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>{t('blocked.orSkip')}</p>
    </div>
  );
});
