/**
 * The renderer shows an error as its message in the reader's language (renderer/i18n/messages.ts
 * `errorText`): the words of the error's code, or a translated generic sentence when it carries
 * none — never the English log line the core or a transport put in `message`.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { errorText } from '../../../renderer/i18n/messages.js';
import { attachEngine, formatNumber } from '../../../renderer/i18n/runtime.js';
import { ApiError, call } from '../../../renderer/wizard/api.js';
import { shownError } from '../../../renderer/wizard/machine.js';
import type { PorchlightApi } from '../../../main/ipc/contract.js';

const I18N = join(import.meta.dirname, '..', '..', '..', 'renderer', 'i18n');
const load = (lng: string, ns: string) => JSON.parse(readFileSync(join(I18N, lng, `${ns}.json`), 'utf8')) as Record<string, unknown>;
const PORT = { code: 'error.port-invalid', params: { port: '99999' } };
const ENGLISH_LOG = '99999 is not a valid port number.';

async function german(): Promise<void> {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'de',
    fallbackLng: 'en',
    resources: { en: { messages: load('en', 'messages'), app: load('en', 'app') }, de: { messages: load('de', 'messages'), app: load('de', 'app') } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  attachEngine(i18n);
}

describe('errorText', () => {
  it('keeps the message of a refused call and says it in German in a German UI', async () => {
    await german();
    const api = { 'progress:reset': async () => ({ ok: false, error: { code: 'invalid-arguments', message: ENGLISH_LOG, userMessage: PORT } }) } as unknown as PorchlightApi;
    const err = await call(api, 'progress:reset', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).userMessage).toEqual(PORT);
    expect(errorText(err)).toBe('99999 ist keine gültige Portnummer. Verwenden Sie eine Zahl von 1 bis 65535 oder lassen Sie den Port weg.');
    // an error info inside a result (a secret not stored) reads the same way
    expect(errorText({ code: 'keychain-unavailable', message: 'x', userMessage: { code: 'error.keychain.locked', params: {} } })).toMatch(/^Der Schlüsselbund Ihres Systems ist gesperrt/);
  });

  it('a wait with a fraction of a second is written the German way (1,5)', async () => {
    await german();
    expect(errorText({ code: 'timeout', message: 'x', userMessage: { code: 'error.no-answer', params: { address: '192.168.1.1:80', count: 1.5 } } })).toMatch(
      /^192\.168\.1\.1:80 hat nicht innerhalb von 1,5 Sekunden geantwortet\./,
    );
    expect(errorText({ code: 'timeout', message: 'x', userMessage: { code: 'error.tool-timeout', params: { tool: 'ip', count: 1 } } })).toContain('innerhalb von 1 Sekunde ');
    // the same for numbers a screen writes itself (the survey's duration): Intl, in the current language
    expect(formatNumber(Math.round(1534 / 100) / 10)).toBe('1,5');
  });

  it('never shows the English line: an error without a message reads as the translated generic sentence', async () => {
    await german();
    const generic = 'Porchlight konnte das nicht abschließen. Versuchen Sie es noch einmal; wenn es wieder passiert, stehen Einzelheiten im lokalen Protokoll.';
    expect(errorText(new Error('socket hang up'))).toBe(generic);
    expect(errorText(new ApiError('internal', 'Porchlight gave an unreadable answer.'))).toBe(generic);
    expect(errorText('a string from an old saved snapshot')).toBe(generic);
    expect(errorText(undefined)).toBe(generic);
  });

  it('the wizard keeps only the message of a failed load, not its English line', async () => {
    await german();
    const shown = shownError(new ApiError('not-found', 'The survey has not found your router yet.', { code: 'error.router-not-found-yet', params: {} }));
    expect(shown).toEqual({ userMessage: { code: 'error.router-not-found-yet', params: {} }, log: 'The survey has not found your router yet.' });
    expect(errorText(shown)).toMatch(/^Die Bestandsaufnahme hat Ihren Router noch nicht gefunden/);
    expect(shownError(new Error('boom'))).toEqual({ userMessage: null, log: 'boom' });
  });
});
