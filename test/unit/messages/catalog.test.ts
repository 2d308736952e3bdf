/**
 * The message catalog and the core agree: every code main/core emits has English words in
 * renderer/i18n/en/messages.json, every entry there is emitted by something, and the words render
 * through i18next (interpolation, plurals, the `day` format) without leaving a placeholder behind.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createMessageFormatter, msg, userText, MessageSchema, NOT_CHECKED_YET, toMessage, TERM_PARAMS, type MessageCatalog } from '../../../main/core/messages/index.js';
import i18next from 'i18next';
import { formatMessage } from '../../../renderer/i18n/messages.js';
import { attachEngine } from '../../../renderer/i18n/runtime.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CORE = join(ROOT, 'main', 'core');
/** Main-side services (main/services) emit message codes too. */
const SERVICES = join(ROOT, 'main', 'services');
/** Adapters emit codes too: the Wi-Fi readings' reasons and notes (`lightMsg`, zod-free for `wifi scan --json`). */
const ADAPTERS = join(ROOT, 'main', 'adapters');
/** Errors are thrown everywhere in main/ (adapters, IPC, CLI too): their `error.*` codes count wherever they are written. */
const MAIN = join(ROOT, 'main');
const catalog = JSON.parse(readFileSync(join(ROOT, 'renderer', 'i18n', 'en', 'messages.json'), 'utf8')) as MessageCatalog;
const PLURAL = /_(zero|one|two|few|many|other)$/;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every leaf key of the catalog, plural suffixes folded into the code they belong to. */
function catalogCodes(node: MessageCatalog, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of Object.entries(node)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') {
      const code = key.replace(PLURAL, '');
      out.set(code, [...(out.get(code) ?? []), v]);
    } else for (const [c, words] of catalogCodes(v, key)) out.set(c, [...(out.get(c) ?? []), ...words]);
  }
  return out;
}

interface Use {
  file: string;
  code: string;
  /** A template literal's fixed prefix: every entry under it counts as used. */
  prefix: boolean;
}

/** The codes main/core emits: `msg('…')`, `msg(\`prefix.${…}\`)`, `userText(…)`, and code literals in main/core/messages. */
function coreUses(): Use[] {
  const uses: Use[] = [];
  for (const file of [...walk(CORE), ...walk(SERVICES), ...walk(ADAPTERS)]) {
    // Comments may show examples of codes; only code counts.
    const src = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const rel = relative(ROOT, file);
    for (const m of src.matchAll(/\b(?:msg|lightMsg)\(\s*(['"])([^'"]+)\1/g)) uses.push({ file: rel, code: m[2]!, prefix: false });
    for (const m of src.matchAll(/\b(?:msg|lightMsg)\(\s*`([^`$]*)\$\{/g)) uses.push({ file: rel, code: m[1]!.replace(/\.$/, ''), prefix: true });
    if (/\buserText\(/.test(src)) uses.push({ file: rel, code: 'user.text', prefix: false });
    // A term param's group is read by the formatter (e.g. `security` → `wifi.class.*`).
    if (file.includes(join('core', 'messages', 'format.ts'))) for (const group of Object.values(TERM_PARAMS)) uses.push({ file: rel, code: group, prefix: true });
    if (file.includes(`${join('core', 'messages')}`)) {
      for (const m of src.matchAll(/'([a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)+)'/g)) if (!m[1]!.endsWith('.js') && !m[1]!.endsWith('.json') && !Object.values(TERM_PARAMS).includes(m[1]!)) uses.push({ file: rel, code: m[1]!, prefix: false });
    }
  }
  // An error's code (`'error.…'`, main/core/errors.ts) counts wherever in main/ it is written: adapters, IPC and the CLI throw too.
  for (const file of walk(MAIN)) {
    const src = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    for (const m of src.matchAll(/['"](error\.[a-z0-9-]+(?:\.[a-z0-9-]+)*)['"]/g)) uses.push({ file: relative(ROOT, file), code: m[1]!, prefix: false });
  }
  return uses;
}

describe('message catalog', () => {
  const codes = catalogCodes(catalog);
  const uses = coreUses();

  it('finds the codes the core emits (the scan itself works)', () => {
    expect(uses.map((u) => u.code)).toEqual(expect.arrayContaining(['common.not-checked-yet', 'user.text', 'common.no-words']));
  });

  it('has English words for every code used in main/core', () => {
    const missing = uses.filter((u) => (u.prefix ? ![...codes.keys()].some((c) => c.startsWith(`${u.code}.`)) : !codes.has(u.code)));
    expect(missing.map((u) => `${u.file}: ${u.code}${u.prefix ? '.*' : ''}`)).toEqual([]);
  });

  it('has no entry that nothing emits', () => {
    const unused = [...codes.keys()].filter((c) => !uses.some((u) => (u.prefix ? c.startsWith(`${u.code}.`) : u.code === c)));
    expect(unused).toEqual([]);
  });

  it('renders every entry to words, with no placeholder left when its params are given', () => {
    const f = createMessageFormatter({ en: catalog });
    for (const [code, words] of codes) {
      const names = new Set(words.flatMap((w) => [...w.matchAll(/\{\{\s*([a-zA-Z0-9]+)/g)].map((m) => m[1]!)));
      const params = Object.fromEntries([...names].map((n) => [n, n === 'count' ? 2 : n in TERM_PARAMS ? 'wpa2' : n.toLowerCase().includes('date') || n === 'at' || n === 'until' ? '2026-03-01T10:00:00.000Z' : `«${n}»`]));
      const out = f.format(msg(code, params));
      expect(out, code).not.toMatch(/\{\{|\}\}|\$t\(/);
      expect(out.trim().length, code).toBeGreaterThan(0);
      expect(out, code).not.toBe(code);
    }
  });

  it('a count reads in the singular for one ("on 1 Wi-Fi network", never "1 Wi-Fi networks")', () => {
    const f = createMessageFormatter({ en: catalog });
    expect(f.format(msg('openwrt.change.wps-off', { count: 1 }))).toBe('turn off the WPS push button on 1 Wi-Fi network');
    expect(f.format(msg('openwrt.change.wps-off', { count: 2 }))).toBe('turn off the WPS push button on 2 Wi-Fi networks');
  });
});

describe('term params', () => {
  it('a security class travels as its id and reads as its words, in the core formatter and the renderer alike', async () => {
    const f = createMessageFormatter({ en: catalog });
    const m = msg('wifi.encryption.uses', { ssid: 'HomeNet', security: 'wpa2-wpa3', count: 2 });
    const core = f.format(m);
    expect(core).toBe('"HomeNet" uses WPA2/WPA3 transition (WPA2 and SAE both accepted) (2 access points)');
    await i18next.init({ lng: 'en', resources: { en: { messages: catalog } }, interpolation: { escapeValue: false }, initAsync: false });
    // The renderer translates through i18next once it is handed over (renderer/i18n/index.ts does that in the app).
    attachEngine(i18next);
    expect(formatMessage(m)).toBe(core);
    expect(f.format(msg('segment.weak', { ssid: 'IoT', security: 'wep' }))).toBe('"IoT" uses WEP (broken encryption); the IoT network needs WPA2 or better');
    // An id with no words never shows as the id.
    expect(f.format(msg('segment.secured', { ssid: 'IoT', security: 'nonsense' }))).not.toContain('nonsense');
  });

  it('every security class the core knows has words', async () => {
    const { WIFI_SECURITY_CLASSES } = await import('../../../main/core/wifi/index.js');
    const words = (catalog.wifi as MessageCatalog).class as MessageCatalog;
    expect(Object.keys(words).sort()).toEqual([...WIFI_SECURITY_CLASSES].sort());
  });
});

describe('msg', () => {
  it('makes a bounded, validated message', () => {
    expect(msg('wifi.encryption.wpa2', { ssid: 'Home' })).toEqual({ code: 'wifi.encryption.wpa2', params: { ssid: 'Home' } });
    expect(() => msg('Not a code')).toThrow();
    expect(() => msg('a.b', { ns: 'x' })).toThrow();
    expect(() => msg('a.b', { 'bad key': 1 })).toThrow();
    expect(() => msg('a.b', { n: Number.NaN })).toThrow();
    expect(() => msg('a.b', Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`p${i}`, i])))).toThrow();
    expect(MessageSchema.safeParse({ code: 'a.b', params: {}, extra: 1 }).success).toBe(false);
  });

  it("carries the user's own words unchanged and never formats a missing code as the raw code", () => {
    const f = createMessageFormatter({ en: catalog });
    expect(f.format(userText('We rent; the landlord owns the router {{x}}'))).toBe('We rent; the landlord owns the router {{x}}');
    expect(f.format(NOT_CHECKED_YET)).toBe('it has not been checked yet');
    expect(f.format(msg('nothing.here'))).toBe(catalog.common && (catalog.common as MessageCatalog)['no-words']);
    expect(f.format(null)).toBe('');
  });

  it('uses plurals and the day format', () => {
    const f = createMessageFormatter({ en: { t: { n_one: '{{count}} try', n_other: '{{count}} tries', d: 'on {{at, day}}' } } });
    expect(f.format(msg('t.n', { count: 1 }))).toBe('1 try');
    expect(f.format(msg('t.n', { count: 3 }))).toBe('3 tries');
    expect(f.format(msg('t.d', { at: '2026-03-01T10:00:00.000Z' }))).toBe('on Mar 1, 2026');
  });
});

describe('toMessage (prose saved before codes)', () => {
  it('reads legacy prose as common.prose, "not checked yet" as its code, and JSON as its values, never raw', () => {
    expect(toMessage('not checked yet')).toEqual(NOT_CHECKED_YET);
    expect(toMessage('the factory login is rejected')).toEqual(msg('common.prose', { text: 'the factory login is rejected' }));
    expect(toMessage('{"seen":["Home","Guest"],"security":"wpa2"}')).toEqual(msg('common.prose', { text: 'seen: Home, Guest; security: wpa2' }));
    expect(toMessage('  ')).toBeNull();
    expect(toMessage(null)).toBeNull();
    const m = msg('confirmation.expired', { date: '2026-01-01T00:00:00.000Z' });
    expect(toMessage(m)).toBe(m);
  });
});
