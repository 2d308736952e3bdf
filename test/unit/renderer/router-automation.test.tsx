/**
 * The Wi-Fi step's "Let Porchlight change it" panel pieces, rendered with the real English catalogs
 * and message codes shaped as the core sends them: the plan in plain words (a home network's two
 * radios as one line), refused changes with their reason, the checked result and the router's
 * problems with what to do — never a raw id, key or code.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { initI18n, loadLaterCatalogs } from '../../../renderer/i18n';
import { ApplyResult, PlanList, Preview, ProblemNotice, RouterAutomation, phaseAfterProblem, type RouterAutomationApi } from '../../../renderer/components/router-automation/router-automation';
import { routerChannels } from '../../../main/ipc/channels/router';

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
  iotPassphrase: null,
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
      <ApplyResult plan={plan(false)} result={{ outcome: 'verified', applied: ['home-wifi.encryption:WLANConfiguration:1', 'home-wifi.encryption:WLANConfiguration:2'], skipped: [], rescan: { code: 'wifi.verify.wpa3-only', params: { ssid: 'Lab Home' } }, basis: [], adminCheck: null, iotPassphrase: null }} />,
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
    const p = { interrupted: null, changes: [{ key: 'upnp', message: { code: 'router-api.change.upnp-off', params: { mappings: 2 } }, cutsLink: false, refused: null }], notes: [], networks: [], iotPassphrase: null };
    const html = renderToStaticMarkup(<ApplyResult plan={p} result={{ outcome: 'verified', applied: ['upnp'], skipped: [], rescan: null, basis: [], adminCheck: null, iotPassphrase: null }} />);
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

describe('the passwords and separate-network steps', () => {
  const adminPlan = { interrupted: null, changes: [{ key: 'admin-password', message: { code: 'router-api.change.admin-password', params: {} }, cutsLink: false, refused: null }], notes: [], networks: [], iotPassphrase: null };
  const iotPlan = (saved: boolean) => ({
    interrupted: null,
    changes: [{ key: 'iot-wifi:WLANConfiguration:3', message: { code: 'router-api.change.iot-wifi', params: { ssid: 'Lab Things', to: 'WPA2/WPA3 (transition)' } }, cutsLink: false, refused: null }],
    notes: [],
    networks: [],
    iotPassphrase: { account: 'wifi/Lab Things', saved },
  });

  it('the new admin password: the preview says where it goes and when the old one is set aside, in plain words', () => {
    const html = renderToStaticMarkup(<Preview task="admin" plan={adminPlan} ssid="" />);
    expect(html).toContain('Porchlight makes a new strong password, saves it in your keychain, sets it on the router and logs in with it');
    expect(html).toContain('kept in your keychain as the previous one until you discard it');
    expect(html).toContain('the old one stays in use');
    expect(html).toContain('the router login above shows it when you ask');
    expect(html).not.toMatch(RAW);
  });

  it('the separate network: where its passphrase comes from, and that the check may rest on the router\'s answer only', () => {
    const fresh = renderToStaticMarkup(<Preview task="iot" plan={iotPlan(false)} ssid="Lab Things" />);
    expect(fresh).toContain('makes a new passphrase for &quot;Lab Things&quot; and saves it in your keychain');
    expect(fresh).toContain('a new Wi-Fi scan from this computer must see &quot;Lab Things&quot; secured');
    expect(fresh).toContain('rests on the router&#x27;s own answer only');
    expect(renderToStaticMarkup(<Preview task="iot" plan={iotPlan(true)} ssid="Lab Things" />)).toContain('uses the passphrase saved in your keychain for &quot;Lab Things&quot;');
    expect(fresh).not.toMatch(RAW);
    expect(fresh).not.toContain('wifi/Lab Things');
  });

  it('a router whose guest network cannot be told apart: the manual guide, nothing offered', () => {
    const html = renderToStaticMarkup(<Preview task="iot" plan={{ ...iotPlan(false), changes: [], notes: [{ code: 'router-api.note.no-guest-network', params: {} }] }} ssid="Lab Things" />);
    expect(html).toContain('data-testid="router-auto-manual"');
    expect(html).toContain('so it changes nothing there');
  });

  it('verified: what the proof rested on, the factory-password check measured again, and where the passphrase is', () => {
    const admin = renderToStaticMarkup(
      <ApplyResult
        plan={adminPlan}
        result={{ outcome: 'verified', applied: ['admin-password'], skipped: [], rescan: null, basis: [{ code: 'router-api.proof.new-password-login', params: {} }], adminCheck: { status: 'pass', reason: { code: 'router-api.verdict.admin-not-default', params: { source: 'the FRITZ!Box app interface (TR-064): LANConfigSecurity:1 GetInfo' } } }, iotPassphrase: null }}
      />,
    );
    expect(admin).toContain('logged in to the router with the new administrator password');
    expect(admin).toContain('The factory-password check was measured again from the router&#x27;s own answer');
    expect(admin).toContain('data-status="pass"');
    const iot = renderToStaticMarkup(
      <ApplyResult
        plan={iotPlan(false)}
        result={{ outcome: 'verified', applied: ['iot-wifi:WLANConfiguration:3'], skipped: [], rescan: null, basis: [{ code: 'router-api.rescan.not-in-range', params: { ssid: 'Lab Things' } }], adminCheck: null, iotPassphrase: { account: 'wifi/Lab Things', made: true } }}
      />,
    );
    expect(iot).toContain('Turn on the separate network &quot;Lab Things&quot;');
    expect(iot).toContain('does not see &quot;Lab Things&quot; in a new Wi-Fi scan');
    expect(iot).toContain('Show the saved passphrase');
    expect(iot).not.toContain('The scan found');
    expect(iot).not.toMatch(RAW);
  });

  it('the channel takes no secret: a password or passphrase field in a wish is refused; a name only is accepted', () => {
    const apply = routerChannels['router:apply'].args;
    expect(apply.safeParse({ adminPassword: true, wired: false, yes: true, agreed: ['admin-password'] }).success).toBe(true);
    expect(apply.safeParse({ adminPassword: true, password: 'chosen', wired: false, yes: true, agreed: ['admin-password'] }).success).toBe(false);
    expect(apply.safeParse({ adminPassword: 'chosen', wired: false, yes: true, agreed: ['admin-password'] }).success).toBe(false);
    expect(apply.safeParse({ iotWifi: { ssid: 'Lab Things', passphrase: 'x' }, wired: false, yes: true, agreed: ['iot-wifi:WLANConfiguration:3'] }).success).toBe(false);
    expect(routerChannels['router:plan'].args.safeParse({ iotWifi: { ssid: 'Lab Things' }, wired: false }).success).toBe(true);
    expect(routerChannels['router:plan'].args.safeParse({ iotWifi: { ssid: '' }, wired: false }).success).toBe(false);
    expect(routerChannels['router:plan'].args.safeParse({ iotWifi: { ssid: 'a\u0007b' }, wired: false }).success).toBe(false);
    // A result carrying a field beyond the schema (e.g. a passphrase) fails validation.
    const result = routerChannels['router:apply'].result;
    const ok = { kind: 'ok', value: { outcome: 'verified', applied: ['admin-password'], skipped: [], rescan: null, basis: [], adminCheck: null, iotPassphrase: null } };
    expect(result.safeParse(ok).success).toBe(true);
    expect(result.safeParse({ ...ok, value: { ...ok.value, password: 'x' } }).success).toBe(false);
    expect(result.safeParse({ ...ok, value: { ...ok.value, iotPassphrase: { account: 'wifi/x', made: true, passphrase: 'x' } } }).success).toBe(false);
  });
});
