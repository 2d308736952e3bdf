/**
 * The Wi-Fi step's "Let Porchlight change it" panel pieces, rendered with the real English catalogs
 * and message codes shaped as the core sends them: the plan in plain words (a home network's two
 * radios as one line), refused changes with their reason, the checked result and the router's
 * problems with what to do — never a raw id, key or code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { initI18n, loadLaterCatalogs } from '../../../renderer/i18n';
import { ApplyResult, PlanList, ProblemNotice, RouterAutomation, phaseAfterProblem, type RouterAutomationApi } from '../../../renderer/components/router-automation/router-automation';

initI18n();
beforeAll(() => loadLaterCatalogs());

const change = (id: string, refused: boolean) => ({
  key: `home-wifi.encryption:WLANConfiguration:${id}`,
  message: { code: 'router-api.change.home-wifi-encryption', params: { ssid: 'Lab Home', from: 'WPA2', to: 'WPA3' } },
  cutsLink: refused,
  refused: refused ? { code: 'router-api.refused.cuts-link', params: { ssid: 'Lab Home' } } : null,
});
const plan = (refused: boolean) => ({
  interrupted: null,
  changes: [change('1', refused), change('2', refused), { key: 'wps', message: { code: 'router-api.change.wps-off', params: {} }, cutsLink: false, refused: null }],
  notes: [{ code: 'router-api.note.role-unclear', params: { network: 'WLANConfiguration:4', ssid: 'mesh' } }],
  networks: [],
});
const RAW = /WLANConfiguration:\d|home-wifi\.|router-api\.|routerAuto\./;

describe('PlanList', () => {
  it('one line per change in plain words; the two radios of one network once, with how many', () => {
    const html = renderToStaticMarkup(<PlanList plan={plan(false)} />);
    expect(html.match(/<li /g)).toHaveLength(2);
    expect(html).toContain('Change the security of &quot;Lab Home&quot; from WPA2 to WPA3 (on 2 of the router&#x27;s Wi-Fi radios)');
    expect(html).toContain('Turn off the push-button Wi-Fi setup (WPS)');
    expect(html).toContain('Will change');
    // The note about a network it leaves alone, in words.
    expect(html).toContain('Porchlight cannot tell for sure what the router');
    // No raw service id ("WLANConfiguration:4") reaches the owner: the network is named by its SSID.
    expect(html).not.toMatch(RAW);
  });

  it('a change that would cut this computer\'s Wi-Fi is marked as not done, with the reason', () => {
    const html = renderToStaticMarkup(<PlanList plan={plan(true)} />);
    expect(html).toContain('data-refused="true"');
    expect(html).toContain('Not done automatically');
    expect(html).toContain('this computer is connected through &quot;Lab Home&quot;');
  });

  it('an OpenWrt change an earlier run left unconfirmed is said first, with its date in words, never the raw timestamp', () => {
    const interrupted = { startedAt: '2026-11-30T21:14:00.000Z', outcome: 'rolled-back' as const, message: { code: 'openwrt.interrupted.rolled-back', params: { startedAt: '2026-11-30T21:14:00.000Z', changes: 2 } } };
    const html = renderToStaticMarkup(<PlanList plan={{ ...plan(false), interrupted }} />);
    expect(html).toContain('data-testid="router-auto-interrupted"');
    expect(html).toContain('the router undid it by itself');
    expect(html).toContain('2026');
    expect(html).not.toContain('2026-11-30T21:14');
    expect(renderToStaticMarkup(<PlanList plan={plan(false)} />)).not.toContain('router-auto-interrupted');
  });
});

describe('ApplyResult', () => {
  it('verified: the changes, what the rescan saw, and the pointer to the step\'s check', () => {
    const html = renderToStaticMarkup(
      <ApplyResult plan={plan(false)} result={{ outcome: 'verified', applied: ['home-wifi.encryption:WLANConfiguration:1', 'home-wifi.encryption:WLANConfiguration:2'], skipped: [], rescan: { code: 'wifi.verify.wpa3-only', params: { ssid: 'Lab Home' } } }} />,
    );
    expect(html).toContain('data-outcome="verified"');
    expect(html).toContain('Done and checked');
    expect(html).toContain('Verified');
    expect(html.match(/<li>/g)).toHaveLength(1);
    expect(html).toContain('The scan found: &quot;Lab Home&quot; accepts only WPA3 (SAE)');
    expect(html).toContain('Check again');
    expect(html).not.toMatch(RAW);
  });

  it('restored: says the settings were put back and why, with the Wi-Fi class in words', () => {
    const html = renderToStaticMarkup(
      <ApplyResult plan={plan(false)} result={{ outcome: 'restored', applied: ['wps'], skipped: [], reason: { code: 'router-automation.rescan-contradicts', params: { ssid: 'Lab Home', security: 'wpa2' } } }} />,
    );
    expect(html).toContain('data-outcome="restored"');
    expect(html).toContain('Porchlight put your previous settings back');
    expect(html).toContain('a new Wi-Fi scan still sees');
    expect(html).not.toContain('sees wpa2');
    expect(html).not.toMatch(RAW);
  });

  it('verified by read-back only (the updates step): no rescan words, no pointer to the Wi-Fi check', () => {
    const p = { interrupted: null, changes: [{ key: 'upnp', message: { code: 'router-api.change.upnp-off', params: { mappings: 2 } }, cutsLink: false, refused: null }], notes: [], networks: [] };
    const html = renderToStaticMarkup(<ApplyResult plan={p} result={{ outcome: 'verified', applied: ['upnp'], skipped: [], rescan: null }} />);
    expect(html).toContain('Your router reports the new settings when read again');
    expect(html).toContain('Turn off automatic port opening (UPnP)');
    expect(html).not.toContain('Wi-Fi scan');
    expect(html).not.toContain('Check again');
  });

  it('restore failed: tells the owner to check the router by hand', () => {
    const html = renderToStaticMarkup(<ApplyResult plan={plan(false)} result={{ outcome: 'restore-failed', applied: ['wps'], skipped: [], reason: { code: 'router-api.proof.could-not-run', params: {} } }} />);
    expect(html).toContain('Check your router by hand');
    expect(html).toContain('putting your previous settings back failed too');
  });
});

describe('ProblemNotice and what comes next', () => {
  it('a wrong password: plain words next to the button, and the login asked again (once)', () => {
    const p = { kind: 'auth-failed' as const, message: { code: 'router-api.error.auth-failed', params: { host: '192.168.178.1' } }, waitSeconds: null };
    const html = renderToStaticMarkup(<ProblemNotice problem={p} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('did not accept the user name and password saved for it. Porchlight tried once');
    expect(phaseAfterProblem(p, { userName: 'porchlight', passwordSaved: true })).toEqual({ kind: 'login', askUser: true, askPassword: true, again: true });
    // After that one failure, no new login form loop: the "already failed" answer asks nothing.
    expect(phaseAfterProblem({ ...p, message: { code: 'router-api.error.auth-failed-earlier', params: { host: '192.168.178.1' } } }, { userName: 'porchlight', passwordSaved: true })).toEqual({ kind: 'idle' });
  });

  it('blocked after failures: the wait in seconds; confirmation on the device: press the button', () => {
    const blocked = renderToStaticMarkup(<ProblemNotice problem={{ kind: 'blocked-after-failures', message: { code: 'router-api.error.blocked', params: { host: '192.168.178.1', seconds: 30 } }, waitSeconds: 30 }} />);
    expect(blocked).toContain('Wait 30 seconds');
    const button = renderToStaticMarkup(<ProblemNotice problem={{ kind: 'needs-confirmation-on-device', message: { code: 'router-api.error.confirm-on-device', params: { seconds: 60 } }, waitSeconds: 60 }} />);
    expect(button).toContain('Press the button on your FRITZ!Box');
    expect(button).not.toMatch(RAW);
  });

  it('a missing login asks only for what is missing', () => {
    const p = { kind: 'credentials-missing' as const, message: { code: 'router-api.error.user-missing', params: { host: '192.168.178.1' } }, waitSeconds: null };
    expect(phaseAfterProblem(p, { userName: null, passwordSaved: true })).toEqual({ kind: 'login', askUser: true, askPassword: false, again: false });
  });
});

describe('RouterAutomation', () => {
  it('shows nothing before the core said the surveyed router is supported (no router, no panel)', () => {
    const never: RouterAutomationApi = { state: () => new Promise(() => undefined), saveLogin: async () => Promise.reject(new Error('unused')), plan: async () => Promise.reject(new Error('unused')), apply: async () => Promise.reject(new Error('unused')) };
    expect(renderToStaticMarkup(<RouterAutomation ssid="Lab Home" mode="wpa3" onChanged={() => undefined} api={never} />)).toBe('');
  });
});
