import { describe, expect, it } from 'vitest';
import { words } from '../../../support/words.js';
import { join } from 'node:path';
import { runSurvey, sweepHosts, type SurveyRunDeps } from '../../../../main/core/network/survey-run.js';
import { buildScope } from '../../../../main/core/network/scope.js';
import { loadCategoryRules } from '../../../../main/core/network/categories.js';
import { assembleServices } from '../../../../main/core/network/mdns.js';
import { parseSsdpReply } from '../../../../main/core/network/ssdp.js';
import type { Discovery, HttpAnswer, HttpFetcher, MdnsRecord, NeighborTable, OuiRegistry } from '../../../../main/core/ports.js';
import { PorchlightError } from '../../../../main/core/errors.js';
import { ROUTER_FILES } from '../../../lab/discovery/router-files.js';
import { createMessageFormatter, msg, type Message } from '../../../../main/core/messages/index.js';
import messagesEn from '../../../../renderer/i18n/en/messages.json' with { type: 'json' };
import messagesDe from '../../../../renderer/i18n/de/messages.json' with { type: 'json' };

/** The codes of an unknown device's reason: the list, then each problem with the messages inside it. */
const codes = (m: Message | null | undefined): string[] =>
  !m ? [] : [m.code, ...Object.values(m.params).flatMap((v) => (Array.isArray(v) ? v.flatMap(codes) : v !== null && typeof v === 'object' ? codes(v) : []))];

const RESOURCES = join(__dirname, '../../../../resources');
const rules = loadCategoryRules(RESOURCES);
const oui: OuiRegistry = { organisation: (p) => ({ '246511': 'AVM GmbH', FCA667: 'Amazon Technologies Inc.', '54EF44': 'Lumi United Technology Co., Ltd', '00E04C': 'REALTEK' })[p] ?? null };
const never = <T>() => new Promise<T>(() => {});

function fakes(opts: { hangHttp?: boolean; hangNeighbors?: boolean; hangDiscovery?: boolean } = {}) {
  const calls: string[] = [];
  const neighbors: NeighborTable = {
    read: async () => {
      if (opts.hangNeighbors) return never();
      return [
        { ip: '127.0.0.40', mac: '24:65:11:00:00:01', interface: 'lo', state: 'REACHABLE' },
        { ip: '127.0.0.41', mac: 'fc:a6:67:00:00:02', interface: 'lo', state: 'STALE' },
        { ip: '127.0.0.48', mac: '00:e0:4c:00:00:03', interface: 'lo', state: 'REACHABLE' },
        { ip: '127.0.0.60', mac: null, interface: 'lo', state: 'FAILED' },
        { ip: '127.0.0.61', mac: 'aa:bb:cc:00:00:04', interface: 'eth9', state: 'REACHABLE' },
      ];
    },
  };
  const discovery: Discovery = {
    ssdpSearch: async (scope) => {
      if (opts.hangDiscovery) return never();
      await new Promise((r) => setTimeout(r, Math.min(50, scope.listenMs)));
      return [
        { from: '127.0.0.40', text: 'HTTP/1.1 200 OK\r\nSERVER: FRITZ!Box 7590 UPnP/1.0 AVM FRITZ!Box 7590 154.07.57\r\nST: upnp:rootdevice\r\nLOCATION: http://127.0.0.40:49000/igddesc.xml\r\n\r\n' },
        { from: '127.0.0.48', text: 'HTTP/1.1 200 OK\r\nLOCATION: http://127.0.0.48:8080/hang.xml\r\n\r\n' },
        { from: '127.0.0.49', text: '\u0000\u00ff\u0013garbage' },
        { from: '127.0.0.50', text: 'HTTP/1.1 200 OK\r\nLOCATION: http://93.184.216.34/desc.xml\r\n\r\n' },
        { from: '8.8.8.8', text: 'HTTP/1.1 200 OK\r\nLOCATION: http://8.8.8.8/desc.xml\r\n\r\n' },
      ];
    },
    mdnsBrowse: async () => {
      if (opts.hangDiscovery) return never();
      const recs: MdnsRecord[] = [
        { name: '_hap._tcp.local', type: 'PTR', data: 'Aqara Lock._hap._tcp.local', from: '127.0.0.1' },
        { name: 'Aqara Lock._hap._tcp.local', type: 'SRV', data: { target: 'lock.local', port: 1 }, from: '127.0.0.1' },
        { name: 'Aqara Lock._hap._tcp.local', type: 'TXT', data: ['ci=6', 'md=U100'], from: '127.0.0.1' },
        { name: 'lock.local', type: 'A', data: '127.0.0.45', from: '127.0.0.1' },
      ];
      return recs;
    },
  };
  const http: HttpFetcher = {
    request: async (url, o): Promise<HttpAnswer> => {
      calls.push(url);
      if (url.includes('127.0.0.48') || opts.hangHttp) {
        // Behaves like the real adapter: rejects at its deadline.
        await new Promise((r) => setTimeout(r, o.deadlineMs));
        throw new PorchlightError('timeout', 'error.no-answer', { address: new URL(url).host, count: o.deadlineMs / 1000 });
      }
      if (url.endsWith('/tr64desc.xml')) return { status: 200, headers: {}, body: ROUTER_FILES.tr64!['tr64desc.xml']!, truncated: false };
      if (url.endsWith('/igddesc.xml')) return { status: 200, headers: {}, body: ROUTER_FILES.tr64!['igddesc.xml']!, truncated: false };
      if (url.endsWith('/')) return { status: 200, headers: { server: 'x' }, body: '<title>FRITZ!Box</title>', truncated: false };
      return { status: 404, headers: {}, body: '', truncated: false };
    },
    connects: async () => false,
  };
  const deps: SurveyRunDeps = { neighbors, discovery, http, oui, rules, knownRouterVendors: ['AVM', 'FRITZ!Box'], now: () => performance.now() };
  return { deps, calls };
}

const scope = (seconds = 3) => buildScope({ interface: 'lo', interfaceAddress: '127.0.0.1', prefixLength: 8, gateway: '127.0.0.40', seconds });

describe('runSurvey', () => {
  it('merges neighbor, SSDP and mDNS views; identifies the router; the hanging peer is unknown with its reason', async () => {
    const { deps, calls } = fakes();
    const run = await runSurvey(deps, scope());
    expect(run.gateway.router).toMatchObject({ vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '154.07.57', sources: { vendor: 'tr064' } });
    const ips = run.devices.map((d) => d.ip);
    expect(ips).toEqual(['127.0.0.40', '127.0.0.41', '127.0.0.45', '127.0.0.48', '127.0.0.49', '127.0.0.50']);
    expect(run.devices.find((d) => d.ip === '127.0.0.41')).toMatchObject({ vendor: 'Amazon Technologies Inc.', category: 'speaker', status: 'identified' });
    expect(run.devices.find((d) => d.ip === '127.0.0.45')).toMatchObject({ category: 'lock', categoryBasis: { code: 'survey.basis.homekit', params: { category: '6' } }, model: 'U100' });
    expect(words(run.devices.find((d) => d.ip === '127.0.0.45')!.categoryBasis)).toBe('HomeKit category 6');
    const hung = run.devices.find((d) => d.ip === '127.0.0.48')!;
    expect(hung.status).toBe('unknown');
    expect(codes(hung.unknownReason)).toEqual(['survey.problem.list', 'survey.problem.description', 'survey.probe.timeout']);
    expect(hung.problems).toEqual([{ code: 'survey.problem.description', params: { url: expect.stringMatching(/^http:\/\/127\.0\.0\.48/), error: msg('survey.probe.timeout') } }]);
    expect(words(hung.unknownReason)).toMatch(/: no answer in time$/);
    expect(run.devices.find((d) => d.ip === '127.0.0.49')!.problems[0]).toEqual({ code: 'survey.problem.ssdp-garbage', params: { count: expect.any(Number) } });
    expect(run.devices.find((d) => d.ip === '127.0.0.50')!.problems[0]).toEqual(msg('survey.problem.out-of-scope'));
    // Problems are messages, never English sentences.
    for (const d of run.devices) for (const p of d.problems) expect(typeof p).toBe('object');
    // Never a request outside the scope.
    expect(calls.every((u) => new URL(u).hostname.startsWith('127.'))).toBe(true);
    expect(run.durationMs).toBeLessThanOrEqual(run.budgetMs);
  });

  it('fetches descriptions as the answers arrive: a hung peer costs nothing after the listen window', async () => {
    const { deps } = fakes();
    const batch = deps.discovery.ssdpSearch;
    const heard: number[] = [];
    // Like the real adapter: each reply is reported when it arrives, all of them at the window's end.
    deps.discovery = {
      ...deps.discovery,
      ssdpSearch: async (sc, targets, onReply) => {
        const replies = await batch(sc, targets);
        for (const r of replies) {
          heard.push(performance.now());
          onReply?.(r);
        }
        await new Promise((r) => setTimeout(r, sc.listenMs - 50));
        return replies;
      },
    };
    const sc = scope(5);
    expect(sc.probeDeadlineMs).toBeGreaterThanOrEqual(1000);
    const run = await runSurvey(deps, sc);
    expect(heard.length).toBeGreaterThan(0);
    // The window plus bookkeeping, not the window plus the hung peer's whole deadline.
    expect(run.durationMs).toBeLessThan(sc.listenMs + 500);
    expect(run.durationMs).toBeLessThanOrEqual(run.budgetMs);
    expect(run.devices.find((d) => d.ip === '127.0.0.48')).toMatchObject({ status: 'unknown' });
    expect(codes(run.devices.find((d) => d.ip === '127.0.0.48')!.unknownReason)).toContain('survey.probe.timeout');
    expect(run.gateway.router).toMatchObject({ vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '154.07.57' });
    expect(run.gateway.router!.evidence.find((e) => e.source === 'upnp')?.error ?? null).toBeNull();
  });

  it('finishes within the budget when every port hangs', async () => {
    const { deps } = fakes({ hangHttp: true, hangNeighbors: true, hangDiscovery: true });
    const t0 = performance.now();
    const run = await runSurvey(deps, scope(2));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(run.notes.map((n) => n.code)).toEqual(['survey.note.neighbors-timeout', 'survey.note.ssdp-cut-short', 'survey.note.mdns-cut-short']);
    expect(run.gateway.router!.vendor).toBeNull();
    expect(run.gateway.router!.evidence.some((e) => e.error)).toBe(true);
    // The router's sources that said nothing say why as codes: a hung TR-064 request, no SSDP answer, no description.
    const why = Object.fromEntries(run.gateway.router!.evidence.map((e) => [e.source, e.error?.code ?? null]));
    expect(why).toMatchObject({ tr064: 'survey.probe.timeout', 'ssdp-server': 'router.evidence.no-ssdp-answer', upnp: 'router.evidence.no-upnp' });
    // The same note in English and in German, through the formatter (the app and the CLI read it this way).
    const note = run.notes[0]!;
    const formatter = createMessageFormatter({ en: messagesEn, de: messagesDe });
    expect(formatter.format(note)).toMatch(/^This computer's list of nearby devices \(its neighbor table\) did not come back within \d+ seconds?,/);
    expect(formatter.forLanguage!('de').format(note)).toMatch(/^Die Liste der Geräte in der Nähe, die dieser Computer führt \(Nachbartabelle\), kam nicht innerhalb von \d+ Sekunden?\./);
  });

  it('reports progress up to saving', async () => {
    const { deps } = fakes();
    const phases: string[] = [];
    await runSurvey(deps, scope(), (p) => phases.push(p.phase));
    expect(phases[0]).toBe('neighbors');
    expect(phases).toContain('describing');
    expect(phases.at(-1)).toBe('saving');
  });
});

describe('sweep hosts (opt-in only)', () => {
  it('never more than a /24 and never itself', () => {
    const hosts = sweepHosts(buildScope({ interface: 'lo', interfaceAddress: '127.0.0.1', prefixLength: 8, sweep: true }));
    expect(hosts).toHaveLength(253);
    expect(hosts).not.toContain('127.0.0.1');
    expect(hosts[0]).toBe('127.0.0.2');
  });
});

describe('mDNS assembly and SSDP parsing', () => {
  it('ignores unwanted types, bad records and keeps instance case', () => {
    const s = assembleServices([
      { name: '_googlecast._tcp.local', type: 'PTR', data: 'Living\\032Room._googlecast._tcp.local', from: 'x' },
      { name: 'living\\032room._googlecast._tcp.local', type: 'TXT', data: ['fn=Living Room', 'md=Chromecast', 'garbage'], from: 'x' },
      { name: '_evil._tcp.local', type: 'PTR', data: 'x._evil._tcp.local', from: 'x' },
      { name: 'lr.local', type: 'A', data: 'not-an-ip', from: 'x' },
      null as unknown as MdnsRecord,
    ]);
    expect(s).toEqual([{ instance: 'Living Room', type: '_googlecast._tcp', host: null, port: null, addresses: [], txt: { fn: 'Living Room', md: 'Chromecast', garbage: '' } }]);
  });
  it('SSDP: only status lines of answers, headers lower-cased and bounded', () => {
    expect(parseSsdpReply({ from: 'a', text: 'garbage' })).toBeNull();
    expect(parseSsdpReply({ from: 'a', text: 'x'.repeat(9000) })).toBeNull();
    const a = parseSsdpReply({ from: 'a', text: 'HTTP/1.1 200 OK\r\nLocation: http://127.0.0.2/d.xml\r\nSERVER: a\u0000b\r\nbad header line\r\n\r\n' });
    expect(a).toMatchObject({ location: 'http://127.0.0.2/d.xml', server: 'a b' });
  });
});

describe('explicit targets and the opt-in sweep', () => {
  it('probes targets always, the subnet only with sweep, with bounded concurrency', async () => {
    const { deps } = fakes();
    let inFlight = 0;
    let peak = 0;
    const probed = new Set<string>();
    deps.http = {
      ...deps.http,
      connects: async (host) => {
        probed.add(host);
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setTimeout(r, 2));
        inFlight--;
        return host === '127.0.0.77' || host === '127.0.0.5';
      },
    };
    const noSweep = await runSurvey(deps, buildScope({ interface: 'lo', interfaceAddress: '127.0.0.1', prefixLength: 8, gateway: '127.0.0.40', targets: ['127.0.0.5', '127.0.0.6'], seconds: 4 }));
    expect([...probed].sort()).toEqual(['127.0.0.5', '127.0.0.6']);
    expect(noSweep.devices.find((d) => d.ip === '127.0.0.5')!.seenBy).toContain('target');
    expect(noSweep.devices.find((d) => d.ip === '127.0.0.6')!.problems).toEqual([msg('survey.problem.no-port')]);
    expect(noSweep.devices.find((d) => d.ip === '127.0.0.77')).toBeUndefined();

    probed.clear();
    const swept = await runSurvey(deps, buildScope({ interface: 'lo', interfaceAddress: '127.0.0.1', prefixLength: 8, gateway: '127.0.0.40', sweep: true, seconds: 6 }));
    expect(swept.devices.find((d) => d.ip === '127.0.0.77')!.seenBy).toEqual(['sweep']);
    expect(probed.size).toBeGreaterThan(200);
    expect([...probed].every((h) => h.startsWith('127.0.0.'))).toBe(true);
    expect(peak).toBeLessThanOrEqual(32);
  });
});
