import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../main/ipc/contract';
import { ApiError, call, getApi } from '../../wizard/api';
import { useWizard } from '../../wizard/wizard-context';
import { KeptPrevious, ReplaceQuestion, type Keep } from '../../components/saved-secrets';
import { USER_TEXT_ATTRS } from '../../components/user-text';
import { FormRow, Notice } from '../../design';
import { formatMessage, errorText } from '../../i18n/messages';

type Report = ResultOf<'passwords:probe'>['report'];
type Generated = ResultOf<'passwords:generate'>;
type Target = { kind: 'router' } | { kind: 'device'; id: string };
type Vendor = ResultOf<'passwords:vendors'>[number];
type Saved = ResultOf<'passwords:saved'>;
type Confirmation = ResultOf<'passwords:confirm-new'>;

export interface LoginTargetProps {
  target: Target;
  /** Address, brand and https as the user entered them (kept in the wizard's answers). */
  host: string;
  https: boolean;
  vendor: string;
  onChange: (field: 'host' | 'vendor' | 'https', value: string | boolean) => void;
  vendors: readonly Vendor[];
  consent: boolean;
  /** Changes when something else changed this login's keychain entries (the router automation's new admin password): the saved state is read again. */
  refreshKey?: number;
}

/**
 * One login (the router's or a device's): consented probe with the result in plain words,
 * a generated password stored in the keychain and shown once (copy, where to enter it), and the
 * re-check after the change. The password lives only in this component's state until hidden.
 */
export function LoginTarget({ target, host, https, vendor, onChange, vendors, consent, refreshKey = 0 }: LoginTargetProps) {
  const { t } = useTranslation('passwords');
  const actor = useWizard();
  const id = useId();
  const [busy, setBusy] = useState<'probe' | 'reverify' | 'generate' | 'confirm' | null>(null);
  // "Does the router accept the new password": the core logs in with the saved one itself.
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [verified, setVerified] = useState<Report | null>(null);
  const [generated, setGenerated] = useState<Generated | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // A refused address is shown under the address field (what happened, what to do).
  const [addressError, setAddressError] = useState<string | null>(null);
  const [copy, setCopy] = useState<'ok' | 'failed' | null>(null);
  // A saved password is never replaced without asking; the replaced one is kept until discarded.
  const [saved, setSaved] = useState<Saved | null>(null);
  const [asking, setAsking] = useState(false);
  const targetKey = target.kind === 'router' ? 'router' : target.id;
  const reloadSaved = useCallback(async () => {
    try {
      setSaved(await call(getApi(), 'passwords:saved', { target: targetKey === 'router' ? { kind: 'router' } : { kind: 'device', id: targetKey } }));
    } catch {
      setSaved(null);
    }
  }, [targetKey]);
  useEffect(() => {
    void reloadSaved();
  }, [reloadSaved, refreshKey]);
  // Another address, brand or protocol is another login: an earlier result no longer describes it.
  useEffect(() => {
    setReport(null);
    setVerified(null);
    setAddressError(null);
    setMessage(null);
  }, [host, vendor, https]);
  /** An invalid address is the user's input: say so next to the field; anything else below the buttons. */
  const failed = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'invalid-arguments') setAddressError(t('addressInvalid', { message: errorText(err) }));
    else setMessage(t('failed', { message: errorText(err) }));
  };

  const args = () => ({ target, host: host.trim(), https, vendor: vendor || null, consent: true as const });
  const run = async (kind: 'probe' | 'reverify') => {
    setBusy(kind);
    setMessage(null);
    setAddressError(null);
    try {
      if (kind === 'probe') {
        setReport((await call(getApi(), 'passwords:probe', args())).report);
        setVerified(null);
      } else {
        setVerified((await call(getApi(), 'passwords:reverify', args())).report);
      }
      actor.send({ type: 'REFRESH_CHECKS' });
    } catch (err) {
      if (kind === 'probe') setReport(null);
      setVerified(null);
      failed(err);
    } finally {
      setBusy(null);
    }
  };
  const makeButton = useRef<HTMLButtonElement>(null);
  const generate = async (keep?: Keep) => {
    setBusy('generate');
    setMessage(null);
    try {
      const g = await call(getApi(), 'passwords:generate', keep ? { target, keep } : { target });
      setGenerated({ ...g, password: '' });
      setShown(g.password);
      setCopy(null);
    } catch (err) {
      setMessage(t('failed', { message: errorText(err) }));
    } finally {
      setBusy(null);
      await reloadSaved();
    }
  };
  const confirmNew = async () => {
    setBusy('confirm');
    setMessage(null);
    setConfirmation(null);
    try {
      const c = await call(getApi(), 'passwords:confirm-new', { host: host.trim(), https, vendor: vendor || null, consent: true as const });
      setConfirmation(c);
      setSaved(c.saved);
    } catch (err) {
      failed(err);
    } finally {
      setBusy(null);
    }
  };
  const confirmationText = (c: Confirmation) => {
    if (c.report.result === 'accepted') return c.previousRetired ? t('confirm.accepted') : t('confirm.acceptedKept', { reason: formatMessage(c.keptBecause ?? c.report.reason) });
    if (c.report.result === 'refused') return t('confirm.refused', { reason: formatMessage(c.report.reason) });
    return t('confirm.unknown', { reason: formatMessage(c.report.reason) });
  };
  const reveal = async () => {
    if (!generated) return;
    try {
      setShown((await call(getApi(), 'secrets:reveal', { account: generated.account })).secret);
    } catch (err) {
      setMessage(t('revealFailed', { message: errorText(err) }));
    }
  };
  const copyIt = async () => {
    try {
      await navigator.clipboard.writeText(shown ?? '');
      setCopy('ok');
    } catch {
      setCopy('failed');
    }
  };
  const loginText = (r: Report) =>
    r.matched
      ? t('loginWith', { username: r.matched.username || t('blankUser'), password: r.matched.password || t('blankPassword') })
      : '';
  const resultText = (r: Report) => t(`result.${r.result}`, { login: loginText(r), reason: formatMessage(r.reason) });
  const whereLines = (): string[] => {
    const url = report?.url ?? (host.trim() ? `${https ? 'https' : 'http'}://${host.trim()}/` : '');
    const current = report?.matched ? t('currentFactory', { login: loginText(report) }) : '';
    const lines: unknown = t('where', { returnObjects: true, url, current });
    return Array.isArray(lines) ? lines.filter((l): l is string => typeof l === 'string') : [];
  };
  const latest = verified ?? report;
  const verifiedText = (r: Report) =>
    r.result === 'default-rejected' ? t('verifiedPass') : r.result === 'default-accepted' ? t('verifiedFail') : t('verifiedUnknown', { reason: formatMessage(r.reason) });

  return (
    <div className="login-target" data-testid={`login-${target.kind === 'router' ? 'router' : target.id}`}>
      <div className="field">
        <label htmlFor={`${id}-host`}>{t('address')}</label>
        <input
          id={`${id}-host`}
          type="text"
          inputMode="url"
          maxLength={80}
          value={host}
          aria-invalid={addressError ? true : undefined}
          aria-describedby={addressError ? `${id}-host-error ${id}-host-hint` : `${id}-host-hint`}
          onChange={(e) => onChange('host', e.target.value)}
        />
        <p id={`${id}-host-hint`} className="hint">
          {t('addressHint')}
        </p>
        {addressError && (
          <Notice tone="error" data-testid="address-error">
            <span id={`${id}-host-error`}>{addressError}</span>
          </Notice>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-vendor`}>{t('brand')}</label>
        <select id={`${id}-vendor`} value={vendor} onChange={(e) => onChange('vendor', e.target.value)}>
          <option value="">{t('brandUnknown')}</option>
          {vendors.map((v) => (
            <option key={v.id} value={v.id} {...USER_TEXT_ATTRS}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      <FormRow inline>
        <input id={`${id}-https`} type="checkbox" checked={https} onChange={(e) => onChange('https', e.target.checked)} />
        <label htmlFor={`${id}-https`}>{t('https')}</label>
      </FormRow>
      <div className="button-row">
        <button type="button" disabled={!consent || !host.trim() || busy !== null} onClick={() => void run('probe')}>
          {t('probe')}
        </button>
      </div>
      <div aria-live="polite" className="probe-status">
        {busy === 'probe' && <p>{t('probing')}</p>}
        {latest && (
          // One current state: the newest check of this device (the first check, or the check after the change) — never both.
          <div className={`probe-result result-${latest.result}`} data-testid="probe-result" data-result={latest.result}>
            {verified ? (
              <p data-testid="reverify-result" data-result={verified.result}>
                {verifiedText(verified)}
              </p>
            ) : (
              <p>{resultText(latest)}</p>
            )}
            <p className="hint" data-testid="probe-attempts">
              {t('attempts', { used: latest.auditAttempts, now: latest.attempts })}
            </p>
            {latest.notes.map((n) => (
              <p key={n.code} className="hint">
                {t('certificateNote', { note: formatMessage(n) })}
              </p>
            ))}
          </div>
        )}
      </div>
      {message && <Notice tone="error">{message}</Notice>}

      <div className="generate">
        <div className="button-row">
          <button type="button" ref={makeButton} disabled={busy !== null || asking} onClick={() => (saved?.current ? setAsking(true) : void generate())}>
            {t('generate')}
          </button>
        </div>
        {asking && saved && (
          <ReplaceQuestion
            kind="password"
            name={target.kind === 'router' ? t('routerName') : host.trim() || target.id}
            saved={saved}
            returnFocusTo={makeButton}
            onAnswer={(keep) => {
              setAsking(false);
              return keep ? generate(keep) : undefined;
            }}
          />
        )}
        {generated && (
          <div className="generated" aria-live="polite">
            {shown !== null && (
              <>
                <p>{t('generated')}</p>
                <p>
                  <code className="secret-value" data-testid="generated-password">
                    {shown}
                  </code>
                </p>
                <div className="button-row">
                  <button type="button" onClick={() => void copyIt()}>
                    {t('copy')}
                  </button>
                  <button type="button" className="button-secondary" onClick={() => setShown(null)}>
                    {t('hide')}
                  </button>
                </div>
                {copy && <p className="hint">{copy === 'ok' ? t('copied') : t('copyFailed')}</p>}
                <p className="hint">{t('strength', { score: generated.score, length: generated.length })}</p>
              </>
            )}
            {shown === null && generated.stored && (
              <div className="button-row">
                <button type="button" className="button-secondary" onClick={() => void reveal()}>
                  {t('reveal')}
                </button>
              </div>
            )}
            {generated.stored ? (
              <p data-testid="stored-status">{t('stored', { account: generated.account })}</p>
            ) : (
              <Notice tone="warn" data-testid="stored-status">
                {t('notStored', { message: generated.error ? errorText(generated.error) : '' })}
              </Notice>
            )}
            <h4>{t('whereHeading')}</h4>
            <ol>
              {whereLines().map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ol>
          </div>
        )}
        {saved?.previous && (
          <KeptPrevious
            kind="password"
            confirmable={target.kind === 'router'}
            saved={saved}
            reveal={async (g) => (await call(getApi(), 'secrets:reveal', { account: g === 'current' ? saved.account : saved.previousAccount })).secret}
            discard={async () => {
              await call(getApi(), 'passwords:discard-previous', { target });
              await reloadSaved();
            }}
          >
            {target.kind === 'router' && saved.current ? (
              <>
                <p className="hint" id={`${id}-confirm-hint`}>
                  {consent ? t('confirm.hint') : t('confirm.noConsent')}
                </p>
                <div className="button-row">
                  <button type="button" aria-describedby={`${id}-confirm-hint`} disabled={busy !== null || !consent || !host.trim()} onClick={() => void confirmNew()}>
                    {t('confirm.button')}
                  </button>
                </div>
              </>
            ) : (
              <p className="hint">{t('discardWhen')}</p>
            )}
          </KeptPrevious>
        )}
        {target.kind === 'router' && (
          <div aria-live="polite">
            {busy === 'confirm' && <p>{t('confirm.checking')}</p>}
            {confirmation && (
              <div className={`probe-result confirm-${confirmation.report.result}`} data-testid="confirm-result" data-result={confirmation.report.result}>
                <p>{confirmationText(confirmation)}</p>
                <p className="hint" data-testid="confirm-attempts">
                  {t('attempts', { used: confirmation.report.auditAttempts, now: confirmation.report.attempts })}
                </p>
              </div>
            )}
          </div>
        )}
        <div className="button-row">
          <button type="button" disabled={busy !== null || !consent || !host.trim()} onClick={() => void run('reverify')}>
            {t('reverify')}
          </button>
        </div>
        <div aria-live="polite">
          {busy === 'reverify' && <p>{t('reverifying')}</p>}
          {verified && busy !== 'reverify' && <p className="hint">{t('reverifiedAbove')}</p>}
        </div>
      </div>
    </div>
  );
}
