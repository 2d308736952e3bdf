import { useEffect, useId, useState } from 'react';
import { useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import { useWizard } from '../../wizard/wizard-context';
import type { PanelProps } from '../shared/panel-props';
import { useSegmentation, type Family, type IsolationVerdict, type SegmentVerdict } from './use-segmentation';
import { SegmentationPassphrase } from './passphrase-section';
import { RouterAutomation } from '../../components/router-automation/router-automation';
import { formatMessage, errorText } from '../../i18n/messages';
import '../survey/survey.css';
import { USER_TEXT_ATTRS } from '../../components/user-text';

/**
 * The segmentation step: a suggested IoT network name, the router family's guest-network /
 * isolation / VLAN steps, the casting warning, a passphrase shown once (stored in the keychain),
 * the devices marked to move, and the verification (IoT SSID visible and secured; moved devices
 * no longer seen from the main network, naming any left behind).
 */
export function Panel({ step }: PanelProps) {
  const { t } = useTranslation('survey');
  const id = useId();
  const actor = useWizard();
  const answers = useSelector(actor, (s) => s.context.answers.segmentation ?? {});
  // the router the owner chose on the Wi-Fi step (the same list) is this step's default too
  const wifiFamily = useSelector(actor, (s) => s.context.answers.wifi?.routerFamily);
  const { plan, error, family: loadFamily, verify } = useSegmentation();
  // What the owner left in the field, exactly (an emptied field stays empty); the suggestion only until they type.
  const typed = typeof answers.iotSsid === 'string' ? answers.iotSsid : null;
  const ssid = typed ?? plan?.suggestedSsid ?? '';
  const [family, setFamily] = useState<Family | null>(null);
  const [checksRun, setChecksRun] = useState(0);
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<{ segment: SegmentVerdict; isolation: IsolationVerdict } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const answer = (key: string, value: string | boolean | null) => actor.send({ type: 'ANSWER', step, key, value });

  // The suggested name becomes the answer once, when it arrives and the owner has typed nothing. It used to be
  // shown whenever the field was empty: emptying the field brought it back, so typing appended to it, and a
  // suggestion arriving late mixed with what was being typed ("HomeNet-IoTPorch-IoT").
  useEffect(() => {
    if (plan && typed === null) actor.send({ type: 'ANSWER', step, key: 'iotSsid', value: plan.suggestedSsid });
  }, [plan, typed, actor, step]);

  useEffect(() => {
    if (!plan) return;
    const wanted = typeof answers.routerFamily === 'string' ? answers.routerFamily : typeof wifiFamily === 'string' ? wifiFamily : plan.family.id;
    if (wanted === plan.family.id) setFamily(plan.family);
    else loadFamily(wanted).then(setFamily, () => setFamily(plan.family));
  }, [plan, answers.routerFamily, wifiFamily, loadFamily]);

  return (
    <div className="survey-panel segmentation-panel">
      {error && <p role="alert">{t('seg.error', { reason: error })}</p>}
      <section aria-labelledby={`${id}-name`}>
        <h3 id={`${id}-name`}>{t('seg.nameHeading')}</h3>
        <p>{t('seg.nameIntro')}</p>
        <div className="field">
          <label htmlFor={`${id}-ssid`}>{t('seg.ssidLabel')}</label>
          <input id={`${id}-ssid`} value={ssid} maxLength={32} onChange={(e) => answer('iotSsid', e.target.value)} />
        </div>
      </section>

      {plan && family && (
        <section aria-labelledby={`${id}-steps`} data-testid="segmentation-plan" data-family={family.id}>
          <h3 id={`${id}-steps`}>{t('seg.stepsHeading')}</h3>
          <div className="field">
            <label htmlFor={`${id}-family`}>{t('seg.familyLabel')}</label>
            <select id={`${id}-family`} value={family.id} onChange={(e) => answer('routerFamily', e.target.value)}>
              {plan.families.map((f) => (
                <option key={f.id} value={f.id} {...USER_TEXT_ATTRS}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
          <ol className="seg-steps">
            {family.guestNetwork.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ol>
          <p>
            <strong>{t('seg.isolation')}</strong> {family.isolation}
          </p>
          <p>
            <strong>{t('seg.vlan')}</strong> {family.vlan}
          </p>
          <div className="callout" role="note">
            <p>
              <strong>{t('seg.warningHeading')}</strong>
            </p>
            <ul>
              {plan.crossNetworkWarning.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        </section>
      )}

      <SegmentationPassphrase
        ssid={ssid}
        refreshKey={checksRun}
        onStored={(account) => {
          answer('passphraseStored', true);
          answer('passphraseAccount', account);
        }}
      />

      {/* Where the surveyed router is one Porchlight can change: the separate network on, secured and isolated (the passphrase made and kept main-side). */}
      <RouterAutomation
        iotSsid={ssid}
        onChanged={() => {
          setChecksRun((n) => n + 1);
          actor.send({ type: 'REFRESH_CHECKS' });
        }}
      />

      <section aria-labelledby={`${id}-move`}>
        <h3 id={`${id}-move`}>{t('seg.moveHeading')}</h3>
        {plan && plan.devicesToMove.length > 0 ? (
          <ul data-testid="segmentation-devices">
            {plan.devicesToMove.map((d) => (
              <li key={d.id}>{[d.names[0] ?? d.vendor ?? d.id, d.ip].filter(Boolean).join(' — ')}</li>
            ))}
          </ul>
        ) : (
          <p>{t('seg.noneMarked')}</p>
        )}
      </section>

      <section aria-labelledby={`${id}-verify`}>
        <h3 id={`${id}-verify`}>{t('seg.verifyHeading')}</h3>
        <p>{t('seg.verifyIntro')}</p>
        <button
          type="button"
          className="button-primary"
          disabled={!ssid || busy}
          onClick={() => {
            setBusy(true);
            setProblem(null);
            verify(ssid)
              .then((v) => {
                setVerdict(v);
                setChecksRun((n) => n + 1);
                actor.send({ type: 'REFRESH_CHECKS' });
              })
              .catch((err: Error) => setProblem(errorText(err)))
              .finally(() => setBusy(false));
          }}
        >
          {t('seg.verify')}
        </button>
        {busy && <p aria-live="polite">{t('seg.verifying')}</p>}
        {problem && <p role="alert">{t('seg.error', { reason: problem })}</p>}
        {verdict && (
          <div aria-live="polite" data-testid="segmentation-verdict" data-segment={verdict.segment.status} data-isolation={verdict.isolation.status}>
            <p className={`seg-verdict seg-verdict-${verdict.segment.status}`}>{formatMessage(verdict.segment.reason)}</p>
            <p className={`seg-verdict seg-verdict-${verdict.isolation.status}`}>{formatMessage(verdict.isolation.reason)}</p>
            {verdict.isolation.stillSeen.length > 0 && (
              <ul data-testid="segmentation-still-seen">
                {verdict.isolation.stillSeen.map((s) => (
                  <li key={s.id}>{t('seg.stillSeen', { name: s.name, ip: s.ip ?? '—', how: s.seenBy.map((w) => t(`seenBy.${w}`, { defaultValue: t('seenBy.other') })).join(', ') })}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
