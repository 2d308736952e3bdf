/**
 * The wifi panel's calls into the core: scan + status together, the guides once, and the
 * verification job polled for progress. Only renderer/steps/wifi uses these hooks.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResultOf } from '../../../main/ipc/contract';
import { call, getApi } from '../../wizard/api';
import { errorText } from '../../i18n/messages';

export type ScanResult = ResultOf<'wifi:scan'>;
export type StatusResult = ResultOf<'wifi:status'>;
export type NetworkView = Extract<ScanResult, { kind: 'ok' }>['value'][number];
export type Guides = ResultOf<'wifi:guides'>;
export type VerifyJob = ResultOf<'wifi:verify-progress'>;

/** Scan and current connection, loaded together when `enabled`; `rescan` repeats it. */
export function useWifiScan(enabled: boolean) {
  const [scan, setScan] = useState<ScanResult | null>(null);
  const [status, setStatus] = useState<StatusResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rescan = useCallback(async () => {
    setBusy(true);
    try {
      const api = getApi();
      const [st, sc] = await Promise.all([call(api, 'wifi:status', {}), call(api, 'wifi:scan', {})]);
      setStatus(st);
      setScan(sc);
      setError(null);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }, []);
  useEffect(() => {
    if (enabled) void rescan();
  }, [enabled, rescan]);
  return { scan, status, busy, error, rescan };
}

/** Router guides and the WPA3-incompatible device list. */
export function useGuides(ssid: string | null) {
  const [guides, setGuides] = useState<Guides | null>(null);
  useEffect(() => {
    let live = true;
    call(getApi(), 'wifi:guides', { ssid })
      .then((g) => live && setGuides(g))
      .catch(() => live && setGuides(null));
    return () => {
      live = false;
    };
  }, [ssid]);
  return guides;
}

/** Starts a verification and polls it once a second until it finishes. */
export function useVerify(onDone: () => void) {
  const [job, setJob] = useState<VerifyJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const doneRef = useRef(onDone);
  doneRef.current = onDone;
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const poll = useCallback((id: string) => {
    timer.current = setTimeout(async () => {
      try {
        const j = await call(getApi(), 'wifi:verify-progress', { id });
        setJob(j);
        if (j.running) poll(id);
        else doneRef.current();
      } catch (err) {
        setError(errorText(err));
      }
    }, 1000);
  }, []);
  const start = useCallback(
    async (args: { ssid: string; target: 'wpa3' | 'transition'; timeoutSeconds: number; legacyDevices: string[] }) => {
      setError(null);
      try {
        const j = await call(getApi(), 'wifi:verify-start', args);
        setJob(j);
        poll(j.id);
      } catch (err) {
        setError(errorText(err));
      }
    },
    [poll],
  );
  return { job, error, start };
}
