import { useId, useMemo, useState } from 'react';
import { useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import { tList } from '../../i18n';
import { useWizard } from '../../wizard/wizard-context';
import type { PanelProps } from '../shared/panel-props';
import { ConfirmChecks } from '../shared/confirm-checks';
import { useGuides, useWifiScan, type NetworkView } from './use-wifi';
import { PassphraseSection } from './passphrase-section';
import { VerifySection } from './verify-section';
import { ExistingPassphrase } from './existing-passphrase';
import { ScanNotice, stepsOf } from './scan-notice';
import { CheckAgain } from './check-again';
import { RouterAutomation } from '../../components/router-automation/router-automation';
import './wifi.css';
import { USER_TEXT_ATTRS } from '../../components/user-text';

type SecurityClass = NetworkView['security'];
const STRONG: readonly SecurityClass[] = ['wpa3', 'wpa3-enterprise'];

/**
 * Which network the step speaks of as "your home network": the one the owner chose, else the one
 * this computer is connected to, else none — never a guess from the list of networks seen nearby
 * (the first name in the list is no evidence of anything).
 */
export function homeNetwork(answered: unknown, connectedSsid: string | null | undefined): string | null {
  if (typeof answered === 'string' && answered !== '') return answered;
  return connectedSsid ? connectedSsid : null;
}

/**
 * The wifi step: the home network's class in plain words, why and how to move to WPA3 (or
 * transition mode for devices that need it), the router family's steps and admin address, a new
 * passphrase shown once with a QR join code, and a rescan that proves the change.
 */
export function Panel({ step, checks }: PanelProps) {
  const { t } = useTranslation('wifi');
  const id = useId();
  const actor = useWizard();
  const consented = useSelector(actor, (s) => s.context.consent.wifiScan === true);
  const answers = useSelector(actor, (s) => s.context.answers.wifi ?? {});
  const [asked, setAsked] = useState(false);
  const [verifications, setVerifications] = useState(0);
  const { scan, status, busy, error, rescan } = useWifiScan(consented || asked);

  const networks = useMemo(() => (scan?.kind === 'ok' ? scan.value : []), [scan]);
  const ssids = useMemo(() => [...new Set(networks.map((n) => n.ssid).filter((s) => s !== ''))].sort((a, b) => a.localeCompare(b)), [networks]);
  const connected = status?.kind === 'ok' ? status.value : null;
  const chosen = homeNetwork(answers.homeSsid, connected?.ssid);
  const aps = chosen ? networks.filter((n) => n.ssid === chosen) : [];
  // the class over all access points comes from the core (the rule the audit's verifier applies)
  const combined = scan?.kind === 'ok' && chosen ? (scan.classes.find((c) => c.ssid === chosen)?.security ?? null) : null;
  const cls: SecurityClass | null = combined ?? (chosen && connected?.ssid === chosen ? connected.security : null);

  const guides = useGuides(chosen);
  const legacy = Array.isArray(answers.legacyDevices) ? answers.legacyDevices.filter((x): x is string => typeof x === 'string') : [];
  const mode: 'wpa3' | 'transition' = answers.targetMode === 'transition' || answers.targetMode === 'wpa3' ? answers.targetMode : legacy.length ? 'transition' : 'wpa3';
  const familyId = typeof answers.routerFamily === 'string' ? answers.routerFamily : (guides?.suggestedFamilyId ?? 'generic');
  const family = guides?.families.find((f) => f.id === familyId) ?? guides?.families.find((f) => f.id === 'generic');
  const legacyNames = guides ? guides.legacyDevices.filter((d) => legacy.includes(d.id)).map((d) => `${d.vendor} ${d.model}`) : [];

  const answer = (key: string, value: string | boolean | string[] | null) => actor.send({ type: 'ANSWER', step, key, value });

  return (
    <div className="wifi-panel">
      <section aria-labelledby={`${id}-net`}>
        <h3 id={`${id}-net`}>{t('heading.network')}</h3>
        {!consented && !asked && (
          <>
            <p className="callout">{t('scan.noConsent')}</p>
            <button type="button" className="button-primary" onClick={() => setAsked(true)}>
              {t('scan.scanAnyway')}
            </button>
          </>
        )}
        {busy && <p aria-live="polite">{t('scan.scanning')}</p>}
        {error && <p role="alert">{t('scan.unknown', { reason: error })}</p>}
        {scan?.kind === 'unknown' && <ScanNotice kind="alert" message={scan.reason} testId="wifi-scan-unknown" />}
        {scan?.kind === 'ok' && scan.notes.map((n) => <ScanNotice kind="note" message={n} key={JSON.stringify(n)} />)}
        {/* The scan worked but the current connection could not be read (macOS hides its name without Location permission): say why, not "not connected". */}
        {scan?.kind === 'ok' && status?.kind === 'unknown' && (
          <ScanNotice kind="status" message={status.reason} showSteps={!scan.notes.some((n) => stepsOf(n))} testId="wifi-status-unknown" />
        )}
        {scan?.kind === 'ok' && status?.kind === 'ok' && !connected && <p>{t('scan.notConnected')}</p>}
        {ssids.length > 0 && (
          <div className="field">
            <label htmlFor={`${id}-ssid`}>{t('scan.chooseLabel')}</label>
            <select id={`${id}-ssid`} value={chosen !== null && ssids.includes(chosen) ? chosen : ''} onChange={(e) => answer('homeSsid', e.target.value)}>
              <option value="" disabled>
                {t('scan.choosePlaceholder')}
              </option>
              {ssids.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
        )}
        {ssids.length === 0 && !busy && (
          // No list of networks (no scanner here, no consent, or the scan failed): the passphrase, QR code
          // and router guide still work from the network's name typed in.
          <div className="field" data-testid="wifi-ssid-typed">
            <label htmlFor={`${id}-ssid-typed`}>{t('scan.typeLabel')}</label>
            <input
              id={`${id}-ssid-typed`}
              type="text"
              maxLength={32}
              autoComplete="off"
              aria-describedby={`${id}-ssid-typed-hint`}
              value={typeof answers.homeSsid === 'string' ? answers.homeSsid : ''}
              onChange={(e) => answer('homeSsid', e.target.value.slice(0, 32))}
            />
            <p className="hint" id={`${id}-ssid-typed-hint`}>
              {t('scan.typeHint')}
            </p>
          </div>
        )}
        {chosen && cls && (
          <div data-testid="wifi-class" data-class={cls}>
            <p>
              {t('scan.current', { ssid: chosen })} <span className="wifi-class">{t(`class.${cls}.name`)}</span>
            </p>
            <p>{t(`class.${cls}.meaning`)}</p>
            {aps.length > 1 && <p className="hint">{t('scan.accessPoints', { count: aps.length })}</p>}
          </div>
        )}
        {(consented || asked) && (
          <button type="button" className="button-choice" disabled={busy} onClick={() => void rescan()}>
            {t('scan.button')}
          </button>
        )}
        {(consented || asked) && <CheckAgain />}
      </section>

      {chosen && (
        <>
          <section aria-labelledby={`${id}-up`}>
            <h3 id={`${id}-up`}>{t('heading.upgrade')}</h3>
            {cls && STRONG.includes(cls) ? (
              <p>{t('alreadyGood')}</p>
            ) : (
              <ul>
                {tList(t, 'upgrade').map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </section>

          {guides && (
            <section aria-labelledby={`${id}-dev`}>
              <h3 id={`${id}-dev`}>{t('heading.devices')}</h3>
              <p>{t('devices.intro')}</p>
              <p className="hint">{guides.legacyNote}</p>
              <fieldset>
                <legend>{t('devices.legend')}</legend>
                {guides.legacyDevices.map((d) => (
                  <div className="choice" key={d.id}>
                    <input
                      type="checkbox"
                      id={`${id}-d-${d.id}`}
                      checked={legacy.includes(d.id)}
                      onChange={(e) => answer('legacyDevices', e.target.checked ? [...legacy, d.id] : legacy.filter((x) => x !== d.id))}
                    />
                    <label htmlFor={`${id}-d-${d.id}`}>
                      {d.vendor} {d.model}
                    </label>
                  </div>
                ))}
              </fieldset>
              {legacy.length > 0 && <p className="callout">{t('devices.transitionOffer')}</p>}
              <fieldset>
                <legend>{t('devices.modeLegend')}</legend>
                {(['wpa3', 'transition'] as const).map((m) => (
                  <div className="choice" key={m}>
                    <input type="radio" id={`${id}-m-${m}`} name={`${id}-mode`} checked={mode === m} onChange={() => answer('targetMode', m)} />
                    <label htmlFor={`${id}-m-${m}`}>{t(`devices.mode.${m}`)}</label>
                  </div>
                ))}
              </fieldset>
            </section>
          )}

          {/* "Let Porchlight change it" when the surveyed router can be changed through its own API (issue 16); the manual guide below stays. */}
          {cls && (
            <RouterAutomation
              ssid={chosen}
              mode={mode}
              idleHidden={STRONG.includes(cls)}
              onChanged={() => {
                actor.send({ type: 'REFRESH_CHECKS' });
                // the step's own reading of the network follows the change (the result card stays)
                void rescan();
              }}
            />
          )}

          {guides && family && (
            <section aria-labelledby={`${id}-router`}>
              <h3 id={`${id}-router`}>{t('heading.router')}</h3>
              <div className="field">
                <label htmlFor={`${id}-family`}>{t('router.familyLabel')}</label>
                <select id={`${id}-family`} value={family.id} onChange={(e) => answer('routerFamily', e.target.value)}>
                  {guides.families.map((f) => (
                    <option key={f.id} value={f.id} {...USER_TEXT_ATTRS}>
                      {f.name}
                    </option>
                  ))}
                </select>
              </div>
              <p>
                {t('router.adminAddress')} <strong>{family.adminAddresses.join(' · ')}</strong>
              </p>
              <p className="hint">{t('router.support', { text: family.wpa3Support })}</p>
              <h4>{mode === 'wpa3' ? t('router.stepsWpa3') : t('router.stepsTransition')}</h4>
              <ol className="wifi-steps">
                {(mode === 'wpa3' ? family.wpa3Only : family.transition).map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ol>
              {family.notes.map((n) => (
                <p className="hint" key={n}>
                  {n}
                </p>
              ))}
            </section>
          )}

          <PassphraseSection
            ssid={chosen}
            mode={mode}
            refreshKey={verifications}
            onStored={(account, stored) => {
              answer('passphraseAccount', account);
              answer('passphraseStored', stored);
              actor.send({ type: 'REFRESH_CHECKS' });
            }}
          />

          <ExistingPassphrase ssid={chosen} />

          <VerifySection
            ssid={chosen}
            target={mode}
            legacyDevices={legacyNames}
            onDone={() => {
              setVerifications((n) => n + 1);
              actor.send({ type: 'REFRESH_CHECKS' });
            }}
          />
        </>
      )}

      <ConfirmChecks checks={checks} />
    </div>
  );
}
