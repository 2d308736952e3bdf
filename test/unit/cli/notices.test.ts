/**
 * Issue 13, finding 5: every recovery is told. A damaged settings file opened by the command line
 * is reported on stderr naming the file kept aside; a damaged probe-ledger.json opened by the
 * app/harness core is in the app's notices (app:info), naming its file kept aside too.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { runCli } from '../../../main/cli/run.js';
import { createNodeCore } from '../../../main/compose.js';
import { openProfileStores } from '../../../main/adapters/profile.js';
import { dispatch } from '../../../main/ipc/register.js';
import { tellNotices } from '../../../main/cli/command.js';
import { MemorySecretStore, tempDir } from '../../support/fakes.js';

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

  it('without --json: one plain line per notice; nothing when there is none', () => {
    let err = '';
    expect(tellNotices({ stderr: (t) => (err += t) }, ['A was restored.', 'B is full.'])).toEqual(['A was restored.', 'B is full.']);
    expect(err).toBe('porchlight: A was restored.\nporchlight: B is full.\n');
    tellNotices({ stderr: (t) => (err += t) }, [], true);
    expect(err).toBe('porchlight: A was restored.\nporchlight: B is full.\n');
  });

  it('the app and harness: a damaged probe-ledger.json is in app:info notices, naming the copy kept aside', async () => {
    const dir = tempDir();
    createNodeCore({ host: 'harness', profileDir: dir, opener: { open: async () => undefined }, secrets: new MemorySecretStore() });
    writeFileSync(join(dir, 'probe-ledger.json'), '\u0000garbage');
    const core = createNodeCore({ host: 'harness', profileDir: dir, opener: { open: async () => undefined }, secrets: new MemorySecretStore() });
    const info = await dispatch(core, 'app:info', {}, { origin: 'app://porchlight', isMainFrame: true }, { allowedOrigins: ['app://porchlight'] });
    const aside = readdirSync(dir).filter((f) => f.startsWith('probe-ledger.corrupt-'));
    expect(aside).toHaveLength(1);
    expect((info as { value: { notices: string[] } }).value.notices).toContainEqual(expect.stringContaining(`Your probe-ledger file was damaged (not valid JSON). It was kept aside as ${join(dir, aside[0]!)}`));
  });
});
