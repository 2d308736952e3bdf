import { forwardRef, type ReactNode } from 'react';
import { useTranslation } from '../i18n/runtime';
import { Disclosure } from '../design';
import { AfterFirstPaint } from './after-first-paint';

export interface StepLayoutProps {
  step: string;
  title: string;
  purpose: string;
  youWill: readonly string[];
  /** The "what Porchlight checks" section body. */
  checks: ReactNode;
  /** The step's panel (its extension point). */
  panel: ReactNode;
  glossary: ReactNode;
  /** Overrides the "Your answers" heading of the panel section. */
  panelHeading?: string;
  /** Overrides the "What Porchlight checks here" heading. */
  checksHeading?: string;
  /** A one-line count of the checks ("3 checks: 1 passed, 2 not known yet") on the closed list. */
  checksCount?: string;
  /** Keep the checks open (the summary, where the checks are the page). */
  checksOpen?: boolean;
}

/**
 * The common frame of a step: title (focused on arrival), what it is for, what the user will do,
 * what Porchlight checks, the step's own panel, and the words explained.
 */
export const StepLayout = forwardRef<HTMLHeadingElement, StepLayoutProps>(function StepLayout({ step, title, purpose, youWill, checks, panel, glossary, panelHeading, checksHeading, checksCount, checksOpen = false }, ref) {
  const { t } = useTranslation('wizard');
  return (
    <article className={`step step-${step}`} aria-labelledby={`step-title-${step}`} data-step={step}>
      <h1 id={`step-title-${step}`} ref={ref} tabIndex={-1} className="step-title">
        {title}
      </h1>
      <section className="step-purpose" aria-labelledby={`purpose-${step}`}>
        <h2 id={`purpose-${step}`} className="visually-hidden">
          {t('sections.purpose')}
        </h2>
        <p className="lead">{purpose}</p>
      </section>
      {youWill.length > 0 && (
        <Disclosure quiet className="step-you-will" summary={t('sections.youWill')}>
          <ul>
            {youWill.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </Disclosure>
      )}
      <section className="step-panel" aria-labelledby={`panel-${step}`}>
        <h2 id={`panel-${step}`}>{panelHeading ?? t('sections.panel')}</h2>
        {panel}
      </section>
      {/* Below the panel: on the page's first screen, shown right after it has painted. */}
      <AfterFirstPaint>
        <section className="step-checks" aria-labelledby={`checks-${step}`}>
          <h2 id={`checks-${step}`}>{checksHeading ?? t('sections.checks')}</h2>
          {checksOpen ? (
            checks
          ) : (
            <Disclosure summary={t('sections.checksShow')} count={checksCount} data-testid="step-checks-disclosure">
              {checks}
            </Disclosure>
          )}
        </section>
        {glossary}
      </AfterFirstPaint>
    </article>
  );
});
