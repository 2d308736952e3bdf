/**
 * What the Wi-Fi scan could not do, said next to the scan: the reason in the reader's words, and
 * when the core names steps to fix it (the Location permission on Windows 11 24H2+ and macOS 14.4+)
 * those steps on their own line so they read as instructions. The core sends both as message codes
 * (the steps in the reason's `steps` param, main/core/light-message.ts); nothing here reads words.
 */
import { useTranslation } from 'react-i18next';
import { formatMessage, type Message } from '../../i18n/messages';

/** The steps a reading's reason or note names (its `steps` param), or null when it names none. */
export function stepsOf(m: Message | null | undefined): Message | null {
  const s = m?.params.steps;
  return s && typeof s === 'object' && !Array.isArray(s) ? s : null;
}

/**
 * One problem or note from the scan: `alert` for a scan that failed, `note` for one that partly
 * worked, `status` for a connection that could not be read. `showSteps={false}` when another
 * notice on the page already shows the same steps.
 */
export function ScanNotice({ message, kind, testId, showSteps = true }: { message: Message; kind: 'alert' | 'note' | 'status'; testId?: string; showSteps?: boolean }) {
  const { t } = useTranslation('wifi');
  const what = formatMessage(message);
  const steps = showSteps ? stepsOf(message) : null;
  const line = kind === 'alert' ? t('scan.unknown', { reason: what }) : kind === 'status' ? t('scan.statusUnknown', { reason: what }) : t('scan.notes', { note: what });
  return (
    <div role={kind === 'alert' ? 'alert' : 'status'} className={steps ? 'callout' : kind === 'note' ? 'hint' : undefined} data-testid={testId}>
      <p>{line}</p>
      {steps && <p data-testid="wifi-permission-steps">{formatMessage(steps)}</p>}
    </div>
  );
}
