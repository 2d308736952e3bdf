import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../main/ipc/contract';
import { call, getApi } from '../../wizard/api';
import { KeptPrevious, ReplaceQuestion, type Keep } from '../../components/saved-secrets';
import { errorText } from '../../i18n/messages';

type Generated = ResultOf<'segmentation:passphrase'>;
type Saved = ResultOf<'segmentation:saved-passphrases'>;

/**
 * The IoT network's passphrase: made into the keychain and shown once with a join code. When one
 * is saved it asks first; the replaced one is kept (revealable) until the owner discards it or,
 * after the check has seen the IoT network (`refreshKey` changes after each check), says the
 * devices are back on it.
 */
export function SegmentationPassphrase({ ssid, refreshKey, onStored }: { ssid: string; refreshKey: number; onStored: (account: string) => void }) {
  const { t } = useTranslation('survey');
  const id = useId();
  const [generated, setGenerated] = useState<Generated | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<'discarded' | 'confirmed' | null>(null);
  /** The saved passphrase and its join code, revealed from the keychain on the owner's press (e.g. one Porchlight made when it changed the router). */
  const [shown, setShown] = useState<ResultOf<'segmentation:join-code'> | null>(null);
  const makeButton = useRef<HTMLButtonElement>(null);

  const reload = useCallback(async () => {
    if (!ssid) return setSaved(null);
    try {
      setSaved(await call(getApi(), 'segmentation:saved-passphrases', { ssid }));
    } catch {
      setSaved(null);
    }
  }, [ssid]);
  useEffect(() => {
    void reload();
  }, [reload, refreshKey]);

  const generate = async (keep?: Keep) => {
    setBusy(true);
    setProblem(null);
    setNote(null);
    try {
      const g = await call(getApi(), 'segmentation:passphrase', keep ? { ssid, style: 'words', keep } : { ssid, style: 'words' });
      setGenerated(g);
      if (g.stored) onStored(g.account);
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
      await reload();
    }
  };
  const retire = async (how: 'discard' | 'confirm') => {
    if (how === 'discard') await call(getApi(), 'segmentation:discard-previous', { ssid });
    else await call(getApi(), 'segmentation:confirm-in-use', { ssid, devicesBack: true });
    setNote(how === 'discard' ? 'discarded' : 'confirmed');
    await reload();
  };

  return (
    <section aria-labelledby={`${id}-pass`}>
      <h3 id={`${id}-pass`}>{t('seg.passHeading')}</h3>
      <p>{t('seg.passIntro')}</p>
      <button type="button" ref={makeButton} className="button-choice" disabled={!ssid || busy || asking} onClick={() => (saved?.current ? setAsking(true) : void generate())}>
        {t('seg.generate')}
      </button>
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
      {saved?.current && !generated && (
        <div className="button-row">
          <button
            type="button"
            className="button-choice"
            aria-expanded={shown !== null}
            onClick={() => {
              if (shown !== null) return setShown(null);
              setProblem(null);
              call(getApi(), 'segmentation:join-code', { ssid }).then(setShown, (err: Error) => setProblem(errorText(err)));
            }}
          >
            {shown !== null ? t('seg.savedHidden') : t('seg.showSaved')}
          </button>
        </div>
      )}
      {shown !== null && !generated && (
        <div data-testid="segmentation-saved-join">
          <p className="seg-passphrase" data-testid="segmentation-saved-passphrase">
            {shown.passphrase}
          </p>
          <img className="seg-qr" src={shown.qrDataUrl} alt={t('seg.qrAlt', { ssid })} />
          <p className="hint">{t('seg.savedQrHint')}</p>
        </div>
      )}
      {problem && <p role="alert">{t('seg.error', { reason: problem })}</p>}
      {generated && (
        <div data-testid="segmentation-passphrase">
          <p className="seg-passphrase">{generated.passphrase}</p>
          <img className="seg-qr" src={generated.qrDataUrl} alt={t('seg.qrAlt', { ssid })} />
          <p className="hint">{generated.stored ? t('seg.stored', { account: generated.account }) : t('seg.notStored', { reason: generated.storeError ? errorText(generated.storeError) : '' })}</p>
        </div>
      )}
      {saved?.previous && (
        <KeptPrevious
          kind="passphrase"
          saved={saved}
          reveal={async (g) => (await call(getApi(), 'secrets:reveal', { account: g === 'current' ? saved.account : saved.previousAccount })).secret}
          discard={() => retire('discard')}
        >
          <p className="hint">{saved.networkSeenSinceNew ? t('seg.backIntro', { ssid }) : t('seg.backFirst', { ssid })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button-choice"
              disabled={!saved.networkSeenSinceNew}
              onClick={() => {
                setProblem(null);
                retire('confirm').catch((err: Error) => setProblem(errorText(err)));
              }}
            >
              {t('seg.devicesBack')}
            </button>
          </div>
        </KeptPrevious>
      )}
      {note && (
        <p aria-live="polite" data-testid="segmentation-previous-gone">
          {t(`seg.${note}`)}
        </p>
      )}
    </section>
  );
}
