/**
 * The ubus client on answers shaped like real OpenWrt routers': the `session login` reply as a
 * LuCI-era rpcd returns it (timeout 300, expires 299, acls with access-group and cgi-io entries;
 * shape of the capture in https://blog.csdn.net/u010687717/article/details/126285114), ubus status
 * codes in `result[0]`, uhttpd's JSON-RPC errors (-32002 access denied).
 */
import { describe, expect, it } from 'vitest';
import type { HttpAnswer, HttpFetcher } from '../../../../../main/core/ports.js';
import { UbusCallError, UbusClient } from '../../../../../main/core/router-api/openwrt/ubus-client.js';
import { RouterError } from '../../../../../main/core/router-api/port.js';

type Step = Partial<HttpAnswer> | Error;

function fetcher(steps: Step[]): HttpFetcher & { bodies: string[] } {
  const bodies: string[] = [];
  return {
    bodies,
    request: (_url, opts) => {
      bodies.push(opts.body ?? '');
      const s = steps.shift();
      if (!s) return Promise.reject(new Error('no more answers'));
      if (s instanceof Error) return Promise.reject(s);
      return Promise.resolve({ status: 200, headers: {}, body: '', truncated: false, ...s });
    },
    connects: () => Promise.resolve(false),
  };
}

const rpc = (result: unknown) => ({ body: JSON.stringify({ jsonrpc: '2.0', id: 1, result }) });
const LOGIN_REPLY = rpc([
  0,
  {
    ubus_rpc_session: '6070027992e9d1edde31486c15af68e5',
    timeout: 300,
    expires: 299,
    acls: { 'access-group': { 'luci-base': ['read', 'write'], unauthenticated: ['read'] }, 'cgi-io': { backup: ['read'] }, ubus: { '*': ['*'] }, uci: { '*': ['read', 'write'] } },
    data: { username: 'root' },
  },
]);

describe('UbusClient', () => {
  it('logs in with the null session and then calls with the session id it got', async () => {
    const http = fetcher([LOGIN_REPLY, rpc([0, { value: 'psk2' }])]);
    const c = new UbusClient({ http, url: 'http://192.168.1.1/ubus' });
    await c.login('root', 'pw');
    const r = await c.call('uci', 'get', { config: 'wireless', section: 'default_radio0', option: 'encryption' });
    expect(r).toEqual({ status: 0, data: { value: 'psk2' } });
    const [login, call] = http.bodies.map((b) => JSON.parse(b) as { method: string; params: unknown[] });
    expect(login!.method).toBe('call');
    expect(login!.params.slice(0, 3)).toEqual(['00000000000000000000000000000000', 'session', 'login']);
    expect(call!.params.slice(0, 3)).toEqual(['6070027992e9d1edde31486c15af68e5', 'uci', 'get']);
  });

  it('a refused login ([6]) is auth-failed, and a second login makes no request', async () => {
    const http = fetcher([rpc([6])]);
    const c = new UbusClient({ http, url: 'http://192.168.1.1/ubus' });
    const err = await c.login('root', 'wrong').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RouterError);
    expect((err as RouterError).kind).toBe('auth-failed');
    expect((err as RouterError).message).not.toContain('wrong');
    await expect(c.login('root', 'wrong')).rejects.toBe(err);
    expect(http.bodies).toHaveLength(1);
  });

  it('a JSON-RPC access-denied error and a non-zero ubus status become UbusCallError', async () => {
    const http = fetcher([LOGIN_REPLY, { body: JSON.stringify({ jsonrpc: '2.0', id: 2, error: { code: -32002, message: 'Access denied' } }) }, rpc([6]), rpc([4])]);
    const c = new UbusClient({ http, url: 'http://192.168.1.1/ubus' });
    await c.login('root', 'pw');
    const denied = (await c.call('system', 'board').catch((e: unknown) => e)) as UbusCallError;
    expect(denied).toBeInstanceOf(UbusCallError);
    expect([denied.code, denied.accessDenied]).toEqual([-32002, true]);
    const uciDenied = (await c.call('uci', 'get', { config: 'rpcd' }).catch((e: unknown) => e)) as UbusCallError;
    expect([uciDenied.code, uciDenied.accessDenied]).toEqual([6, true]);
    // A status the caller accepts is returned, not thrown.
    expect(await c.call('uci', 'get', { config: 'upnpd' }, [0, 4])).toEqual({ status: 4, data: null });
  });

  it('no answer, no /ubus, or an answer that is not rpcd JSON-RPC: a clear router error', async () => {
    const url = 'http://192.168.1.1/ubus';
    expect(((await new UbusClient({ http: fetcher([new Error('ECONNREFUSED')]), url }).login('root', 'x').catch((e: unknown) => e)) as RouterError).kind).toBe('unreachable');
    expect(((await new UbusClient({ http: fetcher([{ status: 404, body: 'Not Found' }]), url }).login('root', 'x').catch((e: unknown) => e)) as RouterError).detail.code).toBe('openwrt.no-ubus');
    expect(((await new UbusClient({ http: fetcher([{ body: '<html>LuCI</html>' }]), url }).login('root', 'x').catch((e: unknown) => e)) as RouterError).kind).toBe('unsupported');
    expect(((await new UbusClient({ http: fetcher([rpc([0, { ubus_rpc_session: 'not-hex' }])]), url }).login('root', 'x').catch((e: unknown) => e)) as RouterError).kind).toBe('unsupported');
  });
});
