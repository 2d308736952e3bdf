import { useTranslation } from 'react-i18next';
import { Notice } from '../../design';
import { formatDate } from '../../i18n';
import type { CheckView } from '../../wizard/api';

export interface SaveRowProps {
  /** Id of the "still missing" hint, which the button is described by while it shows. */
  missingId: string;
  /** The "still missing" sentence, or null when nothing is missing (the button is then enabled). */
  missingText: string | null;
  saveLabel: string;
  busy: boolean;
  onSave: () => void;
  /** The check whose confirmation date the status line shows once saved. */
  saved: CheckView | undefined;
  saveError: string | null;
}

/** The save row of a confirmation panel: what is still missing, the save button, the dated status, the error. */
export function SaveRow({ missingId, missingText, saveLabel, busy, onSave, saved, saveError }: SaveRowProps) {
  const { t } = useTranslation('accounts');
  return (
    <div className="save-row">
      {missingText !== null && (
        <p className="hint" id={missingId}>
          {missingText}
        </p>
      )}
      <button type="button" className="button-primary" disabled={busy || missingText !== null} aria-describedby={missingText !== null ? missingId : undefined} onClick={onSave}>
        {saveLabel}
      </button>
      <p aria-live="polite" className="save-status">
        {saved && saved.evidence.kind === 'confirmed' ? t('saved', { date: formatDate(saved.evidence.at), until: formatDate(saved.evidence.expiresAt) }) : ''}
      </p>
      {saveError && <Notice tone="error">{t('saveFailed', { message: saveError })}</Notice>}
    </div>
  );
}
