/**
 * The report speaks the chosen language (issue 17): with the language setting on German, the next
 * report's check titles come from resources/l10n/de/checks.json and the core's messages from
 * renderer/i18n/de/messages.json; on `system` it follows the computer's preferred languages.
 */
import { describe, expect, it } from 'vitest';
import { AuditService } from '../../../main/core/audit/audit-service.js';
import { CHECK_IDS, confirmationVerifier, type VerifierRegistry } from '../../../main/core/checks/verifiers/index.js';
import { loadCheckCatalog } from '../../../main/core/checks/catalog.js';
import { resourcesDir } from '../../../main/compose.js';
import { createMessageFormatter, msg } from '../../../main/core/messages/index.js';
import { DEFAULT_HISTORY, DEFAULT_PROGRESS, DEFAULT_SETTINGS, type History, type Progress, type Settings } from '../../../main/core/store/documents.js';
import { FixedClock, MemoryDocument, MemoryLogger, memoryModel } from '../../support/fakes.js';
import en from '../../../renderer/i18n/en/messages.json' with { type: 'json' };
import de from '../../../renderer/i18n/de/messages.json' with { type: 'json' };
import fr from '../../../renderer/i18n/fr/messages.json' with { type: 'json' };

const catalog = loadCheckCatalog(resourcesDir());
const messages = createMessageFormatter({ en, de, fr });

function report(settings: Partial<Settings>, system: string[]) {
  const clock = new FixedClock(new Date('2026-03-01T12:00:00Z'));
  const audit = new AuditService({
    catalog,
    settings: new MemoryDocument<Settings>({ ...DEFAULT_SETTINGS, ...settings }),
    progress: new MemoryDocument<Progress>(DEFAULT_PROGRESS),
    history: new MemoryDocument<History>(DEFAULT_HISTORY),
    clock,
    log: new MemoryLogger(),
    appVersion: '9.9.9',
    verifiers: () => Object.fromEntries(CHECK_IDS.map((id) => [id, confirmationVerifier])) as VerifierRegistry,
    model: memoryModel(clock).model,
    messages,
    systemLanguages: () => system,
    resourcesDir: resourcesDir(),
    exportPorts: {},
  });
  return audit.runHeadless({ interface: 'lo', gateway: null });
}

describe('the report in the chosen language', () => {
  it('German setting: German check titles; English stays English', async () => {
    const { report: rde } = await report({ language: 'de' }, ['en-US']);
    expect(rde.checks.find((c) => c.id === 'wifi.encryption')!.title).toBe('Das WLAN verwendet WPA3-Verschlüsselung');
    const { report: ren } = await report({ language: 'en' }, ['de-DE']);
    expect(ren.checks.find((c) => c.id === 'wifi.encryption')!.title).toBe('Wi-Fi uses WPA3 encryption');
  });
  it('system setting: follows the computer (French here)', async () => {
    const { report: r } = await report({ language: 'system' }, ['fr-CA', 'en']);
    expect(r.checks.find((c) => c.id === 'docs.report')!.title).toBe('Installation consignée dans un rapport');
  });
  it('messages: plural forms and dates per language, English for a key a language lacks', () => {
    const m = msg('inventory.never-reviewed', { count: 1 });
    expect(messages.forLanguage!('de').format(m)).toBe('1 Gerät gefunden, nie durchgesehen; sehen Sie die Liste im Schritt Bestandsaufnahme durch');
    expect(messages.forLanguage!('fr').format(msg('segment.networks-seen', { count: 0 }))).toBe('0 réseau a été vu');
    expect(messages.forLanguage!('de').format(msg('confirmation.expired', { date: '2026-03-01T00:00:00Z' }))).toContain('01.03.2026');
    expect(messages.forLanguage!('xx').format(msg('check.unreadable', {}))).toBe('the check gave no readable result');
  });
});
