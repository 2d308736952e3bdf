/**
 * The Wi-Fi step's notice for a scan that failed or partly worked, rendered with the real catalogs
 * and the adapters' real messages: the reason in the reader's words, the steps (the message's
 * `steps` param) as a paragraph of their own — no English is parsed to find them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { initI18n, loadLaterCatalogs, setLanguage } from '../../../renderer/i18n';
import { ScanNotice, stepsOf } from '../../../renderer/steps/wifi/scan-notice';
import { windowsLocationAdvice } from '../../../main/adapters/wifi/netsh';
import { macLocationAdvice } from '../../../main/adapters/wifi/system-profiler';
import { lightMsg } from '../../../main/core/light-message';

initI18n();
// The Wi-Fi panel's catalog loads with the panel (renderer/steps/registry.ts); so it does here.
beforeAll(() => loadLaterCatalogs());
afterAll(() => setLanguage('en'));

describe('ScanNotice', () => {
  it('Windows Location refusal: an alert saying what happened, then the steps as their own paragraph', () => {
    const html = renderToStaticMarkup(<ScanNotice kind="alert" message={windowsLocationAdvice()} testId="wifi-scan-unknown" />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('<p>Porchlight could not read the Wi-Fi networks: Windows needs your permission first: since Windows 11 version 24H2, apps may list Wi-Fi networks only with the Location permission.</p>');
    expect(html).toMatch(/<p data-testid="wifi-permission-steps">To allow it: open Settings → Privacy &amp; security → Location, turn on &quot;Location services&quot;, &quot;Let apps access your location&quot; and &quot;Let desktop apps access your location&quot;, then scan again\./);
  });

  it('macOS hidden names beside a partly readable scan: a note with the count, then the steps', () => {
    const html = renderToStaticMarkup(<ScanNotice kind="note" message={macLocationAdvice(3, false)} />);
    expect(html).toContain('role="status"');
    expect(html).toContain('<p>Note: macOS hid the names of 3 Wi-Fi networks from Porchlight: since macOS 14.4, apps need the Location Services permission to see them.</p>');
    expect(html).toContain('<p data-testid="wifi-permission-steps">To allow it: open System Settings → Privacy &amp; Security → Location Services');
    // One network: the singular.
    expect(renderToStaticMarkup(<ScanNotice kind="note" message={macLocationAdvice(1, false)} />)).toContain('macOS hid the name of 1 Wi-Fi network from Porchlight');
  });

  it('the connected network hidden: says the connection could not be read (not "not connected"); steps left out when a note already shows them', () => {
    const html = renderToStaticMarkup(<ScanNotice kind="status" message={macLocationAdvice(1, true)} showSteps={false} testId="wifi-status-unknown" />);
    expect(html).toContain('Porchlight could not tell which network this computer is connected to: macOS hid the network names');
    expect(html).not.toContain('not connected');
    expect(html).not.toContain('wifi-permission-steps');
  });

  it('a reason without steps is one paragraph, and what the tool said travels as a param', () => {
    const reason = lightMsg('wifi.reading.netsh-unreadable', { said: 'Ein unerwarteter Fehler ist aufgetreten.' });
    expect(stepsOf(reason)).toBeNull();
    const html = renderToStaticMarkup(<ScanNotice kind="alert" message={reason} />);
    expect(html).not.toContain('wifi-permission-steps');
    expect(html).toContain('Porchlight could not read the Wi-Fi networks: Windows&#x27; Wi-Fi tool (netsh) answered in a form Porchlight cannot read (&quot;Ein unerwarteter Fehler ist aufgetreten.&quot;)');
  });

  it('in German: the reason and the steps in German, still apart', async () => {
    await setLanguage('de');
    const html = renderToStaticMarkup(<ScanNotice kind="alert" message={windowsLocationAdvice()} testId="wifi-scan-unknown" />);
    expect(html).toContain('Windows braucht zuerst Ihre Erlaubnis');
    expect(html).toMatch(/<p data-testid="wifi-permission-steps">So erlauben Sie es: Öffnen Sie Einstellungen → Datenschutz und Sicherheit → Standort/);
    expect(html).not.toContain('To allow it');
    await setLanguage('en');
  });
});
