/**
 * Small hooks the accounts, assistant and updates panels share: load one of their channels once,
 * keep quick board answers durable in history (`confirmations:sync`), and open a vendor page
 * through the allow-listed opener. Only these step folders use them.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArgsOf, ChannelName, ResultOf } from '../../../main/ipc/contract';
import { call, getApi } from '../../wizard/api';
import type { CheckView } from '../../wizard/api';
import { errorText } from '../../i18n/messages';
import { useResourceLanguage } from '../../wizard/resource-language';

/** Loads a channel's answer once (again when `reload` is called, and when the core's resource language changes); errors become a message. */
export function useLoad<C extends ChannelName>(channel: C, args: ArgsOf<C>) {
  const [value, setValue] = useState<ResultOf<C> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const argsJson = JSON.stringify(args);
  const language = useResourceLanguage();
  const load = useCallback(() => {
    let live = true;
    call(getApi(), channel, JSON.parse(argsJson) as ArgsOf<C>)
      .then((v) => live && (setValue(v), setError(null)))
      .catch((err: Error) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
    // `language` is a dependency on purpose: a new saved language means new words from the core.
  }, [channel, argsJson, language]);
  useEffect(() => load(), [load]);
  return { value, error, reload: load };
}

/**
 * Whenever this step's checks change, asks the core to keep the user's quick answers (confirm or
 * skip on the board) in the history store as well. Fire and forget: the board already holds them.
 */
export function useSyncConfirmations(checks: readonly CheckView[]) {
  const last = useRef('');
  useEffect(() => {
    const answered = checks.filter((c) => c.evidence.kind === 'confirmed' || c.status === 'skipped');
    const key = answered.map((c) => `${c.id}@${c.evidence.kind === 'confirmed' ? c.evidence.at : c.reason}`).join('|');
    if (!answered.length || key === last.current) return;
    last.current = key;
    call(getApi(), 'confirmations:sync', { ids: answered.map((c) => c.id) }).catch(() => {
      last.current = '';
    });
  }, [checks]);
}

/** Opens an https vendor page in the default browser (the core refuses anything not allow-listed). */
export function useOpenExternal() {
  const [state, setState] = useState<{ url: string; ok: boolean; message: string | null } | null>(null);
  const open = useCallback(async (url: string) => {
    try {
      await call(getApi(), 'shell:open-external', { url });
      setState({ url, ok: true, message: null });
    } catch (err) {
      setState({ url, ok: false, message: errorText(err) });
    }
  }, []);
  return { open, state };
}
