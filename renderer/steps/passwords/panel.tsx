import { useEffect, useId, useState } from 'react';
import { useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../main/ipc/contract';
import type { PanelProps } from '../shared/panel-props';
import { ConfirmChecks } from '../shared/confirm-checks';
import { useWizard } from '../../wizard/wizard-context';
import { call, getApi } from '../../wizard/api';
import { LoginTarget } from './login-target';
import { RouterAutomation } from '../../components/router-automation/router-automation';
import { UserText, USER_TEXT_ATTRS } from '../../components/user-text';
import { Disclosure, Notice } from '../../design';
import { errorText } from '../../i18n/messages';

type Vendor = ResultOf<'passwords:vendors'>[number];
type Targets = ResultOf<'passwords:targets'>;
type Answers = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'device';

/** A device the user added: stored in answers as "id|name|host|vendor|https" (no secret in it). */
interface DeviceEntry {
  id: string;
  name: string;
  host: string;
  vendor: string;
  https: boolean;
}
const encode = (d: DeviceEntry) => [d.id, d.name, d.host, d.vendor, d.https ? '1' : '0'].map((x) => x.replace(/\|/g, ' ')).join('|').slice(0, 200);
const decode = (s: string): DeviceEntry | null => {
  const [id, name, host, vendor, https] = s.split('|');
  return id && name !== undefined ? { id, name, host: host ?? '', vendor: vendor ?? '', https: https === '1' } : null;
};

/**
 * The passwords step: the router's admin login first (probe with consent, result in plain words,
 * a new password into the keychain shown once, re-check), then each device with a web login, then
 * the user's word for devices Porchlight cannot probe.
 */
export function Panel({ checks }: PanelProps) {
  const { t } = useTranslation('passwords');
  const actor = useWizard();
  const id = useId();
  const consent = useSelector(actor, (s) => s.context.consent.credentialProbe) === true;
  const answers = useSelector(actor, (s) => s.context.answers.passwords ?? {}) as Answers;
  const survey = useSelector(actor, (s) => s.context.answers.survey ?? {}) as Answers;
  const [vendors, setVendors] = useState<readonly Vendor[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState({ name: '', host: '', vendor: '' });
  const [draftError, setDraftError] = useState(false);
  const [targets, setTargets] = useState<Targets | null>(null);
  const [found, setFound] = useState<Record<string, { host: string; vendor: string; https: boolean }>>({});
  /** Counts the router automation's changes: the router login above reads its saved passwords again (the new one and the kept previous one). */
  const [routerChanged, setRouterChanged] = useState(0);

  useEffect(() => {
    let live = true;
    call(getApi(), 'passwords:vendors', {})
      .then((v) => live && setVendors(v))
      .catch((err: Error) => live && setLoadError(errorText(err)));
    call(getApi(), 'passwords:targets', {})
      .then((v) => live && setTargets(v))
      .catch(() => live && setTargets(null));
    return () => {
      live = false;
    };
  }, []);

  const answer = (key: string, value: string | boolean | string[]) => actor.send({ type: 'ANSWER', step: 'passwords', key, value });
  const devices = (Array.isArray(answers.devices) ? answers.devices : []).map((x) => decode(str(x))).filter((d): d is DeviceEntry => d !== null);
  const saveDevices = (list: DeviceEntry[]) => answer('devices', list.map(encode));
  const routerVendors = vendors.filter((v) => v.kind === 'router');
  const routerHost = str(answers.routerHost) || targets?.gateway || str(survey.gateway);
  const routerVendor =
    str(answers.routerVendorId) ||
    targets?.routerVendorId ||
    routerVendors.find((v) => str(survey.routerVendor) && v.name.toLowerCase().includes(str(survey.routerVendor).toLowerCase()))?.id ||
    '';
  const inventory = targets?.devices ?? [];
  const foundOf = (d: Targets['devices'][number]) => found[d.id] ?? { host: d.ip, vendor: d.vendorId ?? '', https: false };

  const addDevice = () => {
    if (!draft.name.trim() || !draft.host.trim()) {
      setDraftError(true);
      return;
    }
    setDraftError(false);
    let deviceId = slug(draft.name);
    while (devices.some((d) => d.id === deviceId)) deviceId = `${deviceId}-2`.slice(0, 60);
    saveDevices([...devices, { id: deviceId, name: draft.name.trim().slice(0, 60), host: draft.host.trim(), vendor: draft.vendor, https: false }]);
    setDraft({ name: '', host: '', vendor: '' });
  };

  return (
    <div className="passwords-panel">
      <p>{t('intro')}</p>
      {!consent && <Notice tone="warn">{t('noConsent')}</Notice>}
      {loadError && <Notice tone="error">{t('loadFailed', { message: loadError })}</Notice>}

      <section aria-labelledby={`${id}-router`}>
        <h3 id={`${id}-router`}>{t('routerHeading')}</h3>
        <p className="hint">{t('routerIntro')}</p>
        <LoginTarget
          target={{ kind: 'router' }}
          host={routerHost}
          https={answers.routerHttps === true}
          vendor={routerVendor}
          vendors={routerVendors}
          consent={consent}
          refreshKey={routerChanged}
          onChange={(field, value) => answer(field === 'host' ? 'routerHost' : field === 'vendor' ? 'routerVendorId' : 'routerHttps', value)}
        />
        {/* Where the surveyed router is one Porchlight can change: a new admin password, made and kept main-side. */}
        <RouterAutomation
          adminPassword
          onChanged={() => {
            setRouterChanged((n) => n + 1);
            actor.send({ type: 'REFRESH_CHECKS' });
          }}
        />
      </section>

      <section aria-labelledby={`${id}-devices`}>
        <h3 id={`${id}-devices`}>{t('devicesHeading')}</h3>
        <p className="hint">{t('devicesIntro')}</p>
        {inventory.length > 0 && (
          <>
            <h4>{t('foundHeading')}</h4>
            {[true, false].map((web) => {
              const list = inventory.filter((d) => !!d.web === web);
              if (list.length === 0) return null;
              const items = (
                <ul className="device-logins">
                  {list.map((d) => (
                    <li key={d.id}>
                      <Disclosure summary={<UserText>{d.name}</UserText>} open={web} data-testid={`login-device-${d.id}`}>
                        {!d.web && <p className="hint">{t('noWebSeen')}</p>}
                        <LoginTarget
                          target={{ kind: 'device', id: d.id }}
                          host={foundOf(d).host}
                          https={foundOf(d).https}
                          vendor={foundOf(d).vendor}
                          vendors={vendors.filter((v) => v.kind !== 'router')}
                          consent={consent}
                          onChange={(field, value) => setFound({ ...found, [d.id]: { ...foundOf(d), [field]: value } })}
                        />
                      </Disclosure>
                    </li>
                  ))}
                </ul>
              );
              return web ? (
                <div key="web">
                  <p className="hint">{t('withLoginPage', { count: list.length })}</p>
                  {items}
                </div>
              ) : (
                <Disclosure key="no-web" quiet summary={t('withoutLoginPage', { count: list.length })} data-testid="devices-without-login">
                  {items}
                </Disclosure>
              );
            })}
          </>
        )}
        {devices.length === 0 && inventory.length === 0 && <p className="hint">{t('noDevices')}</p>}
        <ul className="device-logins">
          {devices.map((d) => (
            <li key={d.id}>
              <h4>
                <UserText>{d.name}</UserText>
              </h4>
              <LoginTarget
                target={{ kind: 'device', id: d.id }}
                host={d.host}
                https={d.https}
                vendor={d.vendor}
                vendors={vendors.filter((v) => v.kind !== 'router')}
                consent={consent}
                onChange={(field, value) => saveDevices(devices.map((x) => (x.id === d.id ? { ...x, [field]: value } : x)))}
              />
              <div className="button-row">
                <button type="button" className="button-secondary" onClick={() => saveDevices(devices.filter((x) => x.id !== d.id))}>
                  {t('removeDevice', { name: d.name })}
                </button>
              </div>
            </li>
          ))}
        </ul>
        <Disclosure quiet summary={t('addDeviceHeading')}>
        <div className="add-device">
          <div className="field">
            <label htmlFor={`${id}-dname`}>{t('deviceName')}</label>
            <input id={`${id}-dname`} type="text" maxLength={60} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-dhost`}>{t('address')}</label>
            <input id={`${id}-dhost`} type="text" maxLength={80} value={draft.host} onChange={(e) => setDraft({ ...draft, host: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-dvendor`}>{t('brand')}</label>
            <select id={`${id}-dvendor`} value={draft.vendor} onChange={(e) => setDraft({ ...draft, vendor: e.target.value })}>
              <option value="">{t('brandUnknown')}</option>
              {vendors
                .filter((v) => v.kind !== 'router')
                .map((v) => (
                  <option key={v.id} value={v.id} {...USER_TEXT_ATTRS}>
                    {v.name}
                  </option>
                ))}
            </select>
          </div>
          {draftError && <Notice tone="error">{t('deviceInvalid')}</Notice>}
          <div className="button-row">
            <button type="button" onClick={addDevice}>
              {t('addDevice')}
            </button>
          </div>
        </div>
        </Disclosure>
      </section>

      <ConfirmChecks checks={checks} />
    </div>
  );
}
