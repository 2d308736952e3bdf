import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArgsOf, ResultOf } from '../../../main/ipc/contract';
import { call, getApi } from '../../wizard/api';
import { formatMessage, errorText } from '../../i18n/messages';
import { formatDate } from '../../i18n';
import { FormRow, Notice, Progress, ResultCard, StatusBadge } from '../../design';
import './router-automation.css';

type State = ResultOf<'router:state'>;
type PlanAnswer = ResultOf<'router:plan'>;
type Plan = Extract<PlanAnswer, { kind: 'ok' }>['value'];
type Problem = Extract<PlanAnswer, { kind: 'problem' }>['problem'];
type Applied = Extract<ResultOf<'router:apply'>, { kind: 'ok' }>['value'];

/** The calls the panel makes; the default goes to the core, unit tests pass their own. */
export interface RouterAutomationApi {
  state(): Promise<State>;
  saveLogin(args: ArgsOf<'router:save-login'>): Promise<State>;
  plan(args: ArgsOf<'router:plan'>): Promise<PlanAnswer>;
  apply(args: ArgsOf<'router:apply'>): Promise<ResultOf<'router:apply'>>;
}

export const coreRouterApi: RouterAutomationApi = {
  state: () => call(getApi(), 'router:state', {}),
  saveLogin: (a) => call(getApi(), 'router:save-login', a),
  plan: (a) => call(getApi(), 'router:plan', a),
  apply: (a) => call(getApi(), 'router:apply', a),
};

export type Phase =
  | { kind: 'idle' }
  | { kind: 'login'; askUser: boolean; askPassword: boolean; again: boolean }
  | { kind: 'reading' }
  | { kind: 'plan'; plan: Plan }
  | { kind: 'applying'; plan: Plan }
  | { kind: 'done'; result: Applied; plan: Plan };

/**
 * "Let Porchlight change it" for the Wi-Fi step (issue 16): shown only when the survey identified a
 * router Porchlight can change (a FRITZ!Box). Asks once for the router's login when it is missing
 * (the password goes straight to the keychain), shows every planned change in plain words, changes
 * the router only after "Yes, change my router", and shows the checked result — or, for a change that
 * would cut this computer's Wi-Fi, points to the manual guide with the passphrase and QR code below.
 */
export function RouterAutomation({
  ssid = null,
  mode,
  onChanged,
  idleHidden = false,
  iotSsid,
  adminPassword = false,
  api = coreRouterApi,
}: {
  /** Wi-Fi step: the home network and the mode to move it to. Absent mode: the updates step (WPS off, and remote administration / UPnP off as the owner chooses). */
  ssid?: string | null;
  mode?: 'wpa3' | 'transition';
  onChanged: () => void;
  /** The network is already as strong as it gets: show nothing until something happened here (a result stays). */
  idleHidden?: boolean;
  /** Separate-network step: turn on the smart-device network with this name (secured and isolated; its passphrase made and kept main-side). */
  iotSsid?: string;
  /** Passwords step: a new admin password for the router (made and kept main-side; never in the renderer). */
  adminPassword?: boolean;
  api?: RouterAutomationApi;
}) {
  const { t } = useTranslation('wifi');
  const id = useId();
  const [state, setState] = useState<State | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [wired, setWired] = useState(false);
  const [userName, setUserName] = useState('');
  const [password, setPassword] = useState('');
  const [remoteAdminOff, setRemoteAdminOff] = useState(false);
  const [upnpOff, setUpnpOff] = useState(false);
  const wifi = mode !== undefined;
  const iot = iotSsid !== undefined;
  const task: 'wifi' | 'iot' | 'admin' | 'updates' = adminPassword ? 'admin' : iot ? 'iot' : wifi ? 'wifi' : 'updates';
  const wish = (cable: boolean, choices = { remoteAdminOff, upnpOff }) =>
    task === 'admin' ? { adminPassword: true as const, wired: cable } : task === 'iot' ? { iotWifi: { ssid: iotSsid ?? '' }, wired: cable } : wifi ? { homeWifi: mode, wired: cable } : { wpsOff: true, ...choices, wired: cable };

  useEffect(() => {
    let live = true;
    api.state().then(
      (s) => live && setState(s),
      () => live && setState(null),
    );
    return () => {
      live = false;
    };
  }, [api]);

  // Keyboard users land where the next thing to do is: the first login field, the plan, the result.
  const section = useRef<HTMLElement>(null);
  /** A control that re-reads the plan (the cable and UPnP choices) gets the focus back afterwards. */
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    const root = section.current;
    if (!root) return;
    if (phase.kind === 'reading' || phase.kind === 'applying') return;
    const back = refocus.current ? document.getElementById(refocus.current) : null;
    refocus.current = null;
    const target = back ?? (phase.kind === 'login' ? root.querySelector('input') : phase.kind === 'plan' || phase.kind === 'done' ? root.querySelector<HTMLElement>('[data-focus-target]') : null);
    target?.focus();
  }, [phase.kind]);

  if (!state?.supported) return null;
  if (idleHidden && phase.kind === 'idle' && !problem && !failure) return null;
  const router = [state.router?.vendor, state.router?.model].filter(Boolean).join(' ');

  const readPlan = async (cable: boolean, choices = { remoteAdminOff, upnpOff }) => {
    setProblem(null);
    setFailure(null);
    setPhase({ kind: 'reading' });
    try {
      const answer = await api.plan(wish(cable, choices));
      if (answer.kind === 'ok') setPhase({ kind: 'plan', plan: answer.value });
      else afterProblem(answer.problem);
    } catch (err) {
      setFailure(errorText(err));
      setPhase({ kind: 'idle' });
    }
  };

  const afterProblem = (p: Problem) => {
    setProblem(p);
    setPhase(phaseAfterProblem(p, state));
  };

  const start = () => {
    if (!state.userName || !state.passwordSaved) {
      setUserName(state.userName ?? '');
      setPhase({ kind: 'login', askUser: true, askPassword: !state.passwordSaved, again: false });
      return;
    }
    void readPlan(wired);
  };

  const saveLogin = async (e: FormEvent) => {
    e.preventDefault();
    if (phase.kind !== 'login') return;
    setFailure(null);
    try {
      const next = await api.saveLogin({ userName: userName.trim(), ...(phase.askPassword ? { password } : {}) });
      setPassword('');
      setState(next);
      setProblem(null);
      await readPlan(wired);
    } catch (err) {
      setFailure(errorText(err));
    }
  };

  const apply = async (plan: Plan) => {
    const agreed = plan.changes.filter((c) => !c.refused).map((c) => c.key);
    setProblem(null);
    setFailure(null);
    setPhase({ kind: 'applying', plan });
    try {
      const answer = await api.apply({ ...wish(wired), yes: true, agreed });
      if (answer.kind === 'ok') {
        setPhase({ kind: 'done', result: answer.value, plan });
        onChanged();
      } else if (answer.problem.kind === 'changed-since-preview') {
        setProblem(answer.problem);
        const again = await api.plan(wish(wired));
        if (again.kind === 'ok') setPhase({ kind: 'plan', plan: again.value });
        else afterProblem(again.problem);
      } else afterProblem(answer.problem);
    } catch (err) {
      setFailure(errorText(err));
      setPhase({ kind: 'plan', plan });
    }
  };

  return (
    <section ref={section} className="router-auto" aria-labelledby={`${id}-h`} data-testid="router-automation" data-phase={phase.kind}>
      <h3 id={`${id}-h`}>{t('routerAuto.heading')}</h3>
      <p>{task === 'admin' ? t('routerAuto.introAdmin', { router }) : task === 'iot' ? t('routerAuto.introIot', { router, ssid: iotSsid }) : wifi ? t('routerAuto.intro', { router, ssid }) : t('routerAuto.introUpdates', { router })}</p>
      {task === 'updates' && (phase.kind === 'idle' || phase.kind === 'plan') && (
        <fieldset className="router-auto-choices">
          <legend>{t('routerAuto.choicesLegend')}</legend>
          {(
            [
              ['remoteAdminOff', remoteAdminOff, setRemoteAdminOff],
              ['upnpOff', upnpOff, setUpnpOff],
            ] as const
          ).map(([key, value, set]) => (
            <FormRow inline key={key}>
              <input
                id={`${id}-${key}`}
                type="checkbox"
                checked={value}
                onChange={(e) => {
                  set(e.target.checked);
                  if (phase.kind === 'plan') refocus.current = e.target.id;
                  if (phase.kind === 'plan') void readPlan(wired, { remoteAdminOff, upnpOff, [key]: e.target.checked });
                }}
              />
              <label htmlFor={`${id}-${key}`}>{t(`routerAuto.choice.${key}`)}</label>
            </FormRow>
          ))}
        </fieldset>
      )}

      {phase.kind === 'idle' && (
        <>
          <button type="button" className="button-primary" onClick={start} disabled={task === 'iot' && !iotSsid} aria-describedby={task === 'iot' && !iotSsid ? `${id}-noname` : undefined}>
            {t('routerAuto.start')}
          </button>
          {task === 'iot' && !iotSsid && (
            <p id={`${id}-noname`} className="hint">
              {t('routerAuto.iotNameFirst')}
            </p>
          )}
        </>
      )}

      {phase.kind === 'login' && (
        <form className="router-auto-login" onSubmit={(e) => void saveLogin(e)} aria-labelledby={`${id}-login`}>
          <p id={`${id}-login`}>{phase.again ? t('routerAuto.loginAgain') : t('routerAuto.loginIntro', { router })}</p>
          {phase.askUser && (
            <FormRow hint={<span id={`${id}-user-hint`}>{t('routerAuto.userHint')}</span>}>
              <label htmlFor={`${id}-user`}>{t('routerAuto.userLabel')}</label>
              <input id={`${id}-user`} type="text" autoComplete="username" maxLength={64} required value={userName} aria-describedby={`${id}-user-hint`} onChange={(e) => setUserName(e.target.value)} />
            </FormRow>
          )}
          {phase.askPassword && (
            <FormRow hint={<span id={`${id}-pw-hint`}>{t('routerAuto.passwordHint')}</span>}>
              <label htmlFor={`${id}-pw`}>{t('routerAuto.passwordLabel')}</label>
              <input id={`${id}-pw`} type="password" autoComplete="current-password" maxLength={128} required value={password} aria-describedby={`${id}-pw-hint`} onChange={(e) => setPassword(e.target.value)} />
            </FormRow>
          )}
          <div className="router-auto-actions">
            <button type="submit" className="button-primary">
              {t('routerAuto.saveLogin')}
            </button>
            <button type="button" className="button-choice" onClick={() => setPhase({ kind: 'idle' })}>
              {t('routerAuto.cancel')}
            </button>
          </div>
        </form>
      )}

      {phase.kind === 'reading' && <Progress label={t('routerAuto.reading', { router })} value={null} data-testid="router-auto-progress" />}

      {(phase.kind === 'plan' || phase.kind === 'applying') && <PlanList plan={phase.plan} />}
      {phase.kind === 'plan' && <Preview task={task} plan={phase.plan} ssid={iotSsid ?? ''} />}

      {phase.kind === 'plan' && (
        <>
          {(wired || phase.plan.changes.some((c) => c.refused?.code === 'router-api.refused.cuts-link')) && (
            <>
              {phase.plan.changes.some((c) => c.refused?.code === 'router-api.refused.cuts-link') && (
                <Notice tone="warn" data-testid="router-auto-manual">
                  {t('routerAuto.cutsLinkManual')}
                </Notice>
              )}
              <FormRow inline hint={t('routerAuto.wiredHint')}>
                <input
                  id={`${id}-wired`}
                  type="checkbox"
                  checked={wired}
                  onChange={(e) => {
                    refocus.current = e.target.id;
                    setWired(e.target.checked);
                    void readPlan(e.target.checked);
                  }}
                />
                <label htmlFor={`${id}-wired`}>{t('routerAuto.wired')}</label>
              </FormRow>
            </>
          )}
          {phase.plan.changes.every((c) => c.refused) ? (
            // The separate network with no change planned: the router's guest network could not be told apart (said above), not "already so".
            phase.plan.changes.length === 0 && task !== 'iot' && <Notice tone="success">{t('routerAuto.nothingToDo')}</Notice>
          ) : (
            <div className="router-auto-actions">
              <button type="button" className="button-primary" onClick={() => void apply(phase.plan)}>
                {t('routerAuto.yes')}
              </button>
              <button type="button" className="button-choice" onClick={() => setPhase({ kind: 'idle' })}>
                {t('routerAuto.cancel')}
              </button>
            </div>
          )}
          {task !== 'updates' && <p className="hint">{task === 'admin' ? t('routerAuto.manualStaysAdmin') : task === 'iot' ? t('routerAuto.manualStaysIot') : t('routerAuto.manualStays')}</p>}
        </>
      )}

      {phase.kind === 'applying' && <Progress label={t('routerAuto.applying')} value={null} state={t('routerAuto.applyingState')} data-testid="router-auto-progress" />}

      {phase.kind === 'done' && (
        <div tabIndex={-1} data-focus-target className="router-auto-result">
          <ApplyResult result={phase.result} plan={phase.plan} />
        </div>
      )}

      {problem && <ProblemNotice problem={problem} />}
      {failure && <Notice tone="error">{t('routerAuto.failure', { reason: failure })}</Notice>}
    </section>
  );
}

/**
 * What "Yes" will do, in plain words, for the two tasks whose change involves a secret: where the
 * new admin password goes and when the old one is set aside; where the separate network's
 * passphrase comes from, and what the check after the change rests on.
 */
export function Preview({ task, plan, ssid }: { task: 'wifi' | 'iot' | 'admin' | 'updates'; plan: Plan; ssid: string }) {
  const { t } = useTranslation('wifi');
  if (task === 'admin' && plan.changes.some((c) => c.key === 'admin-password' && !c.refused)) {
    return (
      <p className="router-auto-preview" data-testid="router-auto-preview">
        {t('routerAuto.previewAdmin')}
      </p>
    );
  }
  if (task === 'iot' && plan.changes.some((c) => c.key.startsWith('iot-wifi') && !c.refused)) {
    return (
      <div className="router-auto-preview" data-testid="router-auto-preview">
        <p>{plan.iotPassphrase?.saved ? t('routerAuto.previewIotSaved', { ssid }) : t('routerAuto.previewIotNew', { ssid })}</p>
        <p>{t('routerAuto.previewIotProof', { ssid })}</p>
      </div>
    );
  }
  if (task === 'iot' && !plan.changes.some((c) => c.key.startsWith('iot-wifi'))) {
    return (
      <Notice tone="warn" data-testid="router-auto-manual">
        {t('routerAuto.iotManual')}
      </Notice>
    );
  }
  return null;
}

/** What to ask next after a router problem: the login again after a refused password (once), the missing part of the login, else nothing. */
export function phaseAfterProblem(p: Problem, state: Pick<State, 'userName' | 'passwordSaved'>): Phase {
  if (p.kind === 'auth-failed' && p.message.code === 'router-api.error.auth-failed') return { kind: 'login', askUser: true, askPassword: true, again: true };
  if (p.kind === 'credentials-missing') return { kind: 'login', askUser: !state.userName, askPassword: !state.passwordSaved, again: false };
  return { kind: 'idle' };
}

/** A router problem in plain words next to the button, with what to do when the router asked to wait or to press its button. */
export function ProblemNotice({ problem }: { problem: Problem }) {
  const { t } = useTranslation('wifi');
  return (
    <Notice tone="error" data-testid="router-auto-problem" data-kind={problem.kind}>
      {formatMessage(problem.message)}
      {problem.kind === 'blocked-after-failures' || problem.kind === 'needs-confirmation-on-device' ? ` ${t(`routerAuto.whatToDo.${problem.kind}`, { seconds: problem.waitSeconds ?? 60 })}` : ''}
    </Notice>
  );
}

/** The checked result of a change: verified (with what the rescan saw), put back with the reason, or put back failed. */
export function ApplyResult({ result, plan }: { result: Applied; plan: Plan }) {
  const { t } = useTranslation('wifi');
  const status = result.outcome === 'verified' ? 'pass' : result.outcome === 'nothing-to-do' ? 'skipped' : 'fail';
  const words = (key: string) => {
    const c = plan.changes.find((x) => x.key === key);
    return c ? formatMessage(c.message) : '';
  };
  return (
    <ResultCard
      status={status}
      title={t(`routerAuto.outcome.${result.outcome}.title`)}
      badge={<StatusBadge tone={status} label={t(`routerAuto.outcome.${result.outcome}.badge`)} />}
      data-testid="router-auto-result"
      data-outcome={result.outcome}
    >
      {result.outcome === 'verified' && (
        <>
          <p>{result.rescan ? t('routerAuto.outcome.verified.body') : t('routerAuto.outcome.verified.bodyRead')}</p>
          <ul>
            {[...new Set(result.applied.map(words))].map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          {result.rescan && <p>{t('routerAuto.rescanSaw', { words: formatMessage(result.rescan) })}</p>}
          {result.rescan && <p>{t('routerAuto.checkAgainHint')}</p>}
          {result.basis.length > 0 && <p>{t('routerAuto.basisLabel')}</p>}
          {result.basis.length > 0 && (
            <ul className="router-auto-basis">
              {result.basis.map((b) => (
                <li key={b.code + JSON.stringify(b.params)}>{formatMessage(b)}</li>
              ))}
            </ul>
          )}
          {result.adminCheck && (
            <p data-testid="router-auto-admin-check" data-status={result.adminCheck.status}>
              {t('routerAuto.adminChecked', { words: formatMessage(result.adminCheck.reason) })}
            </p>
          )}
          {result.applied.includes('admin-password') && <p>{t('routerAuto.adminKept')}</p>}
          {result.iotPassphrase && <p>{result.iotPassphrase.made ? t('routerAuto.iotPassphraseMade') : t('routerAuto.iotPassphraseUsed')}</p>}
        </>
      )}
      {(result.outcome === 'restored' || result.outcome === 'restore-failed') && <p>{t(`routerAuto.outcome.${result.outcome}.body`, { reason: formatMessage(result.reason) })}</p>}
      {result.outcome === 'nothing-to-do' && <p>{t('routerAuto.outcome.nothing-to-do.body')}</p>}
      {[...new Set(result.skipped.map((x) => formatMessage(x.reason)))].map((w) => (
        <p key={w} className="hint">
          {w}
        </p>
      ))}
    </ResultCard>
  );
}

/** Changes that read the same (one SSID on the 2.4 GHz and 5 GHz radios) shown once, with how many radios. */
function grouped(plan: Plan) {
  const out = new Map<string, { key: string; words: string; refused: string | null; count: number }>();
  for (const c of plan.changes) {
    const words = formatMessage(c.message);
    const refused = c.refused ? formatMessage(c.refused) : null;
    const id = `${words}\u0000${refused ?? ''}`;
    const seen = out.get(id);
    if (seen) seen.count++;
    else out.set(id, { key: c.key, words, refused, count: 1 });
  }
  return [...out.values()];
}

/** The planned changes in plain words; a refused one with its reason. */
export function PlanList({ plan }: { plan: Plan }) {
  const { t } = useTranslation('wifi');
  return (
    <div className="router-auto-plan" data-testid="router-auto-plan">
      <h4 tabIndex={-1} data-focus-target>
        {t('routerAuto.planHeading')}
      </h4>
      {plan.interrupted && (
        <Notice tone={plan.interrupted.outcome === 'rolled-back' ? 'info' : 'warn'} data-testid="router-auto-interrupted">
          {formatMessage({ ...plan.interrupted.message, params: { ...plan.interrupted.message.params, startedAt: formatDate(plan.interrupted.startedAt) } })}
        </Notice>
      )}
      <ul>
        {grouped(plan).map((c) => (
          <li key={c.key} data-refused={c.refused ? 'true' : 'false'}>
            <StatusBadge tone={c.refused ? 'skipped' : 'info'} label={c.refused ? t('routerAuto.refusedBadge') : t('routerAuto.plannedBadge')} /> {c.words}
            {c.count > 1 ? ` ${t('routerAuto.radios', { count: c.count })}` : ''}
            {c.refused && <p className="hint">{c.refused}</p>}
          </li>
        ))}
      </ul>
      {plan.notes.map((n) => (
        <p key={n.code + JSON.stringify(n.params)} className="hint">
          {formatMessage(n)}
        </p>
      ))}
    </div>
  );
}
