import { useTranslation } from '../i18n/runtime';
import type { WizardStep } from '../wizard/machine';

export interface StepIndicatorProps {
  route: readonly WizardStep[];
  current: WizardStep;
  visited: readonly WizardStep[];
  skipped: readonly WizardStep[];
  reaudit: boolean;
  onGoto: (step: WizardStep) => void;
}

/**
 * The step list: where the user is (aria-current), where they have been (buttons that go back
 * there) and what is ahead. Only visited steps are operable, matching the machine's GOTO guard.
 */
export function StepIndicator({ route, current, visited, skipped, reaudit, onGoto }: StepIndicatorProps) {
  const { t } = useTranslation('wizard');
  const index = Math.max(0, route.indexOf(current));
  return (
    <nav className="step-indicator" aria-label={t('indicator.label')}>
      <p className="step-progress" aria-live="polite" aria-atomic="true">
        {t('indicator.progress', { current: index + 1, total: route.length, name: t(`steps.${current}`) })}
      </p>
      <progress className="step-progress-bar" max={route.length} value={index + 1} aria-hidden="true" />
      {reaudit && <p className="step-reaudit-note">{t('indicator.reauditNote')}</p>}
      <ol className="step-list">
        {route.map((step, i) => {
          const isCurrent = step === current;
          const isVisited = visited.includes(step);
          const state = isCurrent
            ? t('indicator.stateCurrent')
            : skipped.includes(step)
              ? t('indicator.stateSkipped')
              : isVisited
                ? t('indicator.stateDone')
                : t('indicator.stateAhead');
          const cls = `step-item${isCurrent ? ' is-current' : ''}${isVisited ? ' is-visited' : ''}${skipped.includes(step) ? ' is-skipped' : ''}`;
          return (
            <li key={step} className={cls} aria-current={isCurrent ? 'step' : undefined}>
              <span className="step-number" aria-hidden="true">
                {i + 1}
              </span>
              {isVisited && !isCurrent ? (
                <button type="button" className="step-link" onClick={() => onGoto(step)}>
                  {t(`steps.${step}`)}
                  <span className="visually-hidden"> {state}</span>
                </button>
              ) : (
                <span className="step-name">
                  {t(`steps.${step}`)}
                  <span className="visually-hidden"> {state}</span>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
