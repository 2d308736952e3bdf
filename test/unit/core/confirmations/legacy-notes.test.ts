/**
 * Confirmation notes written before they were message codes (English prose in `note`) load with
 * nothing lost and are read through toMessage; a new answer replaces them with codes. The input is
 * a real home model written by the steps of the version before codes
 * (test/fixtures/profiles/string-notes, see its README), opened through the real profile stores.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeCore } from '../../../../main/compose.js';
import { HomeModelSchema, migrateConfirmations } from '../../../../main/core/model/index.js';
import { confirmationNote, rollUp } from '../../../../main/core/confirmations/index.js';
import { readConfirmations } from '../../../../main/core/audit/history-sources.js';
import { msg } from '../../../../main/core/messages/index.js';
import { DEFAULT_HISTORY, type History } from '../../../../main/core/store/documents.js';
import { MemorySecretStore, tempDir } from '../../../support/fakes.js';
import { words } from '../../../support/words.js';
import { ManualClock, MemoryDoc, silentLog } from '../accounts/fakes.js';

const FIXTURE = join(import.meta.dirname, '../../../fixtures/profiles/string-notes');
const json = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));

function open() {
  const dir = tempDir('porchlight-string-notes-');
  cpSync(FIXTURE, dir, { recursive: true });
  const before = json(dir, 'home') as { confirmations: Record<string, { note: string | null }> };
  // a day after the answers were given (they are dated 2026-03-01 and valid for 90 days)
  const core = createNodeCore({ host: 'cli', profileDir: dir, opener: { open: async () => {} }, secrets: new MemorySecretStore(), clock: new ManualClock(new Date('2026-03-02T12:00:00Z')) });
  return { dir, core, before };
}

describe('a home model whose confirmation notes are English strings', () => {
  it('loads with every confirmation as it was, and each note reads as the prose it was', () => {
    const { dir, core, before } = open();
    expect(core.notices).toEqual([]);
    expect(Object.keys(before.confirmations)).toHaveLength(30);
    expect(core.model.read().confirmations).toEqual(before.confirmations);
    expect(HomeModelSchema.parse(json(dir, 'home')).confirmations).toEqual(before.confirmations);
    const { records, problems } = core.accountSteps.confirmations.list();
    expect(problems).toEqual([]);
    expect(records).toHaveLength(30);
    for (const r of records) {
      const old = before.confirmations[r.key]!.note;
      expect(typeof old).toBe('string');
      expect(confirmationNote(r)).toEqual(msg('common.prose', { text: old! }));
    }
    // the answers the steps read back (a re-audit starts from them) are all there
    expect(core.accountSteps.accounts.previous().selected).toEqual(['amazon', 'ring', 'wyze']);
    expect(core.accountSteps.assistant.view().previous.answers).toMatchObject({ 'purchasing.alexa': 'voice-code', 'recordings.siri': 'dont-save' });
  });

  it('rolls up old notes under the subjects’ names, never their ids', () => {
    const { core } = open();
    const s = core.accountSteps;
    const view = rollUp(s.confirmations, core.checks, 'accounts.2fa', msg('confirmation.accounts.none-offers-two-factor'), s.accounts.nameOf);
    expect(words(view.reason)).toBe('answered for each: Amazon (Alexa): authenticator app (one-time codes); Ring: text message (sms) code; authenticator app (one-time codes) is available; Wyze: no 2FA on Wyze');
    const review = rollUp(s.confirmations, core.checks, 'accounts.integrations-review', msg('confirmation.accounts.none-confirmed'), s.accounts.nameOf);
    expect(words(review.reason)).toMatch(/^answered for each: Amazon \(Alexa\): linked apps and devices reviewed; Amazon Alexa: alexa: Not yet; Siri \(HomePod, HomeKit\): siri: /);
    expect(words(review.reason)).not.toMatch(/assistant-|\bamazon:/);
    // the device firmware keeps the names kept with its answers
    const fw = rollUp(s.confirmations, core.checks, 'devices.firmware', msg('confirmation.updates.no-devices'), s.updates.nameOf);
    expect(words(fw.reason)).toMatch(/^answered for each: Living room stick: Living room stick: Updates itself automatically/);
    expect(words(fw.reason)).not.toContain('aa:bb:cc');
  });

  it('a new answer replaces the prose with codes, and the saved document still parses', async () => {
    const { dir, core } = open();
    await core.accountSteps.accounts.confirm([{ id: 'ring', enabled: 'authenticator-app', uniquePassword: true, integrationsReviewed: false }]);
    const saved = HomeModelSchema.parse(json(dir, 'home'));
    expect(saved.confirmations['accounts.2fa:ring']!.note).toEqual(msg('confirmation.accounts.two-factor-on', { method: msg('confirmation.accounts.method.authenticator-app') }));
    expect(saved.confirmations['accounts.unique-passwords:ring']!.note).toEqual(msg('confirmation.accounts.password-unique'));
    expect(saved.confirmations['accounts.2fa']!.note).toMatchObject({ code: 'confirmation.subjects' });
    // the assistants' old answers (prose) stay until they are answered again
    expect(saved.confirmations['voice.recordings:assistant-alexa']!.note).toBe('alexa: They are deleted automatically after a set time');
  });
});

describe('confirmations a version before the home model kept in the history, with string notes', () => {
  it('move into the model with their notes as written', () => {
    const home = new MemoryDoc(HomeModelSchema.parse({ schemaVersion: 1 }));
    const rec = (subject: string | null, note: string | null) => ({ checkId: 'accounts.2fa', subject, status: 'warn', answer: {}, note, confirmedAt: '2026-02-01T10:00:00.000Z', expiresAt: '2026-05-02T10:00:00.000Z', earlier: [] });
    const history = new MemoryDoc<History>({ ...DEFAULT_HISTORY, confirmations: { 'accounts.2fa:ring': rec('ring', 'text message (sms) code; authenticator app (one-time codes) is available'), 'accounts.2fa': rec(null, 'ring: text message (sms) code') } });
    expect(migrateConfirmations({ home, history, log: silentLog })).toEqual({ moved: 2, kept: [] });
    expect(home.read().confirmations['accounts.2fa:ring']!.note).toBe('text message (sms) code; authenticator app (one-time codes) is available');
    expect(home.read().confirmations['accounts.2fa']!.note).toBe('ring: text message (sms) code');
  });
});

describe('an audit reads the check-level notes as messages', () => {
  it('old prose as written, a skip without a note in words, never English from the core', () => {
    const { core } = open();
    const s = core.accountSteps.confirmations;
    s.record({ checkId: 'router.upnp', subject: null, status: 'skipped', note: null });
    const read = readConfirmations(s);
    expect(read.get('accounts.2fa')!.reason).toEqual(msg('common.prose', { text: 'amazon: authenticator app (one-time codes); ring: text message (sms) code; authenticator app (one-time codes) is available; wyze: no 2FA on Wyze' }));
    expect(read.get('router.upnp')!.reason).toEqual(msg('confirmation.skipped-earlier'));
  });
});
