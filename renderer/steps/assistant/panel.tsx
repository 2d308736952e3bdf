import { useId, useState } from 'react';
import { Disclosure, Notice } from '../../design';
import { useSelector } from '@xstate/react';
import { useTranslation } from 'react-i18next';
import type { ArgsOf, ResultOf } from '../../../main/ipc/contract';
import type { PanelProps } from '../shared/panel-props';
import { ConfirmChecks } from '../shared/confirm-checks';
import { SaveRow } from '../shared/save-row';
import { useWizard } from '../../wizard/wizard-context';
import { call, getApi } from '../../wizard/api';
import { useLoad, useOpenExternal, useSyncConfirmations } from '../accounts/use-step-api';
import { assistantsFound } from './found';
import { UserText } from '../../components/user-text';
import { errorText } from '../../i18n/messages';

type Data = ResultOf<'assistant:settings'>;
type Setting = Data['settings'][number];
type AssistantId = Data['assistants'][number]['id'];
type Answers = Record<string, unknown>;

/**
 * The assistant step: for each assistant in the home, voice purchasing, voice unlock (only with a
 * smart lock), skills and linked devices, and recording retention — each with why it matters and
 * where the setting lives in that assistant's app. "Save my answers" records them dated
 * (assistant:confirm) and updates voice.* and the linked-apps review.
 */
export function Panel({ checks }: PanelProps) {
  const { t } = useTranslation('accounts');
  const actor = useWizard();
  const answers = useSelector(actor, (s) => s.context.answers.assistant ?? {}) as Answers;
  const home = useSelector(actor, (s) => s.context.home);
  const { value: data, error } = useLoad('assistant:settings', {});
  const { value: surveyed } = useLoad('survey:inventory', {});
  const [saved, setSaved] = useState<ResultOf<'assistant:confirm'> | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useSyncConfirmations(checks);

  // The quick answers (ConfirmChecks) render at once, whatever the guide's loading state.
  if (error || !data) {
    return (
      <div className="assistant-panel">
        <div className="assistant-guide">{error ? <Notice tone="error">{t('loadFailed', { message: error })}</Notice> : <p aria-live="polite">{t('loading')}</p>}</div>
        <ConfirmChecks checks={checks} />
      </div>
    );
  }

  const answer = (key: string, value: string | boolean | string[]) => actor.send({ type: 'ANSWER', step: 'assistant', key, value });
  // This run's answers first, then last time's (a re-audit starts from them), then what the home suggests.
  const suggested = data.previous.assistants.length ? data.previous.assistants : assistantsFound(surveyed?.devices ?? []);
  const chosen = (Array.isArray(answers.assistants) ? answers.assistants : suggested).filter((x): x is AssistantId => data.assistants.some((a) => a.id === x));
  const hasLock =
    typeof answers.hasSmartLock === 'boolean' ? answers.hasSmartLock : (data.previous.hasSmartLock ?? (home.includes('smartLock') || data.surveyFoundLock));
  // Answer keys use the setting's position, not its id: ids such as "unlock-pin" would read as a secret to the machine.
  const keyOf = (s: Setting, a: AssistantId) => `q${data.settings.indexOf(s)}.${a}`;
  const optionOf = (s: Setting, a: AssistantId) => (typeof answers[keyOf(s, a)] === 'string' ? (answers[keyOf(s, a)] as string) : (data.previous.answers[`${s.id}.${a}`] ?? ''));
  const needed = (s: Setting, a: AssistantId) => !(s.requires === 'smart-lock' && !hasLock) && 'path' in s.where[a];
  const missing = chosen.flatMap((a) => data.settings.filter((s) => needed(s, a) && !optionOf(s, a)).map((s) => `${s.title} (${data.assistants.find((x) => x.id === a)?.name})`));

  const save = async () => {
    setBusy(true);
    setSaveError(null);
    try {
      const args: ArgsOf<'assistant:confirm'> = {
        hasSmartLock: hasLock,
        assistants: chosen.map((a) => ({
          assistant: a,
          answers: Object.fromEntries(data.settings.filter((s) => needed(s, a)).map((s) => [s.id, optionOf(s, a)])),
        })),
      };
      setSaved(await call(getApi(), 'assistant:confirm', args));
      actor.send({ type: 'REFRESH_CHECKS' });
    } catch (err) {
      setSaveError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const first = saved?.checks.find((c) => c.evidence.kind === 'confirmed');
  return (
    <div className="assistant-panel">
      {/* Same two children as while loading (guide, quick answers), so the quick answers are never remounted. */}
      <div className="assistant-guide">
        <fieldset>
          <legend>{t('assistant.pickLegend')}</legend>
          {data.assistants.map((a) => (
            <label key={a.id} className="choice">
              <input
                type="checkbox"
                checked={chosen.includes(a.id)}
                onChange={(e) => answer('assistants', e.target.checked ? [...chosen.filter((x) => x !== a.id), a.id] : chosen.filter((x) => x !== a.id))}
              />
              <span>
                <UserText>{a.name}</UserText>
              </span>
            </label>
          ))}
          <label className="choice">
            <input type="checkbox" checked={hasLock} onChange={(e) => answer('hasSmartLock', e.target.checked)} />
            <span>{t('assistant.hasLock')}</span>
          </label>
        </fieldset>

        {chosen.length === 0 ? <p>{t('assistant.noneChosen')}</p> : data.settings.map((s) => <SettingCard key={s.id} setting={s} data={data} chosen={chosen} hasLock={hasLock} optionOf={optionOf} onAnswer={(a, v) => answer(keyOf(s, a), v)} />)}

        {chosen.length > 0 && (
          <SaveRow
            missingId="assistant-missing"
            missingText={missing.length > 0 ? t('assistant.missing', { names: missing.join('; ') }) : null}
            saveLabel={t('assistant.save')}
            busy={busy}
            onSave={() => void save()}
            saved={first}
            saveError={saveError}
          />
        )}
      </div>
      <ConfirmChecks checks={checks} />
    </div>
  );
}

function SettingCard(props: {
  setting: Setting;
  data: Data;
  chosen: AssistantId[];
  hasLock: boolean;
  optionOf: (s: Setting, a: AssistantId) => string;
  onAnswer: (assistant: AssistantId, value: string) => void;
}) {
  const { setting: s, data, chosen, hasLock, optionOf, onAnswer } = props;
  const { t } = useTranslation('accounts');
  const id = useId();
  const { open, state: opened } = useOpenExternal();
  return (
    <section className="assistant-setting" aria-labelledby={`${id}-h`} data-setting={s.id}>
      <h3 id={`${id}-h`}>{s.title}</h3>
      {/* The reason and the menu path are one click away, so the questions stay on the first screen. */}
      <Disclosure quiet summary={t('assistant.why')}>
        <p>{s.why}</p>
      </Disclosure>
      {s.requires === 'smart-lock' && !hasLock ? (
        <p className="hint">{t('assistant.notApplicable', { reason: s.notApplicable })}</p>
      ) : (
        chosen.map((a) => {
          const where = s.where[a];
          const name = data.assistants.find((x) => x.id === a)?.name ?? a;
          const app = data.assistants.find((x) => x.id === a)?.app ?? name;
          if (!('path' in where)) {
            return (
              <p key={a} className="hint">
                {t('assistant.notOffered', { assistant: name, reason: where.notOffered })}
              </p>
            );
          }
          return (
            <fieldset key={a} className="assistant-question" data-assistant={a}>
              <legend>{t('assistant.question', { question: s.question, assistant: name })}</legend>
              <Disclosure quiet summary={t('assistant.whereShow', { app })}>
                <p className="hint">{t('assistant.where', { path: where.path })}</p>
                {where.url && (
                  <div className="button-row">
                    <button type="button" className="button-secondary" onClick={() => void open(where.url!)}>
                      {t('assistant.openPage', { assistant: name })}
                    </button>
                    <span aria-live="polite" className="hint">
                      {opened ? (opened.ok ? t('opened') : t('openFailed', { message: opened.message })) : ''}
                    </span>
                  </div>
                )}
              </Disclosure>
              {s.options.map((o) => (
                <label key={o.id} className="choice">
                  <input type="radio" name={`${id}-${a}`} value={o.id} checked={optionOf(s, a) === o.id} onChange={() => onAnswer(a, o.id)} />
                  <span>{o.label}</span>
                </label>
              ))}
            </fieldset>
          );
        })
      )}
    </section>
  );
}
