import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../i18n/runtime';
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

/**
 * Back / Continue / Skip-with-a-reason, in that Tab order. Continue stays enabled and explains
 * itself when refused; "Skip this step…" is a disclosure button for the reason form, and focus
 * returns to it when the form is cancelled.
 */
export function WizardNav({ canGoBack, canGoForward, nextIsSummary, onBack, onNext, onSkip, validateReason }: WizardNavProps) {
  const { t } = useTranslation('wizard');
  const [skipping, setSkipping] = useState(false);
  const [refocus, setRefocus] = useState(false);
  const skipButton = useRef<HTMLButtonElement>(null);
  const formId = useId();
  useEffect(() => {
    if (!skipping && refocus) {
      skipButton.current?.focus();
      setRefocus(false);
    }
  }, [skipping, refocus]);
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
        {canGoForward && (
          <button
            ref={skipButton}
            type="button"
            className="button-quiet"
            aria-expanded={skipping}
            aria-controls={skipping ? formId : undefined}
            onClick={() => setSkipping((open) => !open)}
          >
            {t('nav.skip')}
          </button>
        )}
      </div>
      {skipping && (
        <div id={formId}>
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
            onCancel={() => {
              setSkipping(false);
              setRefocus(true);
            }}
          />
        </div>
      )}
    </div>
  );
}
