/**
 * Translated resource texts (resources/l10n/<lang>/<file>.json): every sidecar parses, names only
 * entries and fields the English file has, in the same shape (text for text, list for list), and
 * the check catalog is complete in every language. Other files may be partial — the test prints
 * what is still English so the gap is visible, never hidden. The loader lays translations over
 * English and falls back to English for whatever a sidecar lacks.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSidecar, localizeDocument, localizeEntries, localizeResource, sidecarProblems, TRANSLATABLE } from '../../../main/core/l10n/index.js';

const RESOURCES = join(import.meta.dirname, '..', '..', '..', 'resources');
const LANGS = ['de', 'es', 'fr'];
/**
 * Every user-facing text of a resource file must have a German, Spanish and French version: a
 * file whose texts reach a person is declared in TRANSLATABLE, and each declared file is complete.
 */
const USER_FACING = ['checks.json', 'wifi-router-guides.json', 'router-families.json', 'outage-plans.json', 'assistant-settings.json', 'accounts.json', 'wifi-legacy-devices.json'];

describe.each(LANGS)('resources/l10n/%s', (lng) => {
  it.each(Object.keys(TRANSLATABLE))('%s: no stale or misshapen entry; complete where required', (file) => {
    const english = JSON.parse(readFileSync(join(RESOURCES, file), 'utf8')) as Record<string, unknown>;
    const sidecar = loadSidecar(RESOURCES, lng, file);
    expect(sidecar, `resources/l10n/${lng}/${file} is missing`).not.toBeNull();
    const problems = sidecarProblems(english, sidecar, file);
    const missing = problems.filter((p) => p.endsWith(' missing'));
    const wrong = problems.filter((p) => !p.endsWith(' missing'));
    expect(wrong).toEqual([]);
    expect(missing, `${lng}/${file}: texts with no ${lng} version`).toEqual([]);
  });
  it('declares every user-facing resource file as translatable', () => {
    expect(Object.keys(TRANSLATABLE).sort()).toEqual([...USER_FACING].sort());
  });
  it('has no sidecar for a file without declared translatable fields', () => {
    const dir = join(RESOURCES, 'l10n', lng);
    const files = existsSync(dir) ? readdirSync(dir) : [];
    for (const f of files) expect(Object.keys(TRANSLATABLE), f).toContain(f);
  });
});

describe('the loader', () => {
  it('lays a translation over English by id and falls back to English', () => {
    const entries = [
      { id: 'a', title: 'Hello', steps: ['one', 'two'] },
      { id: 'b', title: 'Bye', steps: [] },
    ];
    const out = localizeEntries(entries, { version: 1, source: 'x.json', entries: { a: { title: 'Hallo', steps: ['eins'] }, b: { steps: 'not a list' } } }, ['title', 'steps']);
    expect(out).toEqual([
      { id: 'a', title: 'Hallo', steps: ['eins'] },
      { id: 'b', title: 'Bye', steps: [] },
    ]);
    expect(entries[0]!.title).toBe('Hello');
  });
  it('reads the German FRITZ!Box steps with FRITZ!OS menu labels; English stays English', () => {
    const english = JSON.parse(readFileSync(join(RESOURCES, 'wifi-router-guides.json'), 'utf8')) as { families: Array<{ id: string; wpa3Only: string[] }> };
    const de = localizeResource(RESOURCES, 'wifi-router-guides.json', english, 'de') as typeof english;
    expect(de.families.find((f) => f.id === 'avm-fritzbox')!.wpa3Only.join(' ')).toContain('WLAN > Sicherheit > Verschlüsselung');
    expect(localizeResource(RESOURCES, 'wifi-router-guides.json', english, 'en')).toEqual(english);
  });
  it('reaches into lists by id and objects by key (options.*.label, where.*.path), and a single object by its name', () => {
    const doc = {
      settings: [{ id: 's', title: 'T', options: [{ id: 'off', label: 'Off', status: 'pass' }, { id: 'on', label: 'On', status: 'fail' }], where: { alexa: { path: 'Alexa app → More', url: null }, siri: { notOffered: 'No.' } } }],
      assistants: [{ id: 'alexa', app: 'Alexa app' }],
    };
    const sidecar = {
      version: 1 as const,
      source: 'assistant-settings.json',
      entries: { s: { title: 'Titel', 'options.off.label': 'Aus', 'where.alexa.path': 'Alexa-App → Mehr', 'where.siri.notOffered': 'Nein.' }, alexa: { app: 'Alexa-App' } },
    };
    const out = localizeDocument(doc, sidecar, 'assistant-settings.json');
    expect(out.settings[0]).toEqual({
      id: 's',
      title: 'Titel',
      options: [{ id: 'off', label: 'Aus', status: 'pass' }, { id: 'on', label: 'On', status: 'fail' }],
      where: { alexa: { path: 'Alexa-App → Mehr', url: null }, siri: { notOffered: 'Nein.' } },
    });
    expect(out.assistants[0]!.app).toBe('Alexa-App');
    expect(doc.settings[0]!.options[0]!.label).toBe('Off');
    // what the sidecar lacks, has extra, or has in another shape is reported
    const problems = sidecarProblems(doc, sidecar, 'assistant-settings.json');
    expect(problems).toContain('s.options.on.label missing');
    expect(sidecarProblems(doc, { ...sidecar, entries: { ...sidecar.entries, s: { ...sidecar.entries.s, 'options.maybe.label': 'x' } } }, 'assistant-settings.json')).toContain(
      's.options.maybe.label is not a translatable field of assistant-settings.json',
    );
    const plans = { profiles: [], firmware: { why: 'Why', autoUpdateWhy: 'Auto', answers: [{ id: 'current', label: 'Current', status: 'pass' }] } };
    const fw = localizeDocument(plans, { version: 1, source: 'outage-plans.json', entries: { firmware: { why: 'Warum', 'answers.current.label': 'Aktuell' } } }, 'outage-plans.json');
    expect(fw.firmware).toEqual({ why: 'Warum', autoUpdateWhy: 'Auto', answers: [{ id: 'current', label: 'Aktuell', status: 'pass' }] });
    expect(sidecarProblems(plans, null, 'outage-plans.json')).toEqual(['firmware.why missing', 'firmware.autoUpdateWhy missing', 'firmware.answers.current.label missing']);
    // a top-level text (the legacy-devices note the Wi-Fi step shows)
    const legacy = { note: 'Devices that do not join WPA3-only networks.', devices: [{ id: 'x', vendor: 'Various', model: 'Old plugs', advice: 'Use transition mode.' }] };
    const tr = { version: 1 as const, source: 'wifi-legacy-devices.json', entries: { note: { text: 'Geräte ohne WPA3.' }, x: { vendor: 'Verschiedene', model: 'Alte Steckdosen' } } };
    expect(localizeDocument(legacy, tr, 'wifi-legacy-devices.json')).toEqual({ note: 'Geräte ohne WPA3.', devices: [{ id: 'x', vendor: 'Verschiedene', model: 'Alte Steckdosen', advice: 'Use transition mode.' }] });
    expect(sidecarProblems(legacy, tr, 'wifi-legacy-devices.json')).toEqual([]);
    expect(sidecarProblems(legacy, { ...tr, entries: { x: tr.entries.x } }, 'wifi-legacy-devices.json')).toEqual(['note.text missing']);
  });
});
