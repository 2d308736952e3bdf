import { useId, useState } from 'react';
import { Notice } from '../../design';
import { useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../main/ipc/contract';
import type { PanelProps } from '../shared/panel-props';
import { ConfirmChecks } from '../shared/confirm-checks';
import { useWizard } from '../../wizard/wizard-context';
import { call, getApi } from '../../wizard/api';
import { formatDate } from '../../i18n';
import { useLoad, useOpenExternal, useSyncConfirmations } from '../accounts/use-step-api';
import { KnownVulnerabilitiesSection } from './known-vulnerabilities';
import { RouterAutomation } from '../../components/router-automation/router-automation';
import { errorText } from '../../i18n/messages';

type Plan = ResultOf<'updates:plan'>;
type Answers = Record<string, unknown>;

const keyOf = (deviceId: string) => `fw.${deviceId.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The updates step: firmware per device (the router's version as the survey read it, else asked),
 * automatic updates, and an outage plan by risk profile — what stops without internet, local
 * automation, cellular backup, professional monitoring and the hybrid setup. Answers are
 * recorded dated (updates:confirm-firmware, updates:confirm-outage-plan).
 */
export function Panel({ checks }: PanelProps) {
  const { t } = useTranslation('accounts');
  const actor = useWizard();
  const answers = useSelector(actor, (s) => s.context.answers.updates ?? {}) as Answers;
  // The router comes from the home model (the survey's identity, each field with its source), read in the core.
  const { value: plan, error } = useLoad('updates:plan', {});
  useSyncConfirmations(checks);
  const answer = (key: string, value: string | string[]) => actor.send({ type: 'ANSWER', step: 'updates', key, value });
  // The quick answers (ConfirmChecks) render at once, whatever the guide's loading state.
  return (
    <div className="updates-panel">
      {error ? (
        <Notice tone="error">{t('loadFailed', { message: error })}</Notice>
      ) : !plan ? (
        <p aria-live="polite">{t('loading')}</p>
      ) : (
        <>
          <Firmware plan={plan} answers={answers} onAnswer={answer} />
          <KnownVulnerabilitiesSection />
          {/* "Let Porchlight change it": WPS, remote administration and UPnP off on a supported router (issue 16). */}
          <RouterAutomation onChanged={() => actor.send({ type: 'REFRESH_CHECKS' })} />
          <OutagePlan plan={plan} answers={answers} onAnswer={answer} />
        </>
      )}
      <ConfirmChecks checks={checks} />
    </div>
  );
}

function Firmware({ plan, answers, onAnswer }: { plan: Plan; answers: Answers; onAnswer: (key: string, value: string | string[]) => void }) {
  const { t } = useTranslation('accounts');
  const actor = useWizard();
  const id = useId();
  const { open, state: opened } = useOpenExternal();
  const [newName, setNewName] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const extra = (Array.isArray(answers.extraDevices) ? answers.extraDevices : []).filter((x): x is string => typeof x === 'string');
  const devices = [
    ...plan.devices.map((d) => ({ id: d.id, name: d.name, previous: d.answer })),
    ...extra.map((name) => ({ id: `manual-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40)}`, name, previous: null })),
  ];
  const deviceAnswer = (d: { id: string; previous: string | null }) => str(answers[keyOf(d.id)]) || d.previous || '';
  const router = plan.router;
  const manualRouter = { vendor: str(answers.routerVendor) || null, model: str(answers.routerModel) || null, firmware: str(answers.routerFirmware) || null, sources: [] as string[] };
  const routerAnswer = str(answers.routerAnswer) || plan.previous.routerAnswer || '';
  const missing = devices.filter((d) => !deviceAnswer(d)).length > 0 || !routerAnswer;

  const save = async () => {
    try {
      const out = await call(getApi(), 'updates:confirm-firmware', {
        devices: devices.map((d) => ({ id: d.id, name: d.name, answer: deviceAnswer(d) })),
        router: { identity: router ?? (manualRouter.vendor || manualRouter.model || manualRouter.firmware ? manualRouter : null), answer: routerAnswer },
      });
      const c = out.checks.find((x) => x.evidence.kind === 'confirmed');
      setResult({ ok: true, text: c && c.evidence.kind === 'confirmed' ? t('saved', { date: formatDate(c.evidence.at), until: formatDate(c.evidence.expiresAt) }) : t('updates.savedNoDate') });
      actor.send({ type: 'REFRESH_CHECKS' });
    } catch (err) {
      setResult({ ok: false, text: t('saveFailed', { message: errorText(err) }) });
    }
  };

  const answerSelect = (selectId: string, value: string, onChange: (v: string) => void) => (
    <select id={selectId} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('enabledChoose')}</option>
      {plan.firmware.answers.map((a) => (
        <option key={a.id} value={a.id}>
          {a.label}
        </option>
      ))}
    </select>
  );

  return (
    <section className="updates-firmware" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('updates.firmwareHeading')}</h3>
      <p>{plan.firmware.why}</p>
      <p className="hint">{plan.firmware.autoUpdateWhy}</p>

      <h4>{t('updates.routerHeading')}</h4>
      {router ? (
        <p data-testid="router-identity">
          {t('updates.routerRead', {
            name: [router.vendor, router.model].filter(Boolean).join(' ') || t('updates.routerUnnamed'),
            firmware: router.firmware ?? t('updates.firmwareUnknown'),
            sources: router.sources.map((s) => t(`survey:source.${s}`, { defaultValue: t('updates.sourcesUnknown') })).join(', ') || t('updates.sourcesUnknown'),
          })}
        </p>
      ) : (
        <div className="router-manual">
          <p className="hint">{t('updates.routerNotRead')}</p>
          {(['routerVendor', 'routerModel', 'routerFirmware'] as const).map((k) => (
            <div key={k} className="field">
              <label htmlFor={`${id}-${k}`}>{t(`updates.${k}`)}</label>
              <input id={`${id}-${k}`} type="text" maxLength={100} value={str(answers[k])} onChange={(e) => onAnswer(k, e.target.value)} />
            </div>
          ))}
        </div>
      )}
      {plan.routerFirmwareUrl && (
        <div className="button-row">
          <button type="button" className="button-secondary" onClick={() => void open(plan.routerFirmwareUrl!)}>
            {t('updates.openFirmwarePage')}
          </button>
          <span aria-live="polite" className="hint">
            {opened ? (opened.ok ? t('opened') : t('openFailed', { message: opened.message })) : ''}
          </span>
        </div>
      )}
      <label htmlFor={`${id}-router`}>{t('updates.routerQuestion')}</label>
      {answerSelect(`${id}-router`, routerAnswer, (v) => onAnswer('routerAnswer', v))}

      <h4>{t('updates.devicesHeading')}</h4>
      {devices.length === 0 && <p className="hint">{t('updates.noDevices')}</p>}
      <ul className="device-firmware">
        {devices.map((d, i) => (
          <li key={d.id}>
            <label htmlFor={`${id}-d${i}`}>{t('updates.deviceQuestion', { name: d.name })}</label>
            {answerSelect(`${id}-d${i}`, deviceAnswer(d), (v) => onAnswer(keyOf(d.id), v))}
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor={`${id}-add`}>{t('updates.addDevice')}</label>
        <input id={`${id}-add`} type="text" maxLength={80} value={newName} onChange={(e) => setNewName(e.target.value)} />
        <button
          type="button"
          className="button-secondary"
          disabled={!newName.trim() || extra.includes(newName.trim())}
          onClick={() => {
            onAnswer('extraDevices', [...extra, newName.trim()]);
            setNewName('');
          }}
        >
          {t('updates.addDeviceButton')}
        </button>
      </div>

      <div className="save-row">
        <button type="button" className="button-primary" disabled={missing} onClick={() => void save()}>
          {t('updates.saveFirmware')}
        </button>
        <p aria-live="polite">{result?.text ?? ''}</p>
      </div>
    </section>
  );
}

function OutagePlan({ plan, answers, onAnswer }: { plan: Plan; answers: Answers; onAnswer: (key: string, value: string) => void }) {
  const { t } = useTranslation('accounts');
  const actor = useWizard();
  const id = useId();
  const [result, setResult] = useState<string | null>(null);
  const profileId = str(answers.profile) || plan.previous.profile || '';
  const profile = plan.profiles.find((p) => p.id === profileId);
  const choice = str(answers.choice) || (profileId === plan.previous.profile ? plan.previous.choice : '') || '';

  const save = async () => {
    try {
      const out = await call(getApi(), 'updates:confirm-outage-plan', { profile: profileId, choice });
      const e = out.check.evidence;
      setResult(e.kind === 'confirmed' ? t('saved', { date: formatDate(e.at), until: formatDate(e.expiresAt) }) : t('updates.savedNoDate'));
      actor.send({ type: 'REFRESH_CHECKS' });
    } catch (err) {
      setResult(t('saveFailed', { message: errorText(err) }));
    }
  };

  return (
    <section className="updates-outage" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('updates.outageHeading')}</h3>
      <p>{t('updates.outageIntro')}</p>
      <fieldset>
        <legend>{t('updates.profileLegend')}</legend>
        {plan.profiles.map((p) => (
          <label key={p.id} className="choice">
            <input type="radio" name={`${id}-profile`} value={p.id} checked={profileId === p.id} onChange={() => {
                onAnswer('profile', p.id);
                onAnswer('choice', '');
              }}
            />
            <span>
              {p.name}
              <span className="hint"> {p.who}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {profile && (
        <>
          <dl className="outage-plan">
            <dt>{t('updates.stops')}</dt>
            <dd>
              <ul>
                {profile.stopsWithoutInternet.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            </dd>
            <dt>{t('updates.localAutomation')}</dt>
            <dd>{profile.localAutomation}</dd>
            <dt>{t('updates.cellularBackup')}</dt>
            <dd>{profile.cellularBackup}</dd>
            <dt>{t('updates.professionalMonitoring')}</dt>
            <dd>{profile.professionalMonitoring}</dd>
            <dt>{t('updates.hybrid')}</dt>
            <dd>{profile.hybrid}</dd>
          </dl>
          <fieldset>
            <legend>{t('updates.choiceLegend')}</legend>
            {profile.choices.map((c) => (
              <label key={c.id} className="choice">
                <input type="radio" name={`${id}-choice`} value={c.id} checked={choice === c.id} onChange={() => onAnswer('choice', c.id)} />
                <span>{c.label}</span>
              </label>
            ))}
          </fieldset>
          <div className="save-row">
            <button type="button" className="button-primary" disabled={!choice} onClick={() => void save()}>
              {t('updates.savePlan')}
            </button>
            <p aria-live="polite">{result ?? ''}</p>
          </div>
        </>
      )}
    </section>
  );
}
