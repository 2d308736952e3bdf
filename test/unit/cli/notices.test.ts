/**
 * Issue 13, finding 5: every recovery is told. A damaged settings file opened by the command line
 * is reported on stderr naming the file kept aside; a damaged probe-ledger.json opened by the
 * app/harness core is in the app's notices (app:info), naming its file kept aside too.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { runCli } from '../../../main/cli/run.js';
import { createNodeCore } from '../../../main/compose.js';
import { openProfileStores } from '../../../main/adapters/profile.js';
import { dispatch } from '../../../main/ipc/register.js';
import { tellNotices } from '../../../main/cli/command.js';
import { MemorySecretStore, tempDir } from '../../support/fakes.js';
import { words } from '../../support/words.js';
import { createMessageFormatter, msg, type Message } from '../../../main/core/messages/index.js';

describe('recoveries are told', () => {
  it('the command line: a damaged settings file → a stderr line naming the copy kept aside', async () => {
    const dir = tempDir();
    openProfileStores(dir);
    writeFileSync(join(dir, 'settings.json'), '{"theme": "da');
    // A login page that refuses everything, on loopback, so `defaults check` has a real peer.
    const server = createServer((_req, res) => res.writeHead(404).end()).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    let out = '';
    let err = '';
    const env = { ...process.env, PORCHLIGHT_PROFILE: dir };
    await runCli(['defaults', 'check', '--host', `127.0.0.1:${port}`, '--vendor', 'TP-Link', '--json', '--timeout-ms', '2000', '--delay-ms', '0'], { stdout: (t) => (out += t), stderr: (t) => (err += t) }, env);
    server.close();
    const aside = readdirSync(dir).filter((f) => f.startsWith('settings.corrupt-'));
    expect(aside).toHaveLength(1);
    // --json: one JSON line on stderr; stdout stays the command's own JSON
    const line = err.split('\n').find((l) => l.startsWith('{"notices"'));
    expect(JSON.parse(line!)).toEqual({ notices: [`Your settings file was damaged (not valid JSON). It was kept aside as ${join(dir, aside[0]!)} and the last good copy was restored.`] });
    expect(out).not.toContain('Your settings');
    expect(() => JSON.parse(out)).not.toThrow();
  });

  it('without --json: one plain line per notice, in words (never a code); nothing when there is none', async () => {
    let err = '';
    const notices: Message[] = [msg('store.notice.cannot-save', { trouble: msg('store.trouble.disk-full') }), msg('store.notice.restored', { document: msg('store.document.settings'), reason: msg('store.damage.not-json'), aside: '/p/settings.corrupt-1.json' })];
    const said = await tellNotices({ stderr: (t) => (err += t) }, notices);
    expect(said).toEqual([
      'Your disk is full — Porchlight changed nothing there and cannot save changes until this is fixed.',
      'Your settings file was damaged (not valid JSON). It was kept aside as /p/settings.corrupt-1.json and the last good copy was restored.',
    ]);
    expect(err).toBe(said.map((l) => `porchlight: ${l}\n`).join(''));
    await tellNotices({ stderr: (t) => (err += t) }, [], true);
    expect(err).toBe(said.map((l) => `porchlight: ${l}\n`).join(''));
  });

  it('the notices are messages: the same notice reads German through the catalogs', async () => {
    const de = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'renderer', 'i18n', 'de', 'messages.json'), 'utf8'));
    const en = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'renderer', 'i18n', 'en', 'messages.json'), 'utf8'));
    const f = createMessageFormatter({ en, de }, 'de');
    expect(f.format(msg('store.notice.cannot-save', { trouble: msg('store.trouble.disk-full') }))).toBe('Ihr Datenträger ist voll – Porchlight hat dort nichts geändert und kann erst wieder speichern, wenn das behoben ist.');
  });

  it('the app and harness: a damaged probe-ledger.json is in app:info notices, naming the copy kept aside', async () => {
    const dir = tempDir();
    createNodeCore({ host: 'harness', profileDir: dir, opener: { open: async () => undefined }, secrets: new MemorySecretStore() });
    writeFileSync(join(dir, 'probe-ledger.json'), '\u0000garbage');
    const core = createNodeCore({ host: 'harness', profileDir: dir, opener: { open: async () => undefined }, secrets: new MemorySecretStore() });
    const info = await dispatch(core, 'app:info', {}, { origin: 'app://porchlight', isMainFrame: true }, { allowedOrigins: ['app://porchlight'] });
    const aside = readdirSync(dir).filter((f) => f.startsWith('probe-ledger.corrupt-'));
    expect(aside).toHaveLength(1);
    expect((info as { value: { notices: Message[] } }).value.notices.map(words)).toContainEqual(expect.stringContaining(`Your probe-ledger file was damaged (not valid JSON). It was kept aside as ${join(dir, aside[0]!)}`));
  });
});
