/**
 * `porchlight survey` puts the survey's notes and the router's reasons into words in the CLI's
 * language (the `--json` shape stays strings, as `reason` always was); no message code and no
 * English sentence from the core reaches the reader as such.
 */
import { describe, expect, it } from 'vitest';
import { publicReport } from '../../../main/cli/survey.js';
import { createMessageFormatter, msg } from '../../../main/core/messages/index.js';
import type { SurveyReport } from '../../../main/core/network/survey-service.js';
import messagesEn from '../../../renderer/i18n/en/messages.json' with { type: 'json' };
import messagesDe from '../../../renderer/i18n/de/messages.json' with { type: 'json' };

const formatter = createMessageFormatter({ en: messagesEn, de: messagesDe });
const report: SurveyReport = {
  gateway: {
    address: '192.168.1.1',
    mac: null,
    router: {
      vendor: null,
      model: null,
      firmware: null,
      friendlyName: null,
      sources: { vendor: null, model: null, firmware: null },
      unknown: {
        vendor: msg('router.unknown.vendor', { parts: [msg('router.unknown.said', { source: msg('router.source.tr064'), reason: msg('survey.probe.refused') })] }),
        model: null,
        firmware: null,
      },
      evidence: [{ source: 'tr064', url: 'http://192.168.1.1:49000/tr64desc.xml', vendor: null, model: null, firmware: null, error: msg('survey.probe.refused'), setAside: null }],
    },
  },
  devices: [],
  notes: [msg('survey.note.mdns-cut-short')],
  durationMs: 1000,
  budgetMs: 2000,
  withinBudget: true,
  finishedAt: '2026-12-01T06:00:00.000Z',
};

describe('survey --json', () => {
  it('carries notes, unknown reasons and evidence as words in the chosen language', () => {
    const en = publicReport(report, (m) => formatter.format(m));
    expect(en.notes).toEqual(['Listening for devices that give their name on the network (mDNS, Bonjour) stopped early because the survey\'s time ran out.']);
    expect(en.gateway.router!.unknown!.vendor).toBe("no source about the router itself gave its maker: the router's TR-064 interface: the connection was refused");
    expect(en.gateway.router!.evidence[0]!.error).toBe('the connection was refused');
    const de = publicReport(report, (m) => formatter.forLanguage!('de').format(m));
    expect(de.notes[0]).toMatch(/^Die Suche nach Geräten, die im Netz ihren Namen nennen \(mDNS, Bonjour\), endete vorzeitig/);
    expect(de.gateway.router!.unknown!.vendor).toBe('keine Quelle zum Router selbst nannte seinen Hersteller: die TR-064-Schnittstelle des Routers: die Verbindung wurde abgelehnt');
    expect(JSON.stringify(de)).not.toMatch(/"code"|survey\.|router\.(unknown|source|parse)/);
  });
});
