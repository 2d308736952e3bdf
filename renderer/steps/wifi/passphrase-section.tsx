import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../main/ipc/contract';
import { call, getApi } from '../../wizard/api';
import { KeptPrevious, ReplaceQuestion, type Keep } from '../../components/saved-secrets';
import { errorText } from '../../i18n/messages';

type Generated = ResultOf<'wifi:generate-passphrase'>;
type Saved = ResultOf<'wifi:saved-passphrases'>;

/**
 * Generates a passphrase into the keychain and shows it exactly once (with copy and a QR join
 * code). The passphrase lives only in this component's state until the user hides it; only the
 * keychain account name goes to the wizard (onStored). When one is saved already it asks first,
 * and while the replaced one is kept it can be revealed, discarded, or retired once a rescan saw
 * the network and the owner says the devices are back (`refreshKey` changes after each rescan).
 */
export function PassphraseSection({
  ssid,
  mode,
  onStored,
  refreshKey = 0,
}: {
  ssid: string;
  mode: 'wpa3' | 'transition';
  onStored: (account: string, stored: boolean) => void;
  refreshKey?: number;
}) {
  const { t } = useTranslation('wifi');
  const id = useId();
  const [style, setStyle] = useState<'words' | 'characters'>('words');
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Generated | null>(null);
  const [hiddenAccount, setHiddenAccount] = useState<string | null>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState<'discarded' | 'confirmed' | null>(null);
  const [retireError, setRetireError] = useState<string | null>(null);
  const makeButton = useRef<HTMLButtonElement>(null);

  const reload = useCallback(async () => {
    try {
      setSaved(await call(getApi(), 'wifi:saved-passphrases', { ssid }));
    } catch {
      setSaved(null); // keychain unreadable: the generation itself says so
    }
  }, [ssid]);
  useEffect(() => {
    void reload();
  }, [reload, refreshKey]);

  async function generate(keep?: Keep) {
    setBusy(true);
    setError(null);
    setNote(null);
    setCopyState('idle');
    try {
      const g = await call(getApi(), 'wifi:generate-passphrase', keep ? { ssid, style, mode, keep } : { ssid, style, mode });
      setShown(g);
      setHiddenAccount(null);
      onStored(g.account, g.stored);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
      await reload();
    }
  }

  async function retire(how: 'discard' | 'confirm') {
    if (how === 'discard') await call(getApi(), 'wifi:discard-previous', { ssid });
    else await call(getApi(), 'wifi:confirm-in-use', { ssid, devicesBack: true });
    setNote(how === 'discard' ? 'discarded' : 'confirmed');
    await reload();
  }

  async function copy() {
    if (!shown) return;
    try {
      await navigator.clipboard.writeText(shown.passphrase);
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  }

  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('heading.passphrase')}</h3>
      <p>{t('passphrase.intro')}</p>
      <fieldset>
        <legend>{t('passphrase.styleLegend')}</legend>
        {(['words', 'characters'] as const).map((s) => (
          <div className="choice" key={s}>
            <input type="radio" id={`${id}-${s}`} name={`${id}-style`} checked={style === s} onChange={() => setStyle(s)} />
            <label htmlFor={`${id}-${s}`}>{t(`passphrase.style.${s}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="button" ref={makeButton} className="button-primary" disabled={busy || asking} onClick={() => (saved?.current ? setAsking(true) : void generate())}>
          {busy ? t('passphrase.generating') : t('passphrase.generate')}
        </button>
      </div>
      {asking && saved && (
        <ReplaceQuestion
          kind="passphrase"
          name={ssid}
          saved={saved}
          returnFocusTo={makeButton}
          onAnswer={(keep) => {
            setAsking(false);
            return keep ? generate(keep) : undefined;
          }}
        />
      )}
      {error && <p role="alert">{t('passphrase.error', { reason: error })}</p>}
      {shown && (
        <div className="wifi-shown" data-testid="wifi-passphrase-box">
          <p aria-live="polite">{shown.stored ? t('passphrase.shownOnce', { account: shown.account }) : t('passphrase.notStored', { reason: shown.storeError ? errorText(shown.storeError) : '' })}</p>
          <p id={`${id}-label`}>{t('passphrase.label')}</p>
          <output className="wifi-passphrase" aria-labelledby={`${id}-label`} data-testid="wifi-passphrase">
            {shown.passphrase}
          </output>
          <p className="hint">{t('passphrase.strength', { bits: shown.entropyBits, score: shown.score })}</p>
          <img className="wifi-qr" src={shown.qrDataUrl} alt={t('passphrase.qrAlt', { ssid })} />
          <p className="hint">{t('passphrase.qrHint')}</p>
          <div className="button-row">
            <button type="button" className="button-choice" onClick={() => void copy()}>
              {t('passphrase.copy')}
            </button>
            <button
              type="button"
              className="button-choice"
              onClick={() => {
                setHiddenAccount(shown.account);
                setShown(null);
              }}
            >
              {t('passphrase.hide')}
            </button>
          </div>
          <p aria-live="polite">{copyState === 'copied' ? t('passphrase.copied') : copyState === 'failed' ? t('passphrase.copyFailed') : ''}</p>
        </div>
      )}
      {hiddenAccount && <p aria-live="polite">{t('passphrase.hidden', { account: hiddenAccount })}</p>}
      {saved?.previous && (
        <KeptPrevious
          kind="passphrase"
          saved={saved}
          reveal={async (g) => (await call(getApi(), 'secrets:reveal', { account: g === 'current' ? saved.account : saved.previousAccount })).secret}
          discard={() => retire('discard')}
        >
          <p className="hint">{saved.networkSeenSinceNew ? t('passphrase.backIntro', { ssid }) : t('passphrase.backFirst', { ssid })}</p>
          <div className="button-row">
            <button type="button" className="button-choice" disabled={!saved.networkSeenSinceNew} onClick={() => {
                setRetireError(null);
                retire('confirm').catch((err: Error) => setRetireError(errorText(err)));
              }}
            >
              {t('passphrase.devicesBack')}
            </button>
          </div>
          {retireError && <p role="alert">{t('passphrase.retireError', { reason: retireError })}</p>}
        </KeptPrevious>
      )}
      {note && (
        <p aria-live="polite" data-testid="previous-gone">
          {t(`passphrase.${note}`)}
        </p>
      )}
    </section>
  );
}
