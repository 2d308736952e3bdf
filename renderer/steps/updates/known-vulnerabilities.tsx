import { useCallback } from 'react';
import { call, getApi } from '../../wizard/api';
import { useLoad } from '../accounts/use-step-api';
import { KnownVulnerabilities } from '../../components/known-vulnerabilities/known-vulnerabilities';
import { useTranslation } from 'react-i18next';

/** The Updates step's known-vulnerabilities section: loads the home's matches; an owner's maker/model entry re-checks. */
export function KnownVulnerabilitiesSection() {
  const { t } = useTranslation('accounts');
  const { value, error, reload } = useLoad('vulns:view', {});
  const identify = useCallback(
    async (id: string, maker: string, model: string) => {
      await call(getApi(), 'vulns:identify', { id, maker, model });
      reload();
    },
    [reload],
  );
  if (error) return <p role="alert">{t('loadFailed', { message: error })}</p>;
  if (!value) return <p aria-live="polite">{t('loading')}</p>;
  return <KnownVulnerabilities view={value} onIdentify={identify} />;
}
