/**
 * The OpenWrt ubus simulator keeps to rpcd's and uhttpd-mod-ubus's protocol: JSON-RPC framing
 * errors, access denied for unknown/expired sessions and missing ACLs, ubus status codes for uci
 * (per-config rights, staged changes per session, commit/revert), apply with rollback and confirm.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startOpenWrtSimulator, NULL_SESSION, type OpenWrtSimulator } from '../lab/openwrt/simulator.js';

let sim: OpenWrtSimulator;
afterEach(async () => {
  await sim?.stop();
});

async function post(body: unknown): Promise<Record<string, unknown>> {
  const r = await fetch(sim.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return (await r.json()) as Record<string, unknown>;
}
const call = (sid: string, object: string, method: string, args: Record<string, unknown> = {}) => post({ jsonrpc: '2.0', id: 7, method: 'call', params: [sid, object, method, args] });
async function login(username = 'root', password = 'pw', timeout?: number): Promise<string> {
  const r = (await call(NULL_SESSION, 'session', 'login', { username, password, ...(timeout ? { timeout } : {}) })) as { result: [number, { ubus_rpc_session: string }] };
  expect(r.result[0]).toBe(0);
  return r.result[1].ubus_rpc_session;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('OpenWrt ubus simulator', () => {
  it('JSON-RPC framing: parse error, invalid request, unknown method, invalid params', async () => {
    sim = await startOpenWrtSimulator({ rootPassword: 'pw' });
    expect(await post('{nope')).toMatchObject({ id: null, error: { code: -32700 } });
    expect(await post({ id: 1, method: 'call', params: [] })).toMatchObject({ id: 1, error: { code: -32600 } });
    expect(await post({ jsonrpc: '2.0', id: 2, method: 'frob', params: [] })).toMatchObject({ id: 2, error: { code: -32601 } });
    expect(await post({ jsonrpc: '2.0', id: 3, method: 'call', params: [NULL_SESSION, 'uci'] })).toMatchObject({ id: 3, error: { code: -32602 } });
  });

  it('sessions: a wrong password is [6]; the null session may only log in; an unknown or expired session is access denied', async () => {
    sim = await startOpenWrtSimulator({ rootPassword: 'pw' });
    expect(await call(NULL_SESSION, 'session', 'login', { username: 'root', password: 'bad' })).toMatchObject({ result: [6] });
    expect(sim.failedLogins()).toBe(1);
    expect(await call(NULL_SESSION, 'uci', 'get', { config: 'wireless' })).toMatchObject({ error: { code: -32002, message: 'Access denied' } });
    expect(await call('0123456789abcdef0123456789abcdef', 'system', 'board')).toMatchObject({ error: { code: -32002 } });
    const sid = await login('root', 'pw', 1);
    expect(await call(sid, 'system', 'board')).toMatchObject({ result: [0, { release: { distribution: 'OpenWrt', version: '23.05.3' } }] });
    await sleep(1200);
    expect(await call(sid, 'system', 'board')).toMatchObject({ error: { code: -32002 } });
    expect(await call(await login(), 'nosuch', 'thing')).toMatchObject({ error: { code: -32000 } });
  });

  it('a fresh OpenWrt (root without password) accepts any password', async () => {
    sim = await startOpenWrtSimulator({ rootPassword: '' });
    await login('root', '');
    await login('root', 'anything at all');
  });

  it('ACLs: a user without the ubus method gets access denied, without the uci config right gets [6]', async () => {
    sim = await startOpenWrtSimulator({
      rootPassword: 'pw',
      extraUsers: [{ name: 'viewer', password: 'v', ubus: { uci: ['get', 'set', 'changes'], session: ['access'] }, uciRead: ['wireless'], uciWrite: [] }],
    });
    const sid = await login('viewer', 'v');
    expect(await call(sid, 'system', 'board')).toMatchObject({ error: { code: -32002 } });
    expect(await call(sid, 'uci', 'get', { config: 'wireless', section: 'default_radio0', option: 'encryption' })).toMatchObject({ result: [0, { value: 'psk2' }] });
    expect(await call(sid, 'uci', 'get', { config: 'firewall' })).toMatchObject({ result: [6] });
    expect(await call(sid, 'uci', 'set', { config: 'wireless', section: 'default_radio0', values: { encryption: 'none' } })).toMatchObject({ result: [6] });
    expect(await call(sid, 'uci', 'apply', { rollback: true })).toMatchObject({ error: { code: -32002 } });
  });

  it('uci: changes are staged per session until commit; get shows the session its own staged values; status codes for bad input', async () => {
    sim = await startOpenWrtSimulator({ rootPassword: 'pw' });
    const a = await login();
    const b = await login();
    expect(await call(a, 'uci', 'set', { config: 'wireless', section: 'default_radio0', values: { encryption: 'sae', ieee80211w: 2 } })).toEqual({ jsonrpc: '2.0', id: 7, result: [0] });
    expect(await call(a, 'uci', 'get', { config: 'wireless', section: 'default_radio0', option: 'encryption' })).toMatchObject({ result: [0, { value: 'sae' }] });
    expect(await call(b, 'uci', 'get', { config: 'wireless', section: 'default_radio0', option: 'encryption' })).toMatchObject({ result: [0, { value: 'psk2' }] });
    expect(await call(a, 'uci', 'changes', {})).toMatchObject({ result: [0, { changes: { wireless: [['set', 'default_radio0', 'encryption', 'sae'], ['set', 'default_radio0', 'ieee80211w', '2']] } }] });
    expect(await call(a, 'uci', 'get', { config: 'nosuch' })).toMatchObject({ result: [4] });
    expect(await call(a, 'uci', 'get', { config: 'wireless', section: 'nosuch' })).toMatchObject({ result: [4] });
    expect(await call(a, 'uci', 'get', {})).toMatchObject({ result: [2] });
    expect(await call(a, 'uci', 'get', { config: 'wireless', section: '@wifi-iface[1]', option: 'device' })).toMatchObject({ result: [0, { value: 'radio1' }] });
    expect(await call(a, 'uci', 'set', { config: 'wireless', section: 'nosuch', values: { x: '1' } })).toMatchObject({ result: [4] });
    expect(await call(a, 'uci', 'revert', { config: 'wireless' })).toMatchObject({ result: [0] });
    expect(await call(a, 'uci', 'changes', { config: 'wireless' })).toMatchObject({ result: [0, { changes: [] }] });
    await call(a, 'uci', 'set', { config: 'upnpd', section: 'config', values: { enabled: '0' } });
    expect(await call(a, 'uci', 'commit', { config: 'upnpd' })).toMatchObject({ result: [0] });
    expect(sim.option('upnpd', 'config', 'enabled')).toBe('0');
    expect(sim.option('wireless', 'default_radio0', 'encryption')).toBe('psk2');
  });

  it('apply with rollback: committed at once, restored after the timeout unless confirmed; no data when nothing is staged', async () => {
    sim = await startOpenWrtSimulator({ rootPassword: 'pw' });
    const sid = await login();
    expect(await call(sid, 'uci', 'apply', { rollback: true, timeout: 1 })).toMatchObject({ result: [5] });
    expect(await call(sid, 'uci', 'confirm', {})).toMatchObject({ result: [5] });
    await call(sid, 'uci', 'set', { config: 'wireless', section: 'default_radio0', values: { encryption: 'sae-mixed' } });
    expect(await call(sid, 'uci', 'apply', { rollback: true, timeout: 1 })).toMatchObject({ result: [0] });
    expect(sim.option('wireless', 'default_radio0', 'encryption')).toBe('sae-mixed');
    expect(sim.pendingApply()?.configs).toEqual(['wireless']);
    // While it waits: a second rollback apply, a commit, a set are refused.
    expect(await call(sid, 'uci', 'apply', { rollback: true })).toMatchObject({ result: [6] });
    expect(await call(sid, 'uci', 'commit', { config: 'wireless' })).toMatchObject({ result: [6] });
    await sleep(1300);
    expect(sim.pendingApply()).toBeNull();
    expect(sim.option('wireless', 'default_radio0', 'encryption')).toBe('psk2');
    expect(await call(sid, 'uci', 'confirm', {})).toMatchObject({ result: [5] });

    await call(sid, 'uci', 'set', { config: 'wireless', section: 'default_radio0', values: { encryption: 'sae' } });
    await call(sid, 'uci', 'apply', { rollback: true, timeout: 1 });
    expect(await call(sid, 'uci', 'confirm', {})).toMatchObject({ result: [0] });
    await sleep(1300);
    expect(sim.option('wireless', 'default_radio0', 'encryption')).toBe('sae');

    await call(sid, 'uci', 'set', { config: 'wireless', section: 'default_radio0', values: { encryption: 'psk2' } });
    await call(sid, 'uci', 'apply', { rollback: true, timeout: 30 });
    expect(await call(sid, 'uci', 'rollback', {})).toMatchObject({ result: [0] });
    expect(sim.option('wireless', 'default_radio0', 'encryption')).toBe('sae');
  });
});
