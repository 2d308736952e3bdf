import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Disclosure, Notice } from '../../design';
import { useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../main/ipc/contract';
import { useWizard } from '../../wizard/wizard-context';
import { selectChecks } from '../../wizard/selectors';
import { call, getApi } from '../../wizard/api';
import { checkText, formatDate } from '../../i18n';
import type { WizardStep } from '../../wizard/machine';
import type { PanelProps } from '../shared/panel-props';
import './summary.css';
import { errorText } from '../../i18n/messages';

type Report = ResultOf<'audit:preview'>;
type Format = 'html' | 'pdf' | 'json';

/**
 * True when a saved audit still describes the home as it stands now (every check with the same
 * status and the same kind of evidence, confirmations of the same date): then the summary shows it
 * as saved — after a reload too — instead of asking to save the same audit again.
 */
export function sameAudit(saved: Report, current: Report): boolean {
  const key = (r: Report) =>
    r.checks.map((c) => `${c.id}|${c.status}|${c.evidence.kind}|${c.evidence.kind === 'confirmed' || c.evidence.kind === 'expired' ? c.evidence.at : ''}`).join('\n');
  return saved.checks.length === current.checks.length && key(saved) === key(current);
}

/** Score, what moved it, the remaining actions by impact, the diff, the next date and the exports. */
function AuditReport({ report, saved, actions }: { report: Report; saved: boolean; actions: ReactNode }) {
  const { t } = useTranslation('audit');
  const title = new Map(report.checks.map((c) => [c.id, checkText(c, 'title')]));
  const status = (s: Report['checks'][number]['status']) => t(`status.${s}`);
  const d = report.diff;
  const devices = (list: Report['inventory']) => list.map((x) => x.name ?? x.vendor ?? x.key).join(', ');
  const changes = (list: Report['diff']['improved']) => list.map((c) => t('change', { title: title.get(c.id) ?? c.id, from: status(c.from), to: status(c.to) })).join('; ');
  const diffLines = [
    d.newDevices.length ? t('diffNewDevices', { list: devices(d.newDevices) }) : null,
    d.goneDevices.length ? t('diffGoneDevices', { list: devices(d.goneDevices) }) : null,
    d.regressed.length ? t('diffRegressed', { list: changes(d.regressed) }) : null,
    d.improved.length ? t('diffImproved', { list: changes(d.improved) }) : null,
    d.expiredConfirmations.length ? t('diffExpired', { list: d.expiredConfirmations.map((e) => title.get(e.id) ?? e.id).join(', ') }) : null,
  ].filter((l): l is string => l !== null);
  return (
    <>
      <section className="audit-score" aria-labelledby="audit-score-heading" data-testid="audit-score">
        <h3 id="audit-score-heading">{t('heading')}</h3>
        <p className="audit-score-figure">{t('scoreLabel', { score: report.score })}</p>
        <p className="hint">{t('scoreHint')}</p>
      </section>
      {actions}
      <Disclosure quiet summary={t('factorsSummary')}>
      <div className="audit-factors">
        <section aria-labelledby="audit-raised">
          <h4 id="audit-raised">{t('raisedHeading')}</h4>
          {report.scoreBreakdown.raised.length === 0 ? (
            <p>{t('nothingRaised')}</p>
          ) : (
            <ul data-testid="audit-raised">
              {report.scoreBreakdown.raised.map((f) => (
                <li key={f.id}>{t('factor', { sign: '+', points: f.earned, title: f.title, status: status(f.status) })}</li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="audit-lowered">
          <h4 id="audit-lowered">{t('loweredHeading')}</h4>
          {report.scoreBreakdown.lowered.length === 0 ? (
            <p>{t('nothingLowered')}</p>
          ) : (
            <ul data-testid="audit-lowered">
              {report.scoreBreakdown.lowered.map((f) => (
                <li key={f.id}>{t('factor', { sign: '−', points: f.lost, title: f.title, status: status(f.status) })}</li>
              ))}
            </ul>
          )}
        </section>
      </div>
      </Disclosure>
      {report.scoreBreakdown.excluded.length > 0 && <p>{t('excluded', { checks: report.scoreBreakdown.excluded.map((id) => title.get(id) ?? id).join(', ') })}</p>}
      <section className="audit-actions" aria-labelledby="audit-actions-heading">
        <h3 id="audit-actions-heading">{t('actionsHeading')}</h3>
        {report.actions.length === 0 ? (
          <p>{t('actionsNone')}</p>
        ) : (
          <ol data-testid="audit-actions">
            {report.actions.map((a) => (
              <li key={a.id} data-check-id={a.id}>
                <strong>{checkText(a, 'title')}</strong> <span className="points">{t('action', { points: a.points })}</span>
                <br />
                {checkText(a, 'next')}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="audit-diff" aria-labelledby="audit-diff-heading" data-testid="audit-diff">
        <h3 id="audit-diff-heading">{t('diffHeading')}</h3>
        {d.previous === null ? (
          <p>{t('diffFirst')}</p>
        ) : (
          <>
            <p>{t('diffSince', { date: formatDate(d.previous.at), score: d.previous.score })}</p>
            {diffLines.length === 0 ? (
              <p>{t('diffNothing')}</p>
            ) : (
              <ul>
                {diffLines.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      <section aria-labelledby="audit-next-heading">
        <h3 id="audit-next-heading">{t('nextHeading')}</h3>
        <p data-testid="audit-next-due">
          {saved
            ? t('nextDue', { date: formatDate(report.schedule.nextDueAt), days: report.schedule.intervalDays })
            : t('nextDuePreview', { date: formatDate(report.schedule.nextDueAt) })}
        </p>
      </section>
    </>
  );
}

/**
 * Extension point of the summary step: the audit (score and why, remaining actions by impact,
 * the diff against the last audit, the next re-audit date), saving it to the history, and the
 * HTML/PDF/JSON exports; then the steps skipped with their reasons and the check-up button.
 */
export function Panel({ checks }: PanelProps) {
  const { t } = useTranslation(['audit', 'panels', 'wizard']);
  const actor = useWizard();
  const mode = useSelector(actor, (s) => s.context.mode);
  const boardChecks = useSelector(actor, selectChecks);
  const skipped = useSelector(actor, (s) => s.context.skipped);
  const [preview, setPreview] = useState<Report | null>(null);
  const [saved, setSaved] = useState<Report | null>(null);
  const [busy, setBusy] = useState<'save' | Format | null>(null);
  const [exports, setExports] = useState<Array<{ format: Format; path: string }>>([]);
  const [error, setError] = useState<string | null>(null);
  const [schedule, setSchedule] = useState<ResultOf<'audit:status'> | null>(null);

  // On arrival: where the re-audit schedule stands; a pending "Re-audit now" (tray, notification) starts the check-up.
  useEffect(() => {
    let live = true;
    call(getApi(), 'audit:status', {})
      .then((s) => {
        if (!live) return;
        setSchedule(s);
        if (s.reauditRequested) actor.send({ type: 'START_OVER', mode: 're-audit' });
      })
      .catch((e: Error) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [actor]);

  useEffect(() => {
    let live = true;
    Promise.all([call(getApi(), 'audit:preview', {}), call(getApi(), 'audit:history', {})])
      .then(async ([r, history]) => {
        if (!live) return;
        setPreview(r);
        // The newest saved audit stays "saved" while nothing has changed since (across reloads too).
        if (history.length === 0) return setSaved(null);
        const latest = await call(getApi(), 'audit:report', {});
        if (live) setSaved((s) => (sameAudit(latest, r) ? latest : s && sameAudit(s, r) ? s : null));
      })
      .catch((e: Error) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [checks, boardChecks]);

  const save = useCallback(async () => {
    setBusy('save');
    setError(null);
    try {
      setSaved(await call(getApi(), 'audit:complete', { mode: mode === 're-audit' ? 're-audit' : 'first-time' }));
      setExports([]);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  }, [mode]);

  const exportAs = useCallback(
    async (format: Format) => {
      if (!saved) return;
      setBusy(format);
      setError(null);
      try {
        const out = await call(getApi(), 'audit:export', { format, id: saved.audit.id });
        setExports((list) => [...list, { format, path: out.path }]);
        setSaved(await call(getApi(), 'audit:report', { id: saved.audit.id }));
        // The export settles docs.report on the board too: the list shows what the score counts.
        actor.send({ type: 'REFRESH_CHECKS' });
      } catch (e) {
        setError(errorText(e));
      } finally {
        setBusy(null);
      }
    },
    [saved, actor],
  );

  const shown = saved ?? preview;
  const skippedSteps = Object.entries(skipped) as Array<[WizardStep, { reason: string }]>;
  // Save and export sit right under the score: the step's primary action, in view on arrival.
  const saveAndExport = (
    <div className="audit-save-export">
        <p aria-live="polite" data-testid="audit-saved">
          {saved ? t('audit:savedOn', { date: formatDate(saved.audit.at) }) : t('audit:unsaved')}
        </p>
        {!saved && (
          <button type="button" className="button-primary" onClick={save} disabled={busy !== null}>
            {busy === 'save' ? t('audit:saving') : t('audit:save')}
          </button>
        )}
        <section aria-labelledby="audit-export-heading">
          <h3 id="audit-export-heading">{t('audit:exportHeading')}</h3>
          <p className="hint" id="audit-export-hint">
            {saved ? t('audit:exportHint') : t('audit:exportNeedsSave')}
          </p>
          <div className="audit-export-buttons">
            {(['html', 'pdf', 'json'] as const).map((f) => (
              <button key={f} type="button" className="button-secondary" aria-describedby="audit-export-hint" disabled={!saved || busy !== null} onClick={() => exportAs(f)}>
                {busy === f ? t('audit:exporting') : t(f === 'html' ? 'audit:exportHtml' : f === 'pdf' ? 'audit:exportPdf' : 'audit:exportJson')}
              </button>
            ))}
          </div>
          <ul className="audit-exports" aria-live="polite" data-testid="audit-exports">
            {exports.map((e) => (
              <li key={e.path} data-format={e.format} data-path={e.path}>
                {t('audit:exported', { format: e.format.toUpperCase(), path: e.path })}
              </li>
            ))}
          </ul>
        </section>
    </div>
  );
  return (
    <div className="summary-panel">
      {schedule && schedule.nextDueAt && (schedule.state === 'due' || schedule.state === 'overdue') && (
        <p className="notice" role="status" data-testid="audit-due">
          {t(schedule.state === 'overdue' ? 'audit:overdueBanner' : 'audit:dueBanner', { date: formatDate(schedule.nextDueAt) })}
        </p>
      )}
      <div className="audit-summary">
        {shown ? <AuditReport report={shown} saved={saved !== null} actions={saveAndExport} /> : <p aria-live="polite">{t('audit:loading')}</p>}
        {error && <Notice tone="error">{t('audit:error', { message: error })}</Notice>}
      </div>
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
