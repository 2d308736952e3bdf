import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Notice } from '../design';
import { useTranslation } from 'react-i18next';
import './saved-secrets.css';
import { errorText } from '../i18n/messages';

/** What the keychain holds for one network or login (names and flags, never a value). */
export interface SavedState {
  account: string;
  previousAccount: string;
  current: boolean;
  previous: boolean;
}

/** The owner's go-ahead for replacing a saved secret: which saved one stays as the previous. */
export type Keep = 'current' | 'previous';

/**
 * Asked before a new secret is made while one is saved: says in plain words that the saved one is
 * kept (one saved) or that one of two will be discarded for good (two saved), and lets the owner
 * choose. Focus moves to the question so keyboard users land on it, and once the answer has been
 * acted on (`onAnswer` may return a promise) back to `returnFocusTo`, the control it came from.
 */
export function ReplaceQuestion({
  kind,
  name,
  saved,
  onAnswer,
  returnFocusTo,
}: {
  kind: 'passphrase' | 'password';
  name: string;
  saved: SavedState;
  onAnswer: (keep: Keep | null) => void | Promise<unknown>;
  returnFocusTo?: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation('secrets');
  const answer = (keep: Keep | null) => {
    // Back to the control the question came from, once the parent has re-enabled it.
    void Promise.resolve(onAnswer(keep)).finally(() => setTimeout(() => returnFocusTo?.current?.focus(), 0));
  };
  const id = useId();
  const noun = t(`noun.${kind}`);
  const heading = useRef<HTMLHeadingElement>(null);
  const two = saved.previous;
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="callout" role="group" aria-labelledby={`${id}-h`} data-testid="replace-question">
      <h4 id={`${id}-h`} tabIndex={-1} ref={heading}>
        {two ? t('ask.headingTwo', { noun }) : t('ask.heading', { noun })}
      </h4>
      <p>{two ? t('ask.two', { noun, name }) : t('ask.one', { noun, name })}</p>
      <div className="button-row">
        <button type="button" className="button-primary" onClick={() => answer('current')}>
          {two ? t('ask.keepNewest') : t('ask.keepOne')}
        </button>
        {two && (
          <button type="button" className="button-choice" onClick={() => answer('previous')}>
            {t('ask.keepOldest')}
          </button>
        )}
        <button type="button" className="button-secondary" onClick={() => answer(null)}>
          {t('ask.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * While a previous secret is kept: says where, lets the owner reveal the new and the previous one
 * (each a deliberate click; the value lives only in this component's state until hidden), discard
 * the previous one after a second "yes", and hosts the step's own "confirmed in use" control.
 */
export function KeptPrevious({
  kind,
  saved,
  reveal,
  discard,
  children,
  confirmable = true,
}: {
  kind: 'passphrase' | 'password';
  /** Whether a verification can retire the previous one (otherwise only the owner's discard does). */
  confirmable?: boolean;
  saved: SavedState;
  reveal: (generation: 'current' | 'previous') => Promise<string>;
  discard: () => Promise<void>;
  children?: ReactNode;
}) {
  const { t } = useTranslation('secrets');
  const id = useId();
  const noun = t(`noun.${kind}`);
  const [shown, setShown] = useState<{ current?: string; previous?: string }>({});
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Keyboard users land on the question when it opens, and back on the discard button when it closes.
  const askText = useRef<HTMLParagraphElement>(null);
  const discardButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    if (asking) askText.current?.focus();
    else if (opened.current) discardButton.current?.focus();
    opened.current = opened.current || asking;
  }, [asking]);
  const show = async (g: 'current' | 'previous') => {
    setProblem(null);
    try {
      const value = await reveal(g);
      setShown((s) => ({ ...s, [g]: value }));
    } catch (err) {
      setProblem(t('kept.revealFailed', { reason: errorText(err) }));
    }
  };
  const row = (g: 'current' | 'previous') => {
    const value = shown[g];
    const account = g === 'current' ? saved.account : saved.previousAccount;
    return value === undefined ? (
      <button type="button" className="button-choice" onClick={() => void show(g)}>
        {g === 'current' ? t('kept.showCurrent', { noun }) : t('kept.showPrevious', { noun })}
      </button>
    ) : (
      <div className="kept-value">
        <p id={`${id}-${g}`}>{g === 'current' ? t('kept.currentLabel', { noun, account }) : t('kept.previousLabel', { noun, account })}</p>
        <output className="secret-value" aria-labelledby={`${id}-${g}`} data-testid={`kept-${g}-value`}>
          {value}
        </output>{' '}
        <button type="button" className="button-secondary" onClick={() => setShown((s) => ({ ...s, [g]: undefined }))}>
          {g === 'current' ? t('kept.hideCurrent', { noun }) : t('kept.hidePrevious', { noun })}
        </button>
      </div>
    );
  };
  return (
    <div className="kept-previous" role="group" aria-labelledby={`${id}-h`} data-testid="kept-previous">
      <h4 id={`${id}-h`}>{t('kept.heading', { noun })}</h4>
      <p>{t(confirmable ? 'kept.intro' : 'kept.introManual', { noun, account: saved.previousAccount })}</p>
      {saved.current && row('current')}
      {row('previous')}
      {children}
      {!asking ? (
        <div className="button-row">
          <button type="button" ref={discardButton} className="button-secondary" onClick={() => setAsking(true)}>
            {t('kept.discard', { noun })}
          </button>
        </div>
      ) : (
        <div className="callout" role="group" aria-labelledby={`${id}-ask`}>
          <p id={`${id}-ask`} tabIndex={-1} ref={askText}>
            {t('kept.discardAsk', { noun })}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button-primary"
              onClick={() => {
                setProblem(null);
                discard().catch((err: Error) => {
                  setAsking(false);
                  setProblem(t('kept.failed', { reason: errorText(err) }));
                });
              }}
            >
              {t('kept.discardYes')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setAsking(false)}>
              {t('kept.discardNo')}
            </button>
          </div>
        </div>
      )}
      {problem && <Notice tone="error">{problem}</Notice>}
    </div>
  );
}
