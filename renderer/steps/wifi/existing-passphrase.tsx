import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMessage, errorText } from '../../i18n/messages';
import type { ResultOf } from '../../../main/ipc/contract';
import { call, getApi } from '../../wizard/api';
import { useWizard } from '../../wizard/wizard-context';

type Rating = ResultOf<'wifi:rate-passphrase'>;

/**
 * For a user who keeps their current passphrase: rates it in the core (never stored) and, if it
 * is strong, lets the user confirm `wifi.passphrase` themselves. The field is cleared after each check.
 */
export function ExistingPassphrase({ ssid }: { ssid: string }) {
  const { t } = useTranslation('wifi');
  const id = useId();
  const actor = useWizard();
  const [value, setValue] = useState('');
  const [rating, setRating] = useState<Rating | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function rate() {
    const passphrase = value;
    setValue('');
    setError(null);
    try {
      setRating(await call(getApi(), 'wifi:rate-passphrase', { passphrase, ssid }));
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <details className="wifi-existing">
      <summary>{t('existing.summary')}</summary>
      <p className="hint">{t('existing.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-pw`}>{t('existing.label')}</label>
        <input id={`${id}-pw`} type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="button" className="button-choice" disabled={value.length === 0} onClick={() => void rate()}>
          {t('existing.check')}
        </button>
      </div>
      {error && <p role="alert">{t('existing.error', { reason: error })}</p>}
      {rating && (
        <div aria-live="polite" data-testid="wifi-existing-rating" data-acceptable={String(rating.acceptable)}>
          {rating.acceptable ? (
            <>
              <p>{t('existing.strong', { score: rating.score })}</p>
              <button type="button" className="button-primary" onClick={() => actor.send({ type: 'CONFIRM_CHECK', id: 'wifi.passphrase', status: 'pass' })}>
                {t('existing.confirm')}
              </button>
            </>
          ) : (
            <>
              <p>{t('existing.weak')}</p>
              <ul>
                {rating.reasons.map((r) => (
                  <li key={r.code}>{formatMessage(r)}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </details>
  );
}
