import { checkText, useTranslation } from '../i18n/runtime';
import type { CheckView } from '../wizard/api';
import { DetailText, EvidenceText, ReasonText, StatusBadge } from './check-status';
import { Disclosure, ResultCard } from '../design';

export interface CheckListProps {
  checks: readonly CheckView[];
  /** Heading level of each check's title (the list sits under an h2 or h3). */
  level?: 3 | 4;
  /** Show why/passes-when/next/sources in a disclosure. */
  details?: boolean;
}

/** Checks with status, evidence and reason; titles and explanations come from the check catalog. */
export function CheckList({ checks, level = 3, details = true }: CheckListProps) {
  const { t } = useTranslation('checks');
  return (
    <ul className="check-list">
      {checks.map((c) => (
        <ResultCard
          as="li"
          key={c.id}
          status={c.status}
          level={level}
          className={`check check-${c.status}`}
          data-check-id={c.id}
          title={checkText(c, 'title')}
          badge={<StatusBadge status={c.status} />}
        >
          <p className="check-evidence">
            <EvidenceText check={c} />
            {c.reason && (
              <>
                {' · '}
                <ReasonText check={c} />
              </>
            )}
          </p>
          <DetailText check={c} />
          {details && (
            <Disclosure quiet className="check-more" summary={t('detailsSummary')}>
              <dl>
                <dt>{t('why')}</dt>
                <dd>{checkText(c, 'why')}</dd>
                <dt>{t('passWhen')}</dt>
                <dd>{checkText(c, 'passWhen')}</dd>
                <dt>{t('next')}</dt>
                <dd>{checkText(c, 'next')}</dd>
                <dt>{t('references')}</dt>
                <dd>{c.references.join('; ')}</dd>
              </dl>
            </Disclosure>
          )}
        </ResultCard>
      ))}
    </ul>
  );
}
