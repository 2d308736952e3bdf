/** The segmentation panel's calls into the core: the plan, a family's instructions, the two verifications (the passphrase has its own section). */
import { useCallback, useEffect, useState } from 'react';
import type { ResultOf } from '../../../main/ipc/contract';
import { call, getApi } from '../../wizard/api';
import { errorText } from '../../i18n/messages';

export type Plan = ResultOf<'segmentation:plan'>;
export type Family = ResultOf<'segmentation:family'>;
export type SegmentVerdict = ResultOf<'segmentation:verify-segment'>;
export type IsolationVerdict = ResultOf<'segmentation:verify-isolation'>;

export function useSegmentation() {
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call(getApi(), 'segmentation:plan', {})
      .then(setPlan)
      .catch((err: Error) => setError(errorText(err)));
  }, []);
  const family = useCallback(async (id: string) => call(getApi(), 'segmentation:family', { id }), []);
  const verify = useCallback(async (ssid: string): Promise<{ segment: SegmentVerdict; isolation: IsolationVerdict }> => {
    const api = getApi();
    const segment = await call(api, 'segmentation:verify-segment', { ssid });
    const isolation = await call(api, 'segmentation:verify-isolation', {});
    return { segment, isolation };
  }, []);
  return { plan, error, family, verify };
}
