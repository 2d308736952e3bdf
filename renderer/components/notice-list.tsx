import { useTranslation } from '../i18n/runtime';
import { formatMessage, type Message } from '../i18n/messages';

export interface Notice {
  id: string;
  text: string;
  tone: 'info' | 'error';
  /** A notice from the core (a message): worded when shown, so it reads in the current language once its catalog is there. */
  message?: Message;
}

/** Messages about the app itself (progress set aside, a save failed); errors are announced at once. */
export function NoticeList({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: (id: string) => void }) {
  const { t } = useTranslation('app');
  return (
    <div className="notices" role="region" aria-label={t('notices.heading')}>
      <div aria-live="polite" className="notice-live">
        {notices
          .filter((n) => n.tone === 'info')
          .map((n) => (
            <NoticeItem key={n.id} notice={n} onDismiss={onDismiss} label={t('notices.dismiss')} />
          ))}
      </div>
      <div role="alert" className="notice-live">
        {notices
          .filter((n) => n.tone === 'error')
          .map((n) => (
            <NoticeItem key={n.id} notice={n} onDismiss={onDismiss} label={t('notices.dismiss')} />
          ))}
      </div>
    </div>
  );
}

function NoticeItem({ notice, onDismiss, label }: { notice: Notice; onDismiss: (id: string) => void; label: string }) {
  const { t } = useTranslation('app');
  return (
    <div className={`notice notice-${notice.tone}`} data-notice-id={notice.id}>
      <p>{notice.message ? t('notices.core', { message: formatMessage(notice.message) }) : notice.text}</p>
      <button type="button" className="button-quiet" onClick={() => onDismiss(notice.id)}>
        {label}
      </button>
    </div>
  );
}
