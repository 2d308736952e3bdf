/**
 * Errors speak in message codes (main/core/errors.ts): every `new PorchlightError(…)` in main/ names
 * an `error.*` code with words in all four catalogs, never an English sentence, so the renderer and
 * the CLI can say what happened and what to do in the reader's language.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PorchlightError, setErrorLogWords, toErrorInfo, UNEXPECTED_ERROR } from '../../../main/core/errors.js';
import { createMessageFormatter, type MessageCatalog } from '../../../main/core/messages/index.js';
import { KEYCHAIN_LOCKED_MESSAGE, KEYCHAIN_UNAVAILABLE_MESSAGE, KEYCHAIN_UNREADABLE_MESSAGE } from '../../../main/adapters/keytar-secret-store.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LANGUAGES = ['en', 'de', 'es', 'fr'] as const;
const catalogs = Object.fromEntries(LANGUAGES.map((l) => [l, JSON.parse(readFileSync(join(ROOT, 'renderer', 'i18n', l, 'messages.json'), 'utf8')) as MessageCatalog]));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function wordsOf(catalog: MessageCatalog, code: string): string | null {
  const parts = code.split('.');
  const last = parts.pop()!;
  let node: string | MessageCatalog | undefined = catalog;
  for (const part of parts) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'object') return null;
  // a count reads through i18next plurals: the code's words are then its plural forms
  const words = node[last] ?? node[`${last}_other`];
  return typeof words === 'string' ? words : null;
}

/** The second argument of every `new PorchlightError(` in a source text, as written. */
export function errorSites(src: string): string[] {
  const out: string[] = [];
  for (const m of src.matchAll(/new PorchlightError\(\s*(?:'[^']*'|[^,]+?),\s*/g)) {
    const rest = src.slice(m.index! + m[0].length);
    const arg = /^('[^']*'|"[^"]*"|`[^`]*`|[A-Za-z_$][\w$.]*)/.exec(rest);
    out.push(arg ? arg[1]! : rest.slice(0, 40));
  }
  return out;
}

/** What is wrong with one site's message argument, or null when it is a code with words (or a named constant checked below). */
function problemOf(arg: string): string | null {
  if (/^[A-Za-z_$][\w$.]*$/.test(arg)) return null;
  const code = /^'(error\.[a-z0-9-]+(?:\.[a-z0-9-]+)*)'$/.exec(arg)?.[1];
  if (!code) return `not an error.* code: ${arg}`;
  const missing = LANGUAGES.filter((l) => !wordsOf(catalogs[l]!, code));
  return missing.length ? `${code} has no words in ${missing.join(', ')}` : null;
}

describe('error messages', () => {
  const files = walk(join(ROOT, 'main'));
  const sites = files.flatMap((f) => {
    const src = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    return errorSites(src).map((arg) => ({ file: relative(ROOT, f), arg }));
  });

  it('finds the error sites (the scan itself works, and fails on an English sentence)', () => {
    expect(sites.length).toBeGreaterThan(100);
    expect(errorSites(`throw new PorchlightError('refused', 'Port 99999 is not a valid port number.');`).map(problemOf)).toEqual(['not an error.* code: \'Port 99999 is not a valid port number.\'']);
    expect(errorSites('throw new PorchlightError(\'refused\', `${host} is public`, { cause });').map(problemOf)[0]).toMatch(/not an error\.\* code/);
    expect(errorSites(`new PorchlightError('refused', 'error.no-such-code')`).map(problemOf)).toEqual(['error.no-such-code has no words in en, de, es, fr']);
    expect(errorSites(`new PorchlightError(err.code === 'X' ? 'refused' : 'internal', 'error.unreachable', {})`).map(problemOf)).toEqual([null]);
  });

  it('every PorchlightError in main/ names an error code with words in all four languages', () => {
    expect(sites.map((s) => ({ ...s, problem: problemOf(s.arg) })).filter((s) => s.problem)).toEqual([]);
  });

  it('the named codes (keychain) and the generic ones have words in all four languages', () => {
    for (const code of [KEYCHAIN_LOCKED_MESSAGE, KEYCHAIN_UNAVAILABLE_MESSAGE, KEYCHAIN_UNREADABLE_MESSAGE, UNEXPECTED_ERROR.code]) expect(problemOf(`'${code}'`), code).toBeNull();
  });

  it('an error carries its message for the user and an English line for the log; anything else reads as the generic message', () => {
    const err = new PorchlightError('invalid-arguments', 'error.port-invalid', { port: '99999' });
    expect(err.userMessage).toEqual({ code: 'error.port-invalid', params: { port: '99999' } });
    expect(err.message).toBe('99999 is not a valid port number. Use a number from 1 to 65535, or leave the port out.');
    expect(toErrorInfo(err)).toEqual({ code: 'invalid-arguments', message: err.message, userMessage: err.userMessage });
    expect(toErrorInfo(new Error('boom at /home/x'))).toMatchObject({ code: 'internal', userMessage: UNEXPECTED_ERROR });
    const de = createMessageFormatter(catalogs, 'de');
    expect(de.format(err.userMessage)).toBe('99999 ist keine gültige Portnummer. Verwenden Sie eine Zahl von 1 bis 65535 oder lassen Sie den Port weg.');
  });

  it('without English words registered (the light `wifi scan --json` path), the log line is the code and params', () => {
    setErrorLogWords(null);
    try {
      expect(new PorchlightError('timeout', 'error.tool-timeout', { tool: 'nmcli', count: 5 }).message).toBe('error.tool-timeout (tool: nmcli; count: 5)');
    } finally {
      const en = createMessageFormatter({ en: catalogs.en! });
      setErrorLogWords((m) => en.format(m));
    }
  });

  it('a wait with a fraction of a second reads as each language writes the number (1.5 / 1,5), whole ones unchanged', () => {
    const wait = (count: number) => new PorchlightError('timeout', 'error.no-answer', { address: '192.168.1.1:80', count }).userMessage;
    const words = (lng: string, count: number) => createMessageFormatter(catalogs, lng).format(wait(count));
    expect(words('en', 1.5)).toBe('192.168.1.1:80 did not answer within 1.5 seconds. Check that the device is switched on and connected, then try again.');
    expect(words('de', 1.5)).toMatch(/^192\.168\.1\.1:80 hat nicht innerhalb von 1,5 Sekunden geantwortet\./);
    expect(words('fr', 2.5)).toContain(' 2,5 secondes');
    expect(words('es', 0.8)).toContain(' 0,8 segundos');
    expect(words('de', 1)).toContain(' 1 Sekunde ');
    expect(words('de', 10)).toContain(' 10 Sekunden ');
    // every timeout that can carry a fraction formats it: the same in all four catalogs
    for (const code of ['no-answer', 'tool-timeout', 'pdf-timeout']) {
      for (const lng of LANGUAGES) {
        const forms = Object.entries((catalogs[lng]!.error as MessageCatalog)).filter(([k]) => k.startsWith(`${code}_`));
        expect(forms.length, `${lng} ${code}`).toBeGreaterThan(0);
        for (const [k, v] of forms) expect(v, `${lng} error.${k}`).toContain('{{count, number}}');
      }
    }
    // a number param other than the count (which also picks the plural form) is localised by the formatter itself
    const de = createMessageFormatter({ en: { t: { x: 'waited {{seconds}} s, port {{port}}' } }, de: { t: { x: '{{seconds}} s gewartet, Port {{port}}' } } }, 'de');
    expect(de.format({ code: 't.x', params: { seconds: 1.5, port: 8080 } })).toBe('1,5 s gewartet, Port 8080');
    expect(de.forLanguage!('en').format({ code: 't.x', params: { seconds: 1.5, port: 8080 } })).toBe('waited 1.5 s, port 8080');
  });

  it('a long param is cut to what a message may carry, so the error still crosses IPC', () => {
    expect((new PorchlightError('internal', 'error.internal', { detail: 'x'.repeat(5000) }).userMessage.params.detail as string).length).toBe(2000);
  });
});
