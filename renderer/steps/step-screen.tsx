import { Component, forwardRef, Suspense, type ReactNode } from 'react';
import { tList, useTranslation } from '../i18n/runtime';
import { CheckList } from '../components/check-list';
import { Disclosure } from '../design';
import { Glossary } from '../components/glossary';
import { StepLayout } from '../components/step-layout';
import type { CheckView } from '../wizard/api';
import { WIZARD_STEPS, type WizardStep } from '../wizard/machine';
import { PANELS } from './registry';
import { errorText } from '../i18n/messages';

/** One step's screen: the common frame filled with the step's catalog text, checks and panel. */
export const StepScreen = forwardRef<HTMLHeadingElement, { step: WizardStep; checks: readonly CheckView[] }>(function StepScreen({ step, checks }, ref) {
  const { t } = useTranslation(['steps', 'wizard', 'checks']);
  const Panel = PANELS[step];
  const own = checks.filter((c) => c.step === step);
  // The board always holds every catalog check: an empty one has not been loaded yet (never "nothing to check").
  const loaded = checks.length > 0;
  const states = (['fail', 'warn', 'unknown', 'pass', 'skipped'] as const)
    .map((status) => ({ status, n: own.filter((c) => c.status === status).length }))
    .filter((x) => x.n > 0)
    .map((x) => t(`checks:statusCount.${x.status}`, { count: x.n }))
    .join(', ');
  return (
    <StepLayout
      ref={ref}
      step={step}
      title={t(`steps:${step}.title`)}
      purpose={t(`steps:${step}.purpose`)}
      youWill={tList(t, `steps:${step}.youWill`)}
      panel={
        <PanelBoundary key={step} failed={(message) => t('app:fatal.body', { message })}>
          <Suspense fallback={<p role="status" aria-busy="true">{t('app:loading')}</p>}>
            <Panel step={step} checks={own} />
          </Suspense>
        </PanelBoundary>
      }
      checks={
        !loaded ? (
          <p role="status" aria-busy="true">{t('wizard:sections.checksLoading')}</p>
        ) : step === 'summary' ? (
          <AllChecks checks={checks} />
        ) : own.length === 0 ? (
          <p>{t('wizard:sections.noChecks')}</p>
        ) : (
          <CheckList checks={own} />
        )
      }
      panelHeading={t(`steps:${step}.panelHeading`, { defaultValue: '' }) || undefined}
      checksHeading={t(`steps:${step}.checksHeading`, { defaultValue: '' }) || undefined}
      checksOpen={step === 'summary' || own.length === 0}
      checksCount={own.length > 0 ? t('wizard:sections.checksCount', { count: own.length, states }) : undefined}
      glossary={<Glossary terms={tList(t, `steps:${step}.terms`)} headingId={`terms-${step}`} />}
    />
  );
});

/** A panel that could not be loaded says so in its place; the rest of the step stays usable. */
class PanelBoundary extends Component<{ children: ReactNode; failed: (message: string) => string }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p role="alert">{this.props.failed(errorText(this.state.error))}</p> : this.props.children;
  }
}

/** The summary's list: the score, then every check grouped by the step it belongs to. */
function AllChecks({ checks }: { checks: readonly CheckView[] }) {
  const { t } = useTranslation(['steps', 'wizard', 'checks']);
  const count = (status: CheckView['status']) => checks.filter((c) => c.status === status).length;
  const applicable = checks.length - count('skipped');
  return (
    <div className="all-checks">
      <div className="score" data-testid="score">
        <h3>{t('steps:summary.scoreHeading')}</h3>
        <p className="score-figure">{t('steps:summary.score', { passed: count('pass'), total: applicable })}</p>
        <p>
          {t('steps:summary.counts', { pass: count('pass'), warn: count('warn'), fail: count('fail'), unknown: count('unknown'), skipped: count('skipped') })}
        </p>
      </div>
      {WIZARD_STEPS.filter((s) => checks.some((c) => c.step === s)).map((s) => {
        const group = checks.filter((c) => c.step === s);
        const states = (['fail', 'warn', 'unknown', 'pass', 'skipped'] as const)
          .map((status) => ({ status, n: group.filter((c) => c.status === status).length }))
          .filter((x) => x.n > 0)
          .map((x) => t(`checks:statusCount.${x.status}`, { count: x.n }))
          .join(', ');
        // A group with something to fix stays open; the rest are one click away, counted.
        const open = group.some((c) => c.status === 'fail' || c.status === 'warn');
        return (
          <section key={s} className="check-group" aria-labelledby={`group-${s}`}>
            <h3 id={`group-${s}`}>{t('steps:summary.group', { step: t(`wizard:steps.${s}`) })}</h3>
            <Disclosure summary={t('wizard:sections.checksShow')} count={t('wizard:sections.checksCount', { count: group.length, states })} open={open} data-testid="summary-check-group">
              <CheckList checks={group} level={4} />
            </Disclosure>
          </section>
        );
      })}
    </div>
  );
}
