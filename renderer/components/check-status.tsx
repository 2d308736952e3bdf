import { formatDate, useTranslation } from '../i18n/runtime';
import type { CheckView } from '../wizard/api';
import { StatusBadge as Badge } from '../design';
import { formatMessage, isUserText } from '../i18n/messages';

/** A check's status as a word plus a shape, never colour alone (the design system's badge). */
export function StatusBadge({ status }: { status: CheckView['status'] }) {
  const { t } = useTranslation('checks');
  return <Badge tone={status} label={t(`status.${status}`)} className={`status status-${status}`} />;
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

/**
 * Why a check has its status, in words: "Unknown because: …", "Does not apply because: …", the
 * user's own note as "Your note: …" (only text the user typed), or what Porchlight measured as is.
 */
export function ReasonText({ check }: { check: CheckView }) {
  const { t } = useTranslation('checks');
  if (!check.reason) return null;
  const reason = formatMessage(check.reason);
  if (!reason.trim()) return null;
  const key =
    check.status === 'unknown' ? 'reason.unknown' : check.status === 'skipped' ? 'reason.skipped' : isUserText(check.reason) ? 'reason.note' : 'reason.measured';
  return <span className="reason">{t(key, { reason })}</span>;
}

/** What was seen for a check (a detail message), in words; nothing when there is none. */
export function DetailText({ check }: { check: CheckView }) {
  const text = formatMessage(check.detail);
  return text.trim() ? <p className="check-detail">{text}</p> : null;
}
