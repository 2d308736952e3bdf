/**
 * The prober speaks in message codes, never in English: every reason, evidence line and note of a
 * sample of real-shaped outcomes (accepted, refused, lockout, timeout, refused connection, open
 * page, foreign scheme, app-only and label-password makers, unclear form answers, the new-password
 * login) is a valid message whose every code has English words, and no string param is a sentence
 * of Porchlight's own (only names, addresses, logins, HTTP paths, and the device's own quoted
 * words under `text`; a maker's note is the catalog's words). A producer that slips prose back in
 * fails here.
 */
import { describe, expect, it } from 'vitest';
import { SafeProber, type ProbeReport, type SecretLoginReport } from '../../../../main/core/credentials/safe-prober.js';
import { AttemptLedger } from '../../../../main/core/credentials/attempt-ledger.js';
import { findVendor, loadDefaultCredentials } from '../../../../main/core/credentials/dataset.js';
import { resolveProbeTarget } from '../../../../main/core/credentials/address-scope.js';
import { resourcesDir } from '../../../../main/compose.js';
import { PorchlightError } from '../../../../main/core/errors.js';
import { MessageSchema, msg, type Message } from '../../../../main/core/messages/index.js';
import { basicServer, formServer, ScriptedHttp, type Handler } from './fake-http.js';
import { words } from '../../../support/words.js';

const data = loadDefaultCredentials(resourcesDir());
const FAST = { requestTimeoutMs: 1000, delayMs: 0 };
/** Params that may carry someone else's words as written: the device's own message (a maker's note is catalog words). */
const QUOTED = new Set(['text']);

function strings(m: Message, out: { name: string; value: string }[] = []): { name: string; value: string }[] {
  for (const [name, v] of Object.entries(m.params)) {
    if (typeof v === 'string') out.push({ name, value: v });
    else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
    else if (v !== null && typeof v === 'object') strings(v, out);
  }
  return out;
}

function codes(m: Message, out: Message[] = []): Message[] {
  out.push(m);
  for (const v of Object.values(m.params)) {
    if (Array.isArray(v)) v.forEach((x) => codes(x, out));
    else if (v !== null && typeof v === 'object') codes(v, out);
  }
  return out;
}

/** Three or more words in a row: a sentence, not a name, an address or a login. */
const SENTENCE = /[A-Za-z]+ [A-Za-z]+ [A-Za-z]+/;

function problemsOf(m: Message): string[] {
  const problems: string[] = [];
  if (!MessageSchema.safeParse(m).success) problems.push(`invalid message ${m.code}`);
  for (const c of codes(m)) {
    if (c.code === 'common.prose' || c.code === 'user.text') problems.push(`prose carried as ${c.code}`);
    if (words({ code: c.code, params: { count: 1 } }) === words(msg('common.no-words'))) problems.push(`no English words for ${c.code}`);
  }
  for (const s of strings(m)) if (!QUOTED.has(s.name) && SENTENCE.test(s.value)) problems.push(`${m.code}: param ${s.name} is a sentence: "${s.value}"`);
  return problems;
}

function all(r: ProbeReport | SecretLoginReport): Message[] {
  return [r.reason, ...r.evidence, ...r.notes];
}

async function run(handler: Handler, vendor: string | null = null, opts: { gateway?: boolean; https?: boolean } = {}): Promise<ProbeReport> {
  const prober = new SafeProber(new ScriptedHttp(handler), data, new AttemptLedger(), FAST);
  return prober.check({ target: resolveProbeTarget('192.168.1.1', opts.https ?? false), vendor: vendor ? findVendor(data, vendor) : null, isGateway: opts.gateway ?? false, consent: true });
}

describe('the prober says everything as message codes', () => {
  it('the checker itself catches prose (a sentence in a param, legacy prose)', () => {
    expect(problemsOf(msg('credentials.detect.locked', { why: 'the device showed a lockout message' }))).toHaveLength(1);
    expect(problemsOf(msg('credentials.detect.locked', { why: msg('common.prose', { text: 'x' }) }))).toHaveLength(1);
    expect(problemsOf(msg('credentials.detect.locked', { why: msg('credentials.lockout.message') }))).toEqual([]);
  });

  it('over a sample of outcomes shaped like real devices', async () => {
    const reports: (ProbeReport | SecretLoginReport)[] = [
      await run(basicServer('admin', 'password'), 'netgear'),
      await run(basicServer('admin', 'x7-Changed'), 'netgear'),
      await run(basicServer('admin', 'x7-Changed')),
      await run(formServer('admin', 'admin', 'always200')),
      await run(formServer('admin', 'admin')),
      await run(() => ({ status: 429, headers: {} })),
      await run(() => Promise.reject(new PorchlightError('timeout', 'error.no-answer', { address: '192.168.1.1:80', count: 2 }))),
      await run(() => Promise.reject(new PorchlightError('refused', 'error.connection-refused', { address: '192.168.1.1:80' }, { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }))),
      await run(() => ({ status: 200, body: '<h1>Hello</h1>' })),
      await run(() => ({ status: 401, headers: { 'www-authenticate': ['NTLM'] } })),
      await run(() => ({ status: 500, body: 'oops' })),
      await run(basicServer('admin', 'password'), null, { gateway: true, https: true }),
    ];
    for (const name of ['fritzbox', 'ring']) {
      const v = findVendor(data, name);
      if (v) reports.push(await run(basicServer('admin', 'x'), name));
    }
    const prober = new SafeProber(new ScriptedHttp(basicServer('admin', 'N3w-Secret-Pass')), data, new AttemptLedger(), FAST);
    const target = resolveProbeTarget('192.168.1.1', false);
    reports.push(await prober.checkSecret({ target, vendor: null, isGateway: true, consent: true }, { username: 'admin', password: 'N3w-Secret-Pass' }));
    reports.push(await prober.checkSecret({ target, vendor: null, isGateway: true, consent: true }, { username: 'admin', password: 'Old-Pass-1234' }));

    expect(new Set(reports.map((r) => r.reason.code)).size).toBeGreaterThanOrEqual(10);
    const problems = reports.flatMap((r) => all(r).flatMap(problemsOf));
    expect(problems).toEqual([]);
    // and they read as English through the catalog, with no placeholder left behind
    for (const r of reports) for (const m of all(r)) expect(words(m)).not.toMatch(/\{\{|no description/);
  });
});
