/**
 * The survey panel's calls into the core: start a survey and poll its progress, load the
 * remembered inventory, edit and add devices. Only renderer/steps/survey (and segmentation) use it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResultOf } from '../../../main/ipc/contract';
import { ApiError, call, getApi } from '../../wizard/api';
import { errorText } from '../../i18n/messages';

export type SurveyStatus = ResultOf<'survey:progress'>;
export type Inventory = ResultOf<'survey:inventory'>;
export type InventoryDevice = Inventory['devices'][number];
export type SurveyReport = NonNullable<Inventory['report']>;
export type DeviceCategory = InventoryDevice['category'];
export type SurveyScope = ResultOf<'survey:scope'>;

/** What a survey would look at (interface, address, subnet, router), asked only once the user allowed it. */
export function useSurveyScope(enabled: boolean): SurveyScope | null {
  const [scope, setScope] = useState<SurveyScope | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    call(getApi(), 'survey:scope', {})
      .then((s) => live && setScope(s))
      // what happened travels as the error's message (words in the panel); a lost connection reads as the generic one
      .catch((err: unknown) => live && setScope({ available: false, reason: (err instanceof ApiError && err.userMessage) || { code: 'error.unexpected', params: {} } }));
    return () => {
      live = false;
    };
  }, [enabled]);
  return scope;
}

export const CATEGORIES: readonly DeviceCategory[] = ['router', 'speaker', 'tv', 'camera', 'lock', 'hub', 'plug-light', 'computer', 'phone', 'unknown'];

/** Survey runs, progress polling and inventory edits. */
export function useSurvey() {
  const [status, setStatus] = useState<SurveyStatus | null>(null);
  const [inventory, setInventory] = useState<Inventory | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const alive = useRef(true);

  const reload = useCallback(async () => {
    try {
      setInventory(await call(getApi(), 'survey:inventory', {}));
    } catch (err) {
      setError(errorText(err));
    }
  }, []);

  const poll = useCallback(async () => {
    try {
      const s = await call(getApi(), 'survey:progress', {});
      if (!alive.current) return;
      setStatus(s);
      if (s.running) timer.current = setTimeout(() => void poll(), 250);
      else {
        if (s.error) setError(errorText(s.error));
        await reload();
      }
    } catch (err) {
      setError(errorText(err));
    }
  }, [reload]);

  useEffect(() => {
    alive.current = true;
    void reload();
    void call(getApi(), 'survey:progress', {})
      .then((s) => {
        setStatus(s);
        if (s.running) void poll();
      })
      .catch(() => {});
    return () => {
      alive.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, [reload, poll]);

  const start = useCallback(
    async (targets: string[] = []) => {
      setError(null);
      try {
        setStatus(await call(getApi(), 'survey:start', targets.length ? { targets } : {}));
        void poll();
      } catch (err) {
        setError(errorText(err));
      }
    },
    [poll],
  );

  const edit = useCallback(
    async (id: string, change: { name?: string | null; category?: DeviceCategory | null; moveToIot?: boolean; removed?: boolean }) => {
      try {
        await call(getApi(), 'survey:device-edit', { id, ...change });
        setError(null);
        await reload();
      } catch (err) {
        setError(errorText(err));
      }
    },
    [reload],
  );

  const add = useCallback(
    async (d: { name: string; category: DeviceCategory; ip?: string | null }) => {
      try {
        await call(getApi(), 'survey:device-add', d);
        setError(null);
        await reload();
        return true;
      } catch (err) {
        setError(errorText(err));
        return false;
      }
    },
    [reload],
  );

  const reviewed = useCallback(async () => {
    try {
      await call(getApi(), 'survey:reviewed', {});
    } catch (err) {
      setError(errorText(err));
    }
  }, []);

  return { status, inventory, error, start, edit, add, reviewed };
}
