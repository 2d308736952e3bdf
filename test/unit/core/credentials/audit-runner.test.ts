import { describe, expect, it } from 'vitest';
import { defaultPasswordsRunner } from '../../../../main/core/credentials/audit-runner.js';
import { CredentialService } from '../../../../main/core/credentials/credential-service.js';
import { resourcesDir } from '../../../../main/compose.js';
import { MemoryLogger } from '../../../support/fakes.js';
import { basicServer, ScriptedHttp } from './fake-http.js';

const service = (http: ScriptedHttp) =>
  new CredentialService({ resourcesDir: resourcesDir(), http, log: new MemoryLogger(), settings: { delayMs: 0, requestTimeoutMs: 500 } } as unknown as ConstructorParameters<typeof CredentialService>[0]);

describe('default-passwords audit runner', () => {
  it('sends nothing without a gateway', async () => {
    const http = new ScriptedHttp(() => ({ status: 200 }));
    const out = await defaultPasswordsRunner(service(http)).run({ interface: null, gateway: null }, new AbortController().signal);
    expect(out.results['router.admin-default']).toMatchObject({ status: 'unknown' });
    expect(http.requests).toHaveLength(0);
  });

  it('fails on an accepted default, passes on refused ones', async () => {
    const open = new ScriptedHttp(basicServer('admin', 'password'));
    const bad = await defaultPasswordsRunner(service(open), () => 'NETGEAR').run({ interface: null, gateway: '192.168.1.1' }, new AbortController().signal);
    expect(bad.results['router.admin-default']).toMatchObject({ status: 'fail' });
    const changed = new ScriptedHttp(basicServer('admin', 'Zq8-unique'));
    const good = await defaultPasswordsRunner(service(changed), () => 'Acme Unknown').run({ interface: null, gateway: '192.168.1.1' }, new AbortController().signal);
    expect(good.results['router.admin-default']).toMatchObject({ status: 'pass' });
    expect(changed.credentialRequests()).toHaveLength(5);
  });
});
