/**
 * The Wi-Fi step's notice for a scan that failed or partly worked, rendered with the real English
 * catalog and the core's real permission texts: the reason in plain words, the steps on their own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { initI18n, loadLaterCatalogs } from '../../../renderer/i18n';
import { ScanNotice, splitSteps } from '../../../renderer/steps/wifi/scan-notice';
import { WINDOWS_LOCATION_ADVICE } from '../../../main/adapters/wifi/netsh';
import { macLocationAdvice } from '../../../main/adapters/wifi/system-profiler';

initI18n();
// The Wi-Fi panel's catalog loads with the panel (renderer/steps/registry.ts); so it does here.
beforeAll(() => loadLaterCatalogs());

describe('ScanNotice', () => {
  it('Windows Location refusal: an alert saying what happened, then the steps as their own paragraph', () => {
    const html = renderToStaticMarkup(<ScanNotice kind="alert" text={WINDOWS_LOCATION_ADVICE} testId="wifi-scan-unknown" />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('Porchlight could not read the Wi-Fi networks: Windows needs your permission first: since Windows 11 version 24H2, apps may list Wi-Fi networks only with the Location permission.</p>');
    expect(html).toMatch(/<p data-testid="wifi-permission-steps">To allow it: open Settings → Privacy &amp; security → Location, turn on &quot;Location services&quot;, &quot;Let apps access your location&quot; and &quot;Let desktop apps access your location&quot;, then scan again\./);
  });

  it('macOS hidden names beside a partly readable scan: a note with the count, then the steps', () => {
    const html = renderToStaticMarkup(<ScanNotice kind="note" text={macLocationAdvice(3, false)} />);
    expect(html).toContain('role="status"');
    expect(html).toContain('Note: macOS hid the names of 3 Wi-Fi network(s) from Porchlight: since macOS 14.4, apps need the Location Services permission to see them.</p>');
    expect(html).toContain('<p data-testid="wifi-permission-steps">To allow it: open System Settings → Privacy &amp; Security → Location Services');
  });

  it('the connected network hidden: says the connection could not be read (not "not connected")', () => {
    const html = renderToStaticMarkup(<ScanNotice kind="status" text={macLocationAdvice(1, true)} testId="wifi-status-unknown" />);
    expect(html).toContain('Porchlight could not tell which network this computer is connected to: macOS hid the network names');
    expect(html).not.toContain('not connected');
  });

  it('a reason without steps is one paragraph, and splitSteps finds no steps in it', () => {
    const reason = 'netsh was not found, so the Wi-Fi networks could not be listed.';
    expect(splitSteps(reason)).toEqual({ what: reason, steps: null });
    const html = renderToStaticMarkup(<ScanNotice kind="alert" text={reason} />);
    expect(html).not.toContain('wifi-permission-steps');
    expect(html).toContain(`Porchlight could not read the Wi-Fi networks: ${reason}`);
  });
});
