/**
 * The app frame: loads saved progress and settings, starts the wizard actor (restoring the saved
 * snapshot when it is sound), saves after every transition, and lays out the landmarks: skip link,
 * header, step indicator (nav), the current step (main) and the footer.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useActorRef, useSelector } from '@xstate/react';
import type { PorchlightApi, ResultOf } from '../main/ipc/contract';
import { SkipLink } from './components/skip-link';
import { StepIndicator } from './components/step-indicator';
import { NoticeList, type Notice } from './components/notice-list';
import { ThemeSelect, type Theme } from './components/theme-select';
import { LanguageSelect } from './components/language-select';
import { loadEngine, requestedTestLanguage, setLanguage, translate, useTranslation } from './i18n/runtime';
import { resourceLanguageChanged } from './wizard/resource-language';
import { resolveLanguage, type LanguageChoice } from './i18n/languages';
import { WizardNav } from './components/wizard-nav';
import { BlockedMessage } from './components/blocked-message';
import { StepScreen } from './steps/step-screen';
import { prefetchPanel } from './steps/registry';
import { withEarlyAnswers } from './early-ipc';
import { call, getApi, unwrap } from './wizard/api';
import { provideWizard, type ProvidedWizard } from './wizard/actors';
import { isValidReason, missingInput, type WizardStep } from './wizard/machine';
import { restoreProgress, saveProgressOnChange } from './wizard/persistence';
import { syncConsentOnChange } from './wizard/consent-sync';
import { WizardActorContext } from './wizard/wizard-context';
import { sameArray, selectChecks, selectRoute, selectStep } from './wizard/selectors';
import { errorText } from './i18n/messages';
import { afterPaint } from './after-paint';
import { AfterFirstPaint } from './components/after-first-paint';

/** What the app needs before it shows the wizard (bootApp). */
export interface Boot {
  api: PorchlightApi;
  logic: ProvidedWizard;
  snapshot: unknown;
  notices: Notice[];
  theme: Theme;
  language: LanguageChoice;
  /** The computer's preferred languages (the desktop app's, else the browser's). */
  systemLanguages: readonly string[];
}

/** The first IPC calls (saved progress, app info, settings), as started by main.tsx before the first render. */
export interface Booting {
  api: PorchlightApi;
  /** The wizard machine, built once: saved progress is checked against it and the wizard runs it. */
  logic: ProvidedWizard;
  answers: Promise<[Awaited<ReturnType<typeof restoreProgress>>, ResultOf<'app:info'> | null, ResultOf<'settings:get'> | null]>;
}

/** Starts the first IPC calls at once; throws (no API) like getApi. */
export function startBoot(): Booting {
  const api = withEarlyAnswers(getApi());
  const logic = provideWizard(api);
  // One call for the three (sent by early-ipc before this code was evaluated); each part may be refused on its own.
  const started = call(api, 'app:start', {});
  return {
    api,
    logic,
    answers: Promise.all([restoreProgress(api, logic, started.then((s) => unwrap(s.progress))), started.then((s) => unwrap(s.info)).catch(() => null), started.then((s) => unwrap(s.settings)).catch(() => null)]),
  };
}

async function bootstrap(booting: Booting | (() => Booting), translate: (key: string, opts?: Record<string, unknown>) => string): Promise<Boot> {
  const { api, logic, answers } = typeof booting === 'function' ? booting() : booting;
  const notices: Notice[] = [];
  const [restored, info, settings] = await answers;
  const language = settings?.language ?? 'system';
  const systemLanguages = info?.languages.length ? info.languages : typeof navigator === 'undefined' ? [] : navigator.languages;
  // The first screen already speaks the chosen language (its catalogs load before the first render).
  const lng = requestedTestLanguage() ?? resolveLanguage(language, systemLanguages);
  await setLanguage(lng).catch(() => undefined);
  // Restored progress may open on a step with checks, shown at once: in another language their
  // texts come with i18next, so it comes first (no check titles in English before the language's).
  if (restored.snapshot && lng !== 'en') await loadEngine().catch(() => undefined);
  if (restored.notice) notices.push({ id: `restore-${restored.notice}`, text: translate(`notices.${restored.notice}`), tone: 'info' });
  // The core's notices are messages: worded where they are shown (their catalog arrives just after the first screen).
  for (const [i, message] of (info?.notices ?? []).entries()) notices.push({ id: `core-${i}`, text: '', message, tone: 'info' });
  applyTheme(settings?.theme ?? 'system');
  return { api, logic, snapshot: restored.snapshot, notices, theme: settings?.theme ?? 'system', language, systemLanguages };
}

/**
 * Reads the first IPC answers, picks the language and loads its first-screen catalogs, applies the
 * theme. start.tsx calls it before the first render, so that when the answers are already in (they
 * were sent before the app's code was evaluated) the wizard is the first thing rendered.
 */
export function bootApp(booting: Booting | (() => Booting)): Promise<Boot> {
  // translate, not t: t changes with the language, and a language switch must not start the boot again.
  return Promise.resolve().then(() => bootstrap(booting, (key, opts) => translate('app', key, opts) as string));
}

/** Applies the chosen theme; "system" leaves it to prefers-color-scheme. */
function applyTheme(theme: Theme) {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/**
 * Root component: boot, then the wizard; a failed boot shows what went wrong instead of a blank
 * page. `booting` is the first IPC calls, already under way (main.tsx starts them before rendering).
 */
export function App({ booting = startBoot, booted }: { booting?: Booting | (() => Booting); booted?: Boot | Promise<Boot> }) {
  const { t } = useTranslation('app');
  const [boot, setBoot] = useState<Boot | { error: string } | null>(booted && !(booted instanceof Promise) ? booted : null);
  const done = boot !== null;
  useEffect(() => {
    if (done) return;
    let live = true;
    (booted instanceof Promise ? booted : bootApp(booting))
      .then((b) => live && setBoot(b))
      .catch((err: unknown) => live && setBoot({ error: errorText(err) }));
    return () => {
      live = false;
    };
  }, [booting, booted, done]);
  if (boot === null) {
    return (
      <main id="main" className="boot">
        <p role="status">{t('loading')}</p>
      </main>
    );
  }
  if ('error' in boot) {
    return (
      <main id="main" className="boot">
        <h1>{t('fatal.title')}</h1>
        <p role="alert">{t('fatal.body', { message: boot.error })}</p>
      </main>
    );
  }
  return <Wizard boot={boot} />;
}

function Wizard({ boot }: { boot: Boot }) {
  const { t } = useTranslation(['app', 'wizard', 'panels']);
  const actor = useActorRef(boot.logic, boot.snapshot ? { snapshot: boot.snapshot as never } : {});
  const [notices, setNotices] = useState<Notice[]>(boot.notices);
  const [theme, setTheme] = useState<Theme>(boot.theme);
  const [language, setLanguageChoice] = useState<LanguageChoice>(boot.language);
  const step = useSelector(actor, selectStep);
  const route = useSelector(actor, selectRoute, sameArray);
  const visited = useSelector(actor, (s) => s.context.visited, sameArray);
  const skipped = useSelector(actor, (s) => Object.keys(s.context.skipped) as WizardStep[], sameArray);
  const skippedReason = useSelector(actor, (s) => s.context.skipped[selectStep(s)]?.reason ?? null);
  const mode = useSelector(actor, (s) => s.context.mode);
  const checks = useSelector(actor, selectChecks);
  const blocked = useSelector(actor, (s) => s.context.blocked);
  // What is still missing *now* (answering an item removes it from the message straight away).
  const stillMissing = useSelector(
    actor,
    (s) => (s.context.blocked && s.context.blocked.step === selectStep(s) ? missingInput(s.context, selectStep(s)) : null),
    (a, b) => a === b || (a !== null && b !== null && sameArray(a, b)),
  );
  const rejected = useSelector(actor, (s) => s.context.rejected);
  const checksError = useSelector(actor, (s) => s.context.checksError);
  const stopped = useSelector(actor, (s) => s.status === 'error');
  const heading = useRef<HTMLHeadingElement>(null);
  const blockedRef = useRef<HTMLDivElement>(null);
  const lastStep = useRef<WizardStep | null>(null);

  const addNotice = useCallback((n: Notice) => setNotices((list) => [...list.filter((x) => x.id !== n.id), n]), []);
  // The same list when there is nothing to drop: no re-render after every successful save.
  const dropNotice = useCallback((id: string) => setNotices((list) => (list.some((x) => x.id === id) ? list.filter((x) => x.id !== id) : list)), []);

  // The notices below are worded with the t of the moment they are shown; the subscriptions do not
  // start again when the language or the catalogs change (each new start would send again).
  const tNow = useRef(t);
  useEffect(() => {
    tNow.current = t;
  }, [t]);
  // Save after every transition (a failed save is reported, then retried with the next one); send
  // the welcome step's consent answers to the home model, which the headless audit obeys; reload a
  // restored snapshot's checks, which are as they were when saved. All of it starts once the first
  // screen has painted: it answers nothing the first screen shows, and each call costs the page time.
  useEffect(() => {
    const stops: (() => void)[] = [];
    const failed = (id: string) => (err: Error | null) =>
      err ? addNotice({ id, text: tNow.current('app:notices.save-failed', { message: errorText(err) }), tone: 'error' }) : dropNotice(id);
    const cancel = afterPaint(() => {
      stops.push(saveProgressOnChange(boot.api, actor, failed('save-failed')));
      stops.push(syncConsentOnChange(boot.api, actor, failed('consent-save-failed')));
      if (boot.snapshot) actor.send({ type: 'REFRESH_CHECKS' });
    });
    return () => {
      cancel();
      for (const stop of stops) stop();
    };
  }, [actor, boot.api, boot.snapshot, addNotice, dropNotice]);
  // Move focus to the new step's title so keyboard and screen-reader users start at the top.
  useEffect(() => {
    if (lastStep.current !== null && lastStep.current !== step) heading.current?.focus();
    lastStep.current = step;
  }, [step]);
  useEffect(() => {
    if (blocked) blockedRef.current?.focus();
  }, [blocked]);
  // The window/tab title names the step, so screen-reader users and task switchers know where they are.
  useEffect(() => {
    document.title = t('app:documentTitle', { step: t(`wizard:steps.${step}`) });
  }, [step, t]);

  const describeMissing = (id: string): string => {
    if (id === 'mode') return t('wizard:blocked.mode');
    if (id === 'checks') return t('wizard:blocked.checks');
    if (id.startsWith('consent.')) return t('wizard:blocked.consent', { probe: t(`panels:welcome.probe.${id.slice(8)}`) });
    if (id.startsWith('answer.')) return t(`wizard:blocked.answer.${id.slice(7)}`, { defaultValue: t('wizard:blocked.unknown', { id }) });
    if (id.startsWith('check.')) {
      const check = checks.find((c) => c.id === id.slice(6));
      return t('wizard:blocked.check', { title: check?.title ?? id.slice(6) });
    }
    return t('wizard:blocked.unknown', { id });
  };

  const index = route.indexOf(step);
  // While the user reads this step, the next one's panel loads in the background.
  const nextStep = route[index + 1];
  useEffect(() => {
    // i18next and the catalogs the first screen did not need (the checks' result words among them), shortly after it is shown.
    const timer = setTimeout(() => void loadEngine().catch(() => {}), 300);
    return () => clearTimeout(timer);
  }, []);
  useEffect(() => {
    if (!nextStep) return;
    const timer = setTimeout(() => prefetchPanel(nextStep), 300);
    return () => clearTimeout(timer);
  }, [nextStep]);
  const allNotices: Notice[] = checksError
    ? [...notices, { id: 'checks-failed', text: t('app:notices.checks-failed', { message: errorText(checksError) }), tone: 'error' }]
    : notices;

  return (
    <WizardActorContext.Provider value={actor}>
      <SkipLink targetId="main" />
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <p className="brand-name">{t('app:name')}</p>
          <p className="brand-tagline">{t('app:tagline')}</p>
        </div>
        <ThemeSelect
          value={theme}
          onChange={(next) => {
            setTheme(next);
            applyTheme(next);
            call(boot.api, 'settings:update', { theme: next }).catch((err: Error) =>
              addNotice({ id: 'theme-failed', text: t('app:notices.theme-failed', { message: errorText(err) }), tone: 'error' }),
            );
          }}
        />
        <LanguageSelect
          value={language}
          onChange={(next) => {
            setLanguageChoice(next);
            void setLanguage(resolveLanguage(next, boot.systemLanguages));
            call(boot.api, 'settings:update', { language: next })
              .then(() => resourceLanguageChanged())
              .catch((err: Error) => addNotice({ id: 'language-failed', text: t('app:notices.language-failed', { message: errorText(err) }), tone: 'error' }));
          }}
        />
      </header>
      <div className="app-body">
        <StepIndicator
          route={route}
          current={step}
          visited={visited}
          skipped={skipped}
          reaudit={mode === 're-audit'}
          onGoto={(target) => actor.send({ type: 'GOTO', step: target })}
        />
        <main id="main" tabIndex={-1} className="app-main">
          <NoticeList
            notices={allNotices}
            onDismiss={(id) => (id === 'checks-failed' ? actor.send({ type: 'DISMISS' }) : dropNotice(id))}
          />
          {stopped && (
            <div className="blocked" role="alert">
              <h2 className="blocked-heading">{t('app:stopped.title')}</h2>
              <p>{t('app:stopped.body')}</p>
              <button type="button" className="button-primary" onClick={() => window.location.reload()}>
                {t('app:stopped.reload')}
              </button>
            </div>
          )}
          {skippedReason && <p className="callout">{t('wizard:nav.skippedEarlier', { reason: skippedReason })}</p>}
          <StepScreen ref={heading} step={step} checks={checks} />
          {stillMissing && stillMissing.length > 0 && <BlockedMessage ref={blockedRef} items={stillMissing.map(describeMissing)} />}
          {rejected && (
            <p className="field-error" role="alert">
              {t(`wizard:rejected.${rejected}`)}
            </p>
          )}
          <WizardNav
            key={step}
            canGoBack={index > 0}
            canGoForward={step !== 'summary'}
            nextIsSummary={route[index + 1] === 'summary'}
            onBack={() => actor.send({ type: 'BACK' })}
            onNext={() => actor.send({ type: 'NEXT' })}
            onSkip={(reason) => actor.send({ type: 'SKIP', reason })}
            validateReason={isValidReason}
          />
        </main>
      </div>
      <AfterFirstPaint>
        <footer className="app-footer">
          <p>{t('app:footer')}</p>
        </footer>
      </AfterFirstPaint>
    </WizardActorContext.Provider>
  );
}
