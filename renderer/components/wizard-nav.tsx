import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SkipForm } from './skip-form';

export interface WizardNavProps {
  canGoBack: boolean;
  canGoForward: boolean;
  nextIsSummary: boolean;
  onBack: () => void;
  onNext: () => void;
  onSkip: (reason: string) => void;
  validateReason: (reason: string) => boolean;
}

/** Back / Continue / Skip-with-a-reason, in that Tab order; Continue stays enabled and explains itself when refused. */
export function WizardNav({ canGoBack, canGoForward, nextIsSummary, onBack, onNext, onSkip, validateReason }: WizardNavProps) {
  const { t } = useTranslation('wizard');
  const [skipping, setSkipping] = useState(false);
  return (
    <div className="wizard-nav" role="group" aria-label={t('nav.label')}>
      <div className="button-row">
        {canGoBack && (
          <button type="button" className="button-secondary" onClick={onBack}>
            {t('nav.back')}
          </button>
        )}
        {canGoForward && (
          <button type="button" className="button-primary" onClick={onNext} data-testid="wizard-next">
            {nextIsSummary ? t('nav.finish') : t('nav.next')}
          </button>
        )}
        {canGoForward && !skipping && (
          <button type="button" className="button-quiet" aria-expanded={false} onClick={() => setSkipping(true)}>
            {t('nav.skip')}
          </button>
        )}
      </div>
      {skipping && (
        <SkipForm
          heading={t('nav.skipHeading')}
          label={t('nav.skipReasonLabel')}
          hint={t('nav.skipReasonHint')}
          submitLabel={t('nav.skipConfirm')}
          cancelLabel={t('nav.skipCancel')}
          invalidMessage={t('nav.skipReasonInvalid')}
          validate={validateReason}
          onSubmit={(reason) => {
            setSkipping(false);
            onSkip(reason);
          }}
          onCancel={() => setSkipping(false)}
        />
      )}
    </div>
  );
}
