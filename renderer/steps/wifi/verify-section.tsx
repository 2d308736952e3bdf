import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVerify } from './use-wifi';
import { formatMessage } from '../../i18n/messages';

const DURATIONS = [15, 120, 300] as const;

/** "I have changed the router": rescans with a progress bar until WPA3 shows or time runs out, then the verdict with what was seen. */
export function VerifySection({ ssid, target, legacyDevices, onDone }: { ssid: string; target: 'wpa3' | 'transition'; legacyDevices: string[]; onDone: () => void }) {
  const { t } = useTranslation('wifi');
  const id = useId();
  const [duration, setDuration] = useState<(typeof DURATIONS)[number]>(120);
  const { job, error, start } = useVerify(onDone);
  const running = job?.running ?? false;
  const p = job?.progress;
  const v = job?.verdict;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('heading.verify')}</h3>
      <p>{t('verify.intro')}</p>
      <fieldset>
        <legend>{t('verify.durationLabel')}</legend>
        {DURATIONS.map((d) => (
          <div className="choice" key={d}>
            <input type="radio" id={`${id}-${d}`} name={`${id}-dur`} checked={duration === d} onChange={() => setDuration(d)} />
            <label htmlFor={`${id}-${d}`}>{t(`verify.duration.${d}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="button" className="button-primary" disabled={running} onClick={() => void start({ ssid, target, timeoutSeconds: duration, legacyDevices })}>
          {t('verify.start')}
        </button>
      </div>
      {error && <p role="alert">{t('verify.error', { reason: error })}</p>}
      {job && (
        <div aria-live="polite" data-testid="wifi-verify-status">
          <label htmlFor={`${id}-progress`}>{t('verify.progressLabel')}</label>
          <progress id={`${id}-progress`} className="wifi-progress" max={p?.timeoutMs ?? 1} value={v ? (p?.timeoutMs ?? 1) : (p?.elapsedMs ?? 0)} />
          {p && <p>{t('verify.progress', { attempt: p.attempt, seconds: Math.round(p.elapsedMs / 1000), total: Math.round(p.timeoutMs / 1000) })}</p>}
          {p?.lastSeen && !v && <p className="hint">{t('verify.lastSeen', { seen: formatMessage(p.lastSeen) })}</p>}
        </div>
      )}
      {v && (
        <div className={`wifi-verdict-${v.status}`} role={v.status === 'pass' ? 'status' : 'alert'} data-testid="wifi-verdict" data-status={v.status}>
          <p>
            <strong>{t(`verify.result.${v.status}`, { reason: formatMessage(v.reason) })}</strong>
          </p>
          {v.detail && <p className="hint">{t('verify.seen', { detail: formatMessage(v.detail) })}</p>}
        </div>
      )}
    </section>
  );
}
