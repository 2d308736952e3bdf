import { useEffect, useId, useMemo, useState } from 'react';
import { Disclosure, StatusBadge, Notice } from '../../design';
import { useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import type { ResultOf } from '../../../main/ipc/contract';
import type { PanelProps } from '../shared/panel-props';
import { ConfirmChecks } from '../shared/confirm-checks';
import { SaveRow } from '../shared/save-row';
import { useWizard } from '../../wizard/wizard-context';
import { call, getApi } from '../../wizard/api';
import { formatDate } from '../../i18n';
import { useLoad, useOpenExternal, useSyncConfirmations } from './use-step-api';
import { UserText } from '../../components/user-text';
import { errorText } from '../../i18n/messages';

type Catalog = ResultOf<'accounts:catalog'>;
type Account = Catalog['accounts'][number];
type Method = Account['methods'][number];
type Enabled = Method | 'none' | '';
type Answers = Record<string, unknown>;

interface AccountState {
  enabled: Enabled;
  unique: boolean;
  reviewed: boolean;
  quirkDone: boolean;
}

type Previous = Catalog['previous']['answers'][string] | undefined;

/** This run's answer for an account, else the one given last time (a re-audit starts from it). */
const stateFrom = (answers: Answers, id: string, prev: Previous): AccountState => ({
  enabled: typeof answers[`method.${id}`] === 'string' ? (answers[`method.${id}`] as Enabled) : ((prev?.enabled as Enabled | undefined) ?? ''),
  unique: typeof answers[`unique.${id}`] === 'boolean' ? answers[`unique.${id}`] === true : (prev?.uniquePassword ?? false),
  reviewed: typeof answers[`reviewed.${id}`] === 'boolean' ? answers[`reviewed.${id}`] === true : (prev?.integrationsReviewed ?? false),
  quirkDone: answers[`quirkDone.${id}`] === true,
});

/**
 * The accounts step: pick the accounts you have (pre-selected from the devices the survey found),
 * then for each the 2FA method to use and why, the vendor's quirk, a button that opens its
 * security page, what you turned on, and optional recovery codes that go only to the keychain.
 * "Save my answers" records them dated in history (accounts:confirm) and updates the three checks.
 */
export function Panel({ checks }: PanelProps) {
  const { t } = useTranslation('accounts');
  const actor = useWizard();
  const answers = useSelector(actor, (s) => s.context.answers.accounts ?? {}) as Answers;
  const { value: catalog, error: loadError } = useLoad('accounts:catalog', {});
  const [saved, setSaved] = useState<ResultOf<'accounts:confirm'> | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useSyncConfirmations(checks);

  const selected: string[] = useMemo(() => {
    const chosen = answers.selected;
    if (Array.isArray(chosen)) return chosen.filter((x): x is string => typeof x === 'string');
    if (!catalog) return [];
    return catalog.previous.selected.length ? catalog.previous.selected : catalog.suggested;
  }, [answers.selected, catalog]);

  // The first time the catalog arrives, keep last time's choice (or the survey's suggestion) as the wizard's answer.
  useEffect(() => {
    if (catalog && !Array.isArray(answers.selected) && selected.length) {
      actor.send({ type: 'ANSWER', step: 'accounts', key: 'selected', value: selected });
    }
  }, [catalog, answers.selected, selected, actor]);

  const answer = (key: string, value: string | boolean | string[]) => actor.send({ type: 'ANSWER', step: 'accounts', key, value });
  const [justChosen, setJustChosen] = useState<string[]>([]);
  const toggle = (id: string, on: boolean) => {
    if (on) setJustChosen((list) => [...list, id]);
    answer('selected', on ? [...selected.filter((x) => x !== id), id] : selected.filter((x) => x !== id));
  };

  // The quick answers (ConfirmChecks) render at once, whatever the guide's loading state.
  if (loadError || !catalog) {
    return (
      <div className="accounts-panel">
        <div className="accounts-guide">{loadError ? <Notice tone="error">{t('loadFailed', { message: loadError })}</Notice> : <p aria-live="polite">{t('loading')}</p>}</div>
        <ConfirmChecks checks={checks} />
      </div>
    );
  }

  const chosen = catalog.accounts.filter((a) => selected.includes(a.id));
  const prev = (id: string): Previous => catalog.previous.answers[id];
  const missing = chosen.filter((a) => stateFrom(answers, a.id, prev(a.id)).enabled === '');

  const save = async () => {
    setBusy(true);
    setSaveError(null);
    try {
      const out = await call(getApi(), 'accounts:confirm', {
        accounts: chosen.map((a) => {
          const s = stateFrom(answers, a.id, prev(a.id));
          return { id: a.id, enabled: (s.enabled || 'none') as Method | 'none', uniquePassword: s.unique, integrationsReviewed: s.reviewed };
        }),
      });
      setSaved(out);
      actor.send({ type: 'REFRESH_CHECKS' });
    } catch (err) {
      setSaveError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const twoFa = saved?.checks.find((c) => c.id === 'accounts.2fa');
  return (
    <div className="accounts-panel">
      {/* Same two children as while loading (guide, quick answers), so the quick answers are never remounted. */}
      <div className="accounts-guide">
        <fieldset className="account-picker">
          <legend>{t('pickLegend')}</legend>
          <p className="hint">{catalog.suggested.length ? t('pickHintSuggested') : t('pickHint')}</p>
          {(() => {
            // With suggestions, the found and chosen accounts stay in view; the rest are one click away.
            const front = catalog.suggested.length ? catalog.accounts.filter((a) => catalog.suggested.includes(a.id) || selected.includes(a.id)) : catalog.accounts;
            const rest = catalog.accounts.filter((a) => !front.includes(a));
            const box = (a: Account) => (
              <label key={a.id} className="choice">
                <input type="checkbox" checked={selected.includes(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />
                <span>
                  <UserText>{a.name}</UserText>
                  {catalog.suggested.includes(a.id) && <span className="hint"> {t('foundOnNetwork')}</span>}
                </span>
              </label>
            );
            return (
              <>
                <div className="choice-grid">{front.map(box)}</div>
                {rest.length > 0 && (
                  <Disclosure quiet summary={t('moreAccounts', { count: rest.length })}>
                    <div className="choice-grid">{rest.map(box)}</div>
                  </Disclosure>
                )}
              </>
            );
          })()}
        </fieldset>

        {chosen.length === 0 ? (
          <p>{t('noneChosen')}</p>
        ) : (
          chosen.map((a) => (
            <AccountCard
              key={a.id}
              account={a}
              state={stateFrom(answers, a.id, prev(a.id))}
              previous={prev(a.id)}
              onAnswer={answer}
              startOpen={justChosen.includes(a.id) || a.id === missing[0]?.id || prev(a.id)?.expired === true}
            />
          ))
        )}

        {chosen.length > 0 && (
          <SaveRow
            missingId="accounts-missing"
            missingText={missing.length > 0 ? t('missing', { names: missing.map((a) => a.name).join(', ') }) : null}
            saveLabel={t('save')}
            busy={busy}
            onSave={() => void save()}
            saved={twoFa}
            saveError={saveError}
          />
        )}
      </div>
      <ConfirmChecks checks={checks} />
    </div>
  );
}

function AccountCard({
  account: a,
  state,
  previous,
  onAnswer,
  startOpen,
}: {
  account: Account;
  state: AccountState;
  previous: Previous;
  onAnswer: (key: string, value: string | boolean) => void;
  /** Open on arrival (the first account still to answer, or one the user just ticked). */
  startOpen: boolean;
}) {
  const { t } = useTranslation('accounts');
  const id = useId();
  const [initiallyOpen] = useState(startOpen);
  const { open, state: opened } = useOpenExternal();
  const [codes, setCodes] = useState('');
  const [stored, setStored] = useState<{ ok: boolean; text: string } | null>(null);
  const others = a.ranked.filter((r) => r.method !== a.best);

  const storeCodes = async () => {
    try {
      const out = await call(getApi(), 'accounts:store-recovery-codes', { account: a.id, codes });
      if (out.stored) {
        setCodes('');
        setStored({ ok: true, text: t('codesStored', { account: out.account }) });
        onAnswer(`recoveryCodesStored.${a.id}`, true);
      } else setStored({ ok: false, text: t('codesNotStored', { message: errorText(out.error) }) });
    } catch (err) {
      setStored({ ok: false, text: t('codesNotStored', { message: errorText(err) }) });
    }
  };

  return (
    <section className="account-card" aria-labelledby={`${id}-h`} data-account={a.id}>
      <Disclosure
        open={initiallyOpen}
        summary={
          <>
            <span id={`${id}-h`} className="account-name">
              <UserText>{a.name}</UserText>
            </span>{' '}
            {state.enabled === '' ? (
              <StatusBadge tone="unknown" label={t('cardToAnswer')} />
            ) : previous?.expired ? (
              <StatusBadge tone="warn" label={t('cardExpired')} />
            ) : (
              <StatusBadge tone="info" label={t('cardAnswered')} />
            )}
          </>
        }
      >
      {previous && <p className="hint">{t(previous.expired ? 'previousExpired' : 'previousCurrent', { date: formatDate(previous.confirmedAt) })}</p>}
      {a.best ? (
        <p className="account-best">
          <strong>{t('use', { method: t(`method.${a.best}.label`) })}</strong> {t(`method.${a.best}.why`)}
        </p>
      ) : (
        <p className="account-best">{a.noTwoFactor}</p>
      )}
      {others.length > 0 && <p className="hint">{t('alsoOffered', { list: others.map((r) => t(`method.${r.method}.label`)).join(' · ') })}</p>}

      {a.quirk && (
        <div className="account-quirk" role="note">
          <h4>{t('quirkHeading')}</h4>
          <p>{a.quirk.summary}</p>
          {a.quirk.steps.length > 0 && (
            <>
              <ol>
                {a.quirk.steps.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ol>
              <label className="choice">
                <input type="checkbox" checked={state.quirkDone} onChange={(e) => onAnswer(`quirkDone.${a.id}`, e.target.checked)} />
                <span>{t('quirkDone')}</span>
              </label>
            </>
          )}
        </div>
      )}

      <div className="button-row">
        <button type="button" className="button-secondary" onClick={() => void open(a.settingsUrl)}>
          {t('open', { name: a.name })}
        </button>
      </div>
      <p aria-live="polite" className="hint">
        {opened ? (opened.ok ? t('opened') : t('openFailed', { message: opened.message })) : ''}
      </p>
      {a.whereInApp && <p className="hint">{t('whereInApp', { path: a.whereInApp })}</p>}

      <label htmlFor={`${id}-method`}>{t('enabledLabel')}</label>
      <select id={`${id}-method`} value={state.enabled} onChange={(e) => onAnswer(`method.${a.id}`, e.target.value)}>
        <option value="">{t('enabledChoose')}</option>
        {a.ranked.map((r) => (
          <option key={r.method} value={r.method}>
            {t(`method.${r.method}.label`)}
          </option>
        ))}
        <option value="none">{a.methods.length ? t('enabledNone') : t('enabledNotOffered')}</option>
      </select>

      <label className="choice">
        <input type="checkbox" checked={state.unique} onChange={(e) => onAnswer(`unique.${a.id}`, e.target.checked)} />
        <span>{t('unique')}</span>
      </label>
      <label className="choice">
        <input type="checkbox" checked={state.reviewed} onChange={(e) => onAnswer(`reviewed.${a.id}`, e.target.checked)} />
        <span>{t('reviewed')}</span>
      </label>

      <details className="account-codes">
        <summary>{t('codesSummary')}</summary>
        <label htmlFor={`${id}-codes`}>{t('codesLabel')}</label>
        <p className="hint" id={`${id}-codes-hint`}>
          {t('codesHint')}
        </p>
        <textarea id={`${id}-codes`} rows={3} value={codes} autoComplete="off" spellCheck={false} aria-describedby={`${id}-codes-hint`} onChange={(e) => setCodes(e.target.value)} />
        <div className="button-row">
          <button type="button" className="button-secondary" disabled={!codes.trim()} onClick={() => void storeCodes()}>
            {t('codesStore')}
          </button>
        </div>
        <p aria-live="polite">
          {stored?.text ?? ''}
        </p>
      </details>
      </Disclosure>
    </section>
  );
}
