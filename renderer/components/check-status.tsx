import { useTranslation } from 'react-i18next';
import type { CheckView } from '../wizard/api';
import { formatDate } from '../i18n';

const ICON: Record<CheckView['status'], string> = { pass: '✓', warn: '!', fail: '✕', unknown: '?', skipped: '–' };

/** A status as a word plus a shape, never colour alone. */
export function StatusBadge({ status }: { status: CheckView['status'] }) {
  const { t } = useTranslation('checks');
  return (
    <span className={`status status-${status}`}>
      <span className="status-icon" aria-hidden="true">
        {ICON[status]}
      </span>
      {t(`status.${status}`)}
    </span>
  );
}

/** How Porchlight knows: measured on a date, confirmed on a date until a date, expired, or nothing. */
export function EvidenceText({ check }: { check: CheckView }) {
  const { t } = useTranslation('checks');
  const e = check.evidence;
  let text: string;
  if (e.kind === 'verified') text = t('evidence.verified', { date: formatDate(e.at) });
  else if (e.kind === 'confirmed' && check.expired) text = t('evidence.expired', { date: formatDate(e.expiresAt) });
  else if (e.kind === 'confirmed') text = t('evidence.confirmed', { date: formatDate(e.at), until: formatDate(e.expiresAt) });
  else text = t('evidence.none');
  return <span className={`evidence evidence-${check.expired ? 'expired' : e.kind}`}>{text}</span>;
}

/** Why a check is unknown or skipped (or the user's note), in words. */
export function ReasonText({ check }: { check: CheckView }) {
  const { t } = useTranslation('checks');
  if (!check.reason) return null;
  const reason = check.reason === 'not checked yet' ? t('reason.notCheckedYet') : check.reason;
  const key = check.status === 'unknown' ? 'reason.unknown' : check.status === 'skipped' ? 'reason.skipped' : 'reason.note';
  return <span className="reason">{t(key, { reason })}</span>;
}
