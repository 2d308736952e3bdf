import { useTranslation } from '../i18n/runtime';
import { Disclosure } from '../design';

/** Plain words first, the technical term second: a short definition list for a step's terms. */
export function Glossary({ terms, headingId }: { terms: readonly string[]; headingId: string }) {
  const { t } = useTranslation(['wizard', 'glossary']);
  if (terms.length === 0) return null;
  return (
    <section className="glossary" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('wizard:sections.terms')}
      </h2>
      <Disclosure quiet summary={t('wizard:sections.terms')} count={t('wizard:sections.termsCount', { count: terms.length })}>
      <dl>
        {terms.map((term) => (
          <div key={term} className="glossary-entry">
            <dt>
              {t(`glossary:${term}.plain`)} <span className="term">({t(`glossary:${term}.term`)})</span>
            </dt>
            <dd>{t(`glossary:${term}.explain`)}</dd>
          </div>
        ))}
      </dl>
      </Disclosure>
    </section>
  );
}
