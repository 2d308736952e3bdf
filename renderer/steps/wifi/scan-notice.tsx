/**
 * What the Wi-Fi scan could not do, said next to the scan: the reason in plain words, and when the
 * core names steps to fix it (the Location permission on Windows 11 24H2+ and macOS 14.4+, written
 * "… To allow it: open Settings → …"), those steps on their own line so they read as instructions.
 */
import { useTranslation } from 'react-i18next';

const STEPS = /\s*(To allow it:.*)$/s;

/** Splits a core reason into what happened and the steps that fix it (null when it names none). */
export function splitSteps(text: string): { what: string; steps: string | null } {
  const m = STEPS.exec(text);
  return m ? { what: text.slice(0, m.index), steps: m[1]! } : { what: text, steps: null };
}

/** One problem or note from the scan: `alert` for a scan that failed, `note` for one that partly worked. */
export function ScanNotice({ text, kind, testId }: { text: string; kind: 'alert' | 'note' | 'status'; testId?: string }) {
  const { t } = useTranslation('wifi');
  const { what, steps } = splitSteps(text);
  const line = kind === 'alert' ? t('scan.unknown', { reason: what }) : kind === 'status' ? t('scan.statusUnknown', { reason: what }) : t('scan.notes', { note: what });
  return (
    <div role={kind === 'alert' ? 'alert' : 'status'} className={steps ? 'callout' : kind === 'note' ? 'hint' : undefined} data-testid={testId}>
      <p>{line}</p>
      {steps && <p data-testid="wifi-permission-steps">{steps}</p>}
    </div>
  );
}
