import { useId } from 'react';
import { useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import { PROBE_KINDS } from '../../wizard/machine';
import { useWizard } from '../../wizard/wizard-context';
import type { PanelProps } from '../shared/panel-props';

/**
 * Extension point of the survey step. First version: shows what the user allowed, says plainly
 * that the automatic survey is not in this build yet, and records that the user reviewed the step
 * (ANSWER survey.reviewed — the step's required input). The survey area replaces this with the
 * real survey and its progress bar; it should still send `reviewed: true` when the user is done.
 */
export function Panel({ step }: PanelProps) {
  const { t } = useTranslation('panels');
  const actor = useWizard();
  const consent = useSelector(actor, (s) => s.context.consent);
  const reviewed = useSelector(actor, (s) => s.context.answers.survey?.reviewed === true);
  const id = useId();
  return (
    <div className="survey-panel">
      <h3 id={`${id}-allowed`}>{t('survey.allowedHeading')}</h3>
      <ul className="consent-summary" aria-labelledby={`${id}-allowed`}>
        {PROBE_KINDS.map((probe) => (
          <li key={probe}>
            {t(`welcome.probe.${probe}`)}
            {': '}
            <strong>{consent[probe] === true ? t('survey.allowed') : consent[probe] === false ? t('survey.notAllowed') : t('survey.notAnswered')}</strong>
          </li>
        ))}
      </ul>
      <p className="callout">{t('survey.notReady')}</p>
      <div className="choice">
        <input
          type="checkbox"
          id={`${id}-reviewed`}
          checked={reviewed}
          onChange={(e) => actor.send({ type: 'ANSWER', step, key: 'reviewed', value: e.target.checked })}
        />
        <label htmlFor={`${id}-reviewed`}>{t('survey.reviewed')}</label>
      </div>
    </div>
  );
}
