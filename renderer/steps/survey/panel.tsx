import { useId, useMemo, useState } from 'react';
import { useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import { PROBE_KINDS } from '../../wizard/machine';
import { useWizard } from '../../wizard/wizard-context';
import type { PanelProps } from '../shared/panel-props';
import { CATEGORIES, useSurvey, useSurveyScope, type DeviceCategory, type InventoryDevice } from './use-survey';
import { DeviceRow } from './device-row';
import { errorText } from '../../i18n/messages';
import { Disclosure, FormRow, Notice, Progress } from '../../design';
import { formatMessage } from '../../i18n/messages';
import { formatNumber } from '../../i18n/runtime';
import './survey.css';

/**
 * The survey step: what the user allowed, a survey with a progress bar, the router's identity with
 * where each fact came from, the inventory grouped by category (rename, remove, mark "move to the
 * IoT network", add by hand), and "I have reviewed this" (the step's required answer).
 */
export function Panel({ step }: PanelProps) {
  const { t } = useTranslation(['survey', 'panels']);
  const id = useId();
  const actor = useWizard();
  const consent = useSelector(actor, (s) => s.context.consent);
  const reviewed = useSelector(actor, (s) => s.context.answers.survey?.reviewed === true);
  const { status, inventory, error, start, edit, add, reviewed: markReviewed } = useSurvey();
  const allowed = consent.deviceDiscovery === true || consent.routerIdentity === true;
  const [asked, setAsked] = useState(false);
  const scope = useSurveyScope(allowed || asked);
  const running = status?.running ?? false;
  const report = inventory?.report ?? null;
  const router = report?.gateway.router ?? null;
  const groups = useMemo(() => {
    const by = new Map<DeviceCategory, InventoryDevice[]>();
    for (const d of inventory?.devices ?? []) by.set(d.category, [...(by.get(d.category) ?? []), d]);
    return CATEGORIES.filter((c) => by.has(c)).map((c) => ({ category: c, devices: by.get(c)! }));
  }, [inventory]);
  const [newName, setNewName] = useState('');
  const [newCategory, setNewCategory] = useState<DeviceCategory>('unknown');
  const [newIp, setNewIp] = useState('');

  return (
    <div className="survey-panel">
      <Disclosure quiet summary={<span id={`${id}-allowed`}>{t('panels:survey.allowedHeading')}</span>}>
        <ul className="consent-summary">
          {PROBE_KINDS.map((probe) => (
            <li key={probe}>
              {t(`panels:welcome.probe.${probe}`)}
              {': '}
              <strong>{consent[probe] === true ? t('panels:survey.allowed') : consent[probe] === false ? t('panels:survey.notAllowed') : t('panels:survey.notAnswered')}</strong>
            </li>
          ))}
        </ul>
      </Disclosure>

      <section aria-labelledby={`${id}-run`}>
        <h3 id={`${id}-run`}>{t('run.heading')}</h3>
        <p>{t('run.intro')}</p>
        {!allowed && !asked ? (
          <>
            <Notice tone="info">{t('run.noConsent')}</Notice>
            <button type="button" className="button-choice" onClick={() => setAsked(true)}>
              {t('run.allowOnce')}
            </button>
          </>
        ) : (
          <>
            {scope?.available === true && (
              <p data-testid="survey-scope">
                {scope.gateway
                  ? t('run.scope', { iface: scope.interface, address: scope.address, subnet: scope.subnet, gateway: scope.gateway })
                  : t('run.scopeNoRouter', { iface: scope.interface, address: scope.address, subnet: scope.subnet })}
              </p>
            )}
            {scope?.available === false && (
              <Notice tone="error" data-testid="survey-scope-unavailable">
                {t('run.scopeUnavailable', { reason: errorText({ userMessage: scope.reason }) })}
              </Notice>
            )}
            <button type="button" className="button-primary" disabled={running} onClick={() => void start()}>
              {report ? t('run.again') : t('run.start')}
            </button>
          </>
        )}
        {status && (running || status.phase === 'done') && (
          <Progress data-testid="survey-progress" data-phase={status.phase} label={t('run.progressLabel')} value={status.fraction} state={t(`phase.${status.phase}`)} />
        )}
        {error && <Notice tone="error">{t('run.error', { reason: error })}</Notice>}
        {report && (
          <p className="hint" data-testid="survey-summary">
            {t('run.summary', { count: report.devices.filter((d) => d.seenBy.length > 0).length, seconds: formatNumber(Math.round(report.durationMs / 100) / 10) })}
          </p>
        )}
        {report?.notes.map((n, i) => (
          <p className="hint" data-testid="survey-note" data-code={n.code} key={`${n.code}-${i}`}>
            {formatMessage(n)}
          </p>
        ))}
      </section>

      {report && (
        <section aria-labelledby={`${id}-router`} data-testid="survey-router">
          <h3 id={`${id}-router`}>{t('router.heading')}</h3>
          {report.gateway.address === null ? (
            <p>{t('router.noGateway')}</p>
          ) : router && (router.vendor || router.model) ? (
            <dl className="survey-router">
              <dt>{t('router.address')}</dt>
              <dd>{report.gateway.address}</dd>
              {(['vendor', 'model', 'firmware'] as const).map((k) => (
                <div key={k}>
                  <dt>{t(`router.${k}`)}</dt>
                  <dd>
                    {router[k] ?? (router.unknown?.[k] ? t('router.unknownWhy', { reason: formatMessage(router.unknown[k]) }) : t('router.unknown'))}
                    {router.sources[k] && <span className="hint"> {t('router.source', { source: t(`source.${router.sources[k]}`) })}</span>}
                  </dd>
                </div>
              ))}
            </dl>
          ) : (
            <p>{t('router.unidentified', { address: report.gateway.address })}</p>
          )}
        </section>
      )}

      <section aria-labelledby={`${id}-devices`}>
        <h3 id={`${id}-devices`}>{t('devices.heading')}</h3>
        {groups.length === 0 ? <p>{t('devices.none')}</p> : <p className="hint">{t('devices.intro')}</p>}
        {groups.map((g) => (
          <Disclosure
            key={g.category}
            className="survey-group"
            data-testid="survey-group"
            data-category={g.category}
            summary={t(`category.${g.category}`)}
            count={t('devices.count', { count: g.devices.length, moving: g.devices.filter((d) => d.moveToIot).length })}
          >
            <ul className="survey-devices">
              {g.devices.map((d) => (
                <DeviceRow key={d.id} device={d} gateway={report?.gateway.address ?? null} onEdit={(change) => void edit(d.id, change)} />
              ))}
            </ul>
          </Disclosure>
        ))}
        <Disclosure quiet summary={t('add.heading')}>
        <form
          className="survey-add"
          aria-labelledby={`${id}-add`}
          onSubmit={(e) => {
            e.preventDefault();
            if (!newName.trim()) return;
            void add({ name: newName.trim(), category: newCategory, ip: newIp.trim() || null }).then((ok) => {
              if (ok) {
                setNewName('');
                setNewIp('');
              }
            });
          }}
        >
          <h4 id={`${id}-add`} className="visually-hidden">
            {t('add.heading')}
          </h4>
          <div className="field">
            <label htmlFor={`${id}-add-name`}>{t('add.name')}</label>
            <input id={`${id}-add-name`} value={newName} maxLength={80} onChange={(e) => setNewName(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-add-cat`}>{t('add.category')}</label>
            <select id={`${id}-add-cat`} value={newCategory} onChange={(e) => setNewCategory(e.target.value as DeviceCategory)}>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-add-ip`}>{t('add.ip')}</label>
            <input id={`${id}-add-ip`} value={newIp} maxLength={15} inputMode="decimal" onChange={(e) => setNewIp(e.target.value)} />
          </div>
          <button type="submit" className="button-choice">
            {t('add.submit')}
          </button>
        </form>
        </Disclosure>
      </section>

      <FormRow inline className="survey-reviewed">
        <input type="checkbox" id={`${id}-reviewed`} checked={reviewed} onChange={(e) => {
            actor.send({ type: 'ANSWER', step, key: 'reviewed', value: e.target.checked });
            // Reviewing the inventory is what devices.inventory measures (dated, verified).
            if (e.target.checked) void markReviewed().then(() => actor.send({ type: 'REFRESH_CHECKS' }));
          }}
        />
        <label htmlFor={`${id}-reviewed`}>{t('panels:survey.reviewed')}</label>
      </FormRow>
    </div>
  );
}
