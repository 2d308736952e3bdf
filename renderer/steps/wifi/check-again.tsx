import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, getApi } from '../../wizard/api';
import { useWizard } from '../../wizard/wizard-context';
import { formatMessage, errorText } from '../../i18n/messages';

type View = Awaited<ReturnType<typeof call<'wifi:check-again'>>>;

/**
 * "Check again" for the Wi-Fi encryption check: runs the core's wifi.encryption verifier — the one
 * the re-audit and `porchlight audit` run — records the result on the board and shows it here.
 */
export function CheckAgain() {
  const { t } = useTranslation(['wifi', 'checks']);
  const actor = useWizard();
  const [busy, setBusy] = useState(false);
  const [view, setView] = useState<View | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setView(await call(getApi(), 'wifi:check-again', {}));
      actor.send({ type: 'REFRESH_CHECKS' });
    } catch (err) {
      setView(null);
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="check-again" data-testid="wifi-check-again">
      <button type="button" className="button-choice" disabled={busy} onClick={() => void run()}>
        {t('checkAgain.button')}
      </button>
      <div aria-live="polite">
        {busy && <p>{t('checkAgain.busy')}</p>}
        {!busy && view && (
          <p data-status={view.status}>
            {t('checkAgain.result', { status: t(`checks:status.${view.status}`), reason: view.reason ? formatMessage(view.reason) : '' })}
          </p>
        )}
      </div>
      {problem && <p role="alert">{t('checkAgain.error', { reason: problem })}</p>}
    </div>
  );
}
