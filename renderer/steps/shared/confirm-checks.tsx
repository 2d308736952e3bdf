import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SkipForm } from '../../components/skip-form';
import { checkText } from '../../i18n';
import { isValidReason } from '../../wizard/machine';
import { useWizard } from '../../wizard/wizard-context';
import type { CheckView } from '../../wizard/api';

/**
 * The default way to answer checks that accept the user's word: Yes / Partly / Not yet, or
 * "does not apply" with a reason. Sends CONFIRM_CHECK / SKIP_CHECK; the machine calls
 * `checks:confirm` / `checks:skip` and reloads the list.
 */
/**
 * Whether the user can answer a check here: it accepts their word and no current measurement
 * settles it. A measurement that came out unknown (e.g. one device's password check was
 * inconclusive) settles nothing, so the question stays — a check never gets stuck unanswerable.
 */
export function isConfirmable(c: Pick<CheckView, 'evidenceKinds' | 'evidence' | 'expired' | 'status'>): boolean {
  return c.evidenceKinds.includes('confirmed') && !(c.evidence.kind === 'verified' && !c.expired && c.status !== 'unknown');
}

export function ConfirmChecks({ checks }: { checks: readonly CheckView[] }) {
  const { t } = useTranslation('panels');
  const confirmable = checks.filter(isConfirmable);
  // Every step that offers quick answers has checks: none yet means the board is still loading.
  const loading = checks.length === 0;
  return (
    <div className="confirm-checks">
      <h3>{t('confirm.heading')}</h3>
      {loading ? (
        <p role="status" aria-busy="true">
          {t('confirm.loading')}
        </p>
      ) : confirmable.length === 0 ? (
        <p>{t('confirm.none')}</p>
      ) : (
        <>
          <p className="hint">{t('confirm.intro')}</p>
          <ul className="confirm-list">
            {confirmable.map((c) => (
              <li key={c.id}>
                <ConfirmOne check={c} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function currentAnswer(check: CheckView): 'pass' | 'warn' | 'fail' | 'skipped' | null {
  if (check.status === 'skipped') return 'skipped';
  if (check.evidence.kind !== 'confirmed' || check.expired) return null;
  return check.status === 'pass' || check.status === 'warn' || check.status === 'fail' ? check.status : null;
}

function ConfirmOne({ check }: { check: CheckView }) {
  const { t } = useTranslation('panels');
  const actor = useWizard();
  const [naOpen, setNaOpen] = useState(false);
  const naButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  const answer = currentAnswer(check);
  const statuses = [
    ['pass', t('confirm.yes')],
    ['warn', t('confirm.partly')],
    ['fail', t('confirm.no')],
  ] as const;
  return (
    <fieldset className="confirm-one" data-confirm-id={check.id} aria-describedby={`${id}-q`}>
      <legend>{checkText(check, 'title')}</legend>
      <p id={`${id}-q`} className="confirm-question">
        {t('confirm.question')} {checkText(check, 'passWhen')}
      </p>
      <p className="confirm-current" aria-live="polite">
        {answer ? t('confirm.current', { answer: t(`confirm.answer.${answer}`) }) : ''}
      </p>
      <div className="button-row">
        {statuses.map(([status, label]) => (
          <button
            key={status}
            type="button"
            className="button-choice"
            aria-pressed={answer === status}
            onClick={() => actor.send({ type: 'CONFIRM_CHECK', id: check.id, status })}
          >
            {label}
          </button>
        ))}
        <button
          ref={naButton}
          type="button"
          className="button-choice"
          aria-pressed={answer === 'skipped'}
          aria-expanded={naOpen}
          aria-controls={naOpen ? `${id}-na` : undefined}
          onClick={() => setNaOpen((open) => !open)}
        >
          {t('confirm.notApplicable')}
        </button>
      </div>
      {naOpen && (
        <div id={`${id}-na`}>
          <SkipForm
            heading={checkText(check, 'title')}
            headingLevel={4}
            label={t('confirm.reasonLabel')}
            hint={t('confirm.reasonHint')}
            submitLabel={t('confirm.reasonSave')}
            cancelLabel={t('confirm.reasonCancel')}
            invalidMessage={t('confirm.reasonInvalid')}
            validate={isValidReason}
            onSubmit={(reason) => {
              setNaOpen(false);
              actor.send({ type: 'SKIP_CHECK', id: check.id, reason });
            }}
            onCancel={() => {
              setNaOpen(false);
              requestAnimationFrame(() => naButton.current?.focus());
            }}
          />
        </div>
      )}
    </fieldset>
  );
}
