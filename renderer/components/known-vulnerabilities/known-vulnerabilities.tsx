import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Disclosure } from '../../design';
import type { ResultOf } from '../../../main/ipc/contract';
import './known-vulnerabilities.css';
import { errorText } from '../../i18n/messages';

export type VulnView = ResultOf<'vulns:view'>;
type Device = VulnView['devices'][number];
type Match = Device['matches'][number];

/**
 * Per device: firmware, whether it updates itself, its entries in CISA's Known Exploited
 * Vulnerabilities catalog with the required action in plain words first (CISA's own words second),
 * the catalog date, and — for a device Porchlight could not identify — a form for its maker and model.
 * Presentational: the step passes the data and the `onIdentify` call.
 */
export function KnownVulnerabilities({ view, onIdentify }: { view: VulnView; onIdentify: (id: string, maker: string, model: string) => Promise<void> }) {
  const { t } = useTranslation('panels');
  const order: Record<Device['status'], number> = { 'end-of-life': 0, listed: 1, unidentified: 2, clear: 3 };
  const devices = [...view.devices].sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name));
  return (
    <section className="known-vulns" aria-labelledby="known-vulns-heading" data-testid="known-vulnerabilities">
      <h3 id="known-vulns-heading">{t('knownVulnerabilities.heading')}</h3>
      <p className="muted">{t('knownVulnerabilities.catalog', { version: view.catalogVersion.replace(/\./g, '-'), count: view.catalogCount })}</p>
      {devices.length === 0 ? <p>{t('knownVulnerabilities.noDevices')}</p> : null}
      <DeviceList devices={devices.filter((d) => d.matches.length > 0)} onIdentify={onIdentify} />
      {/* Devices with nothing on the list stay one click away, counted (issue 17: the step's first screen stays short). */}
      {(['unidentified', 'clear'] as const).map((status) => {
        const group = devices.filter((d) => d.matches.length === 0 && d.status === status);
        return group.length ? (
          <Disclosure key={status} summary={t(`knownVulnerabilities.group.${status}`)} count={group.length} data-testid={`known-vulns-group-${status}`}>
            <DeviceList devices={group} onIdentify={onIdentify} />
          </Disclosure>
        ) : null;
      })}
    </section>
  );
}

function DeviceList({ devices, onIdentify }: { devices: Device[]; onIdentify: (id: string, maker: string, model: string) => Promise<void> }) {
  if (!devices.length) return null;
  return (
    <ul className="known-vulns-devices">
      {devices.map((d) => (
        <DeviceItem key={d.key} device={d} onIdentify={onIdentify} />
      ))}
    </ul>
  );
}

function DeviceItem({ device: d, onIdentify }: { device: Device; onIdentify: (id: string, maker: string, model: string) => Promise<void> }) {
  const { t } = useTranslation('panels');
  // A fact with how Porchlight knows it ("yes (the router's own answer)").
  const withBasis = (fact: string, basis: Device['updatesItselfBasis'] | null): string => (basis ? t('knownVulnerabilities.features.with', { fact, basis: t(`knownVulnerabilities.basis.${basis}`) }) : fact);
  const identity = [d.vendor, d.model].filter(Boolean).join(' ');
  const shown = identity && !d.name.includes(identity) ? identity : null;
  return (
    <li className={`known-vulns-device known-vulns-${d.status}`} data-testid="known-vulns-device" data-status={d.status} data-key={d.key}>
      <h4>
        {d.name}
        {shown ? <span className="muted"> — {shown}</span> : null}
      </h4>
      <p className="known-vulns-verdict">{t(`knownVulnerabilities.status.${d.status}`)}</p>
      <dl className="known-vulns-facts">
        <dt>{t('knownVulnerabilities.firmware')}</dt>
        <dd>{d.firmware ?? t('knownVulnerabilities.notKnown')}</dd>
        <dt>{t('knownVulnerabilities.updatesItself')}</dt>
        <dd data-testid="known-vulns-updates">
          {d.updatesItself === null
            ? t('knownVulnerabilities.updatesNotKnown')
            : withBasis(d.updatesItself ? t('knownVulnerabilities.yes') : t('knownVulnerabilities.no'), d.updatesItselfBasis ?? null)}
        </dd>
        {d.features ? (
          <>
            <dt>{t('knownVulnerabilities.features.heading')}</dt>
            <dd data-testid="known-vulns-features">
              {d.features
                .filter((f) => f.state !== null)
                .map((f) => (
                  <span key={f.id} className="known-vulns-feature">
                    {withBasis(t(`knownVulnerabilities.features.${f.id}.${f.state ? 'yes' : 'no'}`), f.basis)}
                    <br />
                  </span>
                ))}
              {d.features.some((f) => f.state === null) ? (
                <span className="muted">{t('knownVulnerabilities.features.notKnown', { names: d.features.filter((f) => f.state === null).map((f) => t(`knownVulnerabilities.features.${f.id}.name`)).join(', ') })}</span>
              ) : null}
            </dd>
          </>
        ) : null}
        {d.identifiedBy ? (
          <>
            <dt>{t('knownVulnerabilities.identifiedBy')}</dt>
            <dd>{t(`knownVulnerabilities.by.${d.identifiedBy}`)}</dd>
          </>
        ) : null}
      </dl>
      {d.matches.length ? (
        <ul className="known-vulns-matches">
          {d.matches.map((m) => (
            <MatchItem key={m.cve} match={m} />
          ))}
        </ul>
      ) : null}
      {d.status === 'unidentified' && d.key !== 'router' ? <IdentifyForm device={d} onIdentify={onIdentify} /> : null}
    </li>
  );
}

function MatchItem({ match: m }: { match: Match }) {
  const { t } = useTranslation('panels');
  // A family match on an end-of-life entry does not say the model is end of life: it may be.
  const action = m.how === 'model-family' && m.action === 'end-of-life' ? 'possibly-end-of-life' : m.action;
  return (
    <li className="known-vulns-match" data-testid="known-vulns-match" data-cve={m.cve} data-how={m.how}>
      <p>
        <b>{m.name}</b> <span className="muted">({m.cve})</span>
        {m.newSinceLastAudit ? <span className="known-vulns-new"> {t('knownVulnerabilities.newSince')}</span> : null}
      </p>
      <p className="known-vulns-action">{t(`knownVulnerabilities.action.${action}`)}</p>
      <p className="muted">{t(`knownVulnerabilities.how.${m.how}`, { matched: m.matched })}</p>
      <p className="muted">{t('knownVulnerabilities.added', { date: m.dateAdded })}</p>
      {m.affected === 'yes' ? <p>{t('knownVulnerabilities.affected')}</p> : null}
      <details>
        <summary>{t('knownVulnerabilities.cisaWords')}</summary>
        <p>{m.requiredAction}</p>
      </details>
    </li>
  );
}

function IdentifyForm({ device, onIdentify }: { device: Device; onIdentify: (id: string, maker: string, model: string) => Promise<void> }) {
  const { t } = useTranslation('panels');
  const makerId = useId();
  const modelId = useId();
  const errorId = useId();
  const [maker, setMaker] = useState(device.vendor ?? '');
  const [model, setModel] = useState(device.model ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!maker.trim() || !model.trim()) {
      setError(t('knownVulnerabilities.form.both'));
      return;
    }
    setBusy(true);
    onIdentify(device.key, maker.trim(), model.trim())
      .then(() => setError(null))
      .catch((err: Error) => setError(errorText(err)))
      .finally(() => setBusy(false));
  };
  return (
    <form className="known-vulns-form" onSubmit={submit} aria-describedby={error ? errorId : undefined} data-testid="known-vulns-identify">
      <p>{t(`knownVulnerabilities.missing.${device.missing ?? 'both'}`)}</p>
      <label htmlFor={makerId}>{t('knownVulnerabilities.form.maker')}</label>
      <input id={makerId} value={maker} onChange={(e) => setMaker(e.target.value)} maxLength={200} />
      <label htmlFor={modelId}>{t('knownVulnerabilities.form.model')}</label>
      <input id={modelId} value={model} onChange={(e) => setModel(e.target.value)} maxLength={200} />
      <button type="submit" disabled={busy}>
        {t('knownVulnerabilities.form.submit')}
      </button>
      {error ? (
        <p id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
