import { useId } from 'react';
import { useSelector } from '@xstate/react';
import { tList, useTranslation } from '../../i18n/runtime';
import { HOME_ITEMS, PROBE_KINDS, type HomeItem, type ProbeKind, type WizardMode } from '../../wizard/machine';
import { useWizard } from '../../wizard/wizard-context';
import type { PanelProps } from '../shared/panel-props';
import { AfterFirstPaint } from '../../components/after-first-paint';

const MODES: WizardMode[] = ['first-time', 're-audit'];

/**
 * Extension point of the welcome step: mode, what is in the home, the privacy statement and one
 * explicit yes/no per kind of network probe (SET_MODE, SET_HOME, SET_CONSENT).
 */
export function Panel(_props: PanelProps) {
  const { t } = useTranslation('panels');
  const actor = useWizard();
  const mode = useSelector(actor, (s) => s.context.mode);
  const home = useSelector(actor, (s) => s.context.home);
  const consent = useSelector(actor, (s) => s.context.consent);
  const id = useId();
  const toggleHome = (item: HomeItem, on: boolean) =>
    actor.send({ type: 'SET_HOME', items: on ? [...home, item] : home.filter((h) => h !== item) });
  return (
    <div className="welcome-panel">
      <fieldset className="choice-group">
        <legend>{t('welcome.modeLegend')}</legend>
        {MODES.map((m) => (
          <div key={m} className="choice">
            <input
              type="radio"
              id={`${id}-mode-${m}`}
              name={`${id}-mode`}
              value={m}
              checked={mode === m}
              aria-describedby={`${id}-mode-${m}-hint`}
              onChange={() => actor.send({ type: 'SET_MODE', mode: m })}
            />
            <label htmlFor={`${id}-mode-${m}`}>{t(`welcome.mode.${m}`)}</label>
            <p id={`${id}-mode-${m}-hint`} className="hint">
              {t(`welcome.mode.${m}Hint`)}
            </p>
          </div>
        ))}
      </fieldset>

      {/* Below the fold on the first screen: shown right after it has painted. */}
      <AfterFirstPaint>
        <fieldset className="choice-group">
          <legend>{t('welcome.homeLegend')}</legend>
          {HOME_ITEMS.map((item) => (
            <div key={item} className="choice">
              <input
                type="checkbox"
                id={`${id}-home-${item}`}
                checked={home.includes(item)}
                onChange={(e) => toggleHome(item, e.target.checked)}
              />
              <label htmlFor={`${id}-home-${item}`}>{t(`welcome.home.${item}`)}</label>
            </div>
          ))}
        </fieldset>

        <section className="privacy" aria-labelledby={`${id}-privacy`}>
          <h3 id={`${id}-privacy`}>{t('welcome.privacyHeading')}</h3>
          <ul>
            {tList(t, 'welcome.privacy').map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>

        <section className="consent" aria-labelledby={`${id}-consent`}>
          <h3 id={`${id}-consent`}>{t('welcome.consentHeading')}</h3>
          <p className="hint">{t('welcome.consentIntro')}</p>
          {PROBE_KINDS.map((probe) => (
            <ConsentQuestion key={probe} probe={probe} value={consent[probe]} onAnswer={(allowed) => actor.send({ type: 'SET_CONSENT', probe, allowed })} />
          ))}
        </section>
      </AfterFirstPaint>
    </div>
  );
}

function ConsentQuestion({ probe, value, onAnswer }: { probe: ProbeKind; value: boolean | null; onAnswer: (allowed: boolean) => void }) {
  const { t } = useTranslation('panels');
  const id = useId();
  return (
    <fieldset className="choice-group consent-question" data-probe={probe} aria-describedby={`${id}-hint`}>
      <legend>{t(`welcome.probe.${probe}`)}</legend>
      <p id={`${id}-hint`} className="hint">
        {t(`welcome.probe.${probe}Hint`)}
      </p>
      <div className="choice-row">
        <div className="choice">
          <input type="radio" id={`${id}-yes`} name={`${id}-consent`} checked={value === true} onChange={() => onAnswer(true)} />
          <label htmlFor={`${id}-yes`}>{t('welcome.yes')}</label>
        </div>
        <div className="choice">
          <input type="radio" id={`${id}-no`} name={`${id}-consent`} checked={value === false} onChange={() => onAnswer(false)} />
          <label htmlFor={`${id}-no`}>{t('welcome.no')}</label>
        </div>
      </div>
    </fieldset>
  );
}
