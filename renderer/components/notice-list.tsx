import { useTranslation } from '../i18n/runtime';
import { formatMessage, type Message } from '../i18n/messages';

export interface Notice {
  id: string;
  text: string;
  tone: 'info' | 'error';
  /** A notice from the core (a message): worded when shown, so it reads in the current language once its catalog is there. */
  message?: Message;
}

/**
 * Messages about the app itself (progress set aside, a save failed); errors are announced at once.
 * A core notice is shown once it has words (the start-up ones have them on the first screen; any
 * other arrives with the message catalog just after it): never an empty box.
 */
export function NoticeList({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: (id: string) => void }) {
  const { t } = useTranslation('app');
  const worded = notices.flatMap((n) => {
    const text = n.message ? formatMessage(n.message) : n.text;
    return text ? [{ notice: n, text: n.message ? t('notices.core', { message: text }) : text }] : [];
  });
  const list = (tone: Notice['tone']) =>
    worded.filter((w) => w.notice.tone === tone).map((w) => <NoticeItem key={w.notice.id} notice={w.notice} text={w.text} onDismiss={onDismiss} label={t('notices.dismiss')} />);
  return (
    <div className="notices" role="region" aria-label={t('notices.heading')}>
      <div aria-live="polite" className="notice-live">
        {list('info')}
      </div>
      <div role="alert" className="notice-live">
        {list('error')}
      </div>
    </div>
  );
}

function NoticeItem({ notice, text, onDismiss, label }: { notice: Notice; text: string; onDismiss: (id: string) => void; label: string }) {
  return (
    <div className={`notice notice-${notice.tone}`} data-notice-id={notice.id}>
      <p>{text}</p>
      <button type="button" className="button-quiet" onClick={() => onDismiss(notice.id)}>
        {label}
      </button>
    </div>
  );
}
