import { useTranslation } from '../i18n/runtime';

/** First focusable element of every page: jumps keyboard users past the header to the step. */
export function SkipLink({ targetId }: { targetId: string }) {
  const { t } = useTranslation('app');
  return (
    <a className="skip-link" href={`#${targetId}`}>
      {t('skipToContent')}
    </a>
  );
}
