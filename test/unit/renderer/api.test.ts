/**
 * The renderer's one door to the core: `call` turns `{ok,value}` into a value and every other
 * answer (a refusal, a thrown transport error, garbage) into an ApiError — never an undefined value.
 */
import { describe, expect, it } from 'vitest';
import type { PorchlightApi } from '../../../main/ipc/contract';
import { ApiError, call, getApi } from '../../../renderer/wizard/api';

const apiAnswering = (answer: () => unknown) => ({ 'progress:reset': async () => answer() }) as unknown as PorchlightApi;

describe('call', () => {
  it('returns the value of an ok answer', async () => {
    await expect(call(apiAnswering(() => ({ ok: true, value: { reset: true } })), 'progress:reset', {})).resolves.toEqual({ reset: true });
  });

  it('throws ApiError with the contract code on a refusal', async () => {
    const err = await call(apiAnswering(() => ({ ok: false, error: { code: 'invalid-arguments', message: 'nope' } })), 'progress:reset', {}).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'invalid-arguments', message: 'nope' });
  });

  it.each([
    ['undefined', () => undefined],
    ['a string', () => 'ok'],
    ['an object without ok', () => ({ value: 1 })],
  ])('throws ApiError(internal) on %s', async (_n, answer) => {
    await expect(call(apiAnswering(answer), 'progress:reset', {})).rejects.toMatchObject({ code: 'internal' });
  });

  it('wraps a thrown transport error', async () => {
    const api = {
      'progress:reset': async () => {
        throw new Error('socket hang up');
      },
    } as unknown as PorchlightApi;
    await expect(call(api, 'progress:reset', {})).rejects.toMatchObject({ code: 'internal', message: 'socket hang up' });
  });

  it('getApi explains a missing preload instead of failing later', () => {
    expect(() => getApi()).toThrow(/preload API is missing/);
  });
});
