import { useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import { useWizard } from '../../wizard/wizard-context';
import { selectChecks } from '../../wizard/selectors';
import type { WizardStep } from '../../wizard/machine';
import type { PanelProps } from '../shared/panel-props';

/**
 * Extension point of the summary step. First version: what is left to do (every check that is not
 * passing or not applicable, with its next action), the skipped steps with their reasons, and a
 * button to start a check-up. The audit/report area adds export and the next re-audit date here.
 */
export function Panel(_props: PanelProps) {
  const { t } = useTranslation(['panels', 'wizard']);
  const actor = useWizard();
  const checks = useSelector(actor, selectChecks);
  const skipped = useSelector(actor, (s) => s.context.skipped);
  const remaining = checks.filter((c) => c.status !== 'pass' && c.status !== 'skipped');
  const skippedSteps = Object.entries(skipped) as Array<[WizardStep, { reason: string }]>;
  return (
    <div className="summary-panel">
      <h3>{t('panels:summary.remainingHeading')}</h3>
      {remaining.length === 0 ? (
        <p>{t('panels:summary.remainingNone')}</p>
      ) : (
        <ul className="remaining">
          {remaining.map((c) => (
            <li key={c.id}>
              <strong>{c.title}</strong>
              {' — '}
              {c.next}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('panels:summary.skippedHeading')}</h3>
      {skippedSteps.length === 0 ? (
        <p>{t('panels:summary.skippedNone')}</p>
      ) : (
        <ul>
          {skippedSteps.map(([step, { reason }]) => (
            <li key={step}>{t('panels:summary.skippedItem', { step: t(`wizard:steps.${step}`), reason })}</li>
          ))}
        </ul>
      )}
      <p className="hint" id="start-over-hint">
        {t('panels:summary.startOverHint')}
      </p>
      <button type="button" className="button-secondary" aria-describedby="start-over-hint" onClick={() => actor.send({ type: 'START_OVER', mode: 're-audit' })}>
        {t('panels:summary.startOver')}
      </button>
    </div>
  );
}
