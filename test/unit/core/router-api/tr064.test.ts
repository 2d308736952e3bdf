import { describe, expect, it } from 'vitest';
import { encryptionOfBeacon, LoginGuard, RouterError } from '../../../../main/core/router-api/index.js';
import { readSoapAnswer, serviceControls, soapRequest } from '../../../../main/core/router-api/soap.js';

describe('TR-064 SOAP', () => {
  it('reads a real FRITZ!Box UPnPError fault (captured in openhab/openhab1-addons#5749)', () => {
    // Body as a FRITZ!Box sent it, from the log quoted in https://github.com/openhab/openhab1-addons/issues/5749
    // (a short protocol message, quoted for interoperability): SpecifiedArrayIndexInvalid for a call-deflection index.
    const body = `<?xml version="1.0"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">
<s:Body>
<s:Fault>
<faultcode>s:Client</faultcode>
<faultstring>UPnPError</faultstring>
<detail>
<UPnPError xmlns="urn:dslforum-org:control-1-0">
<errorCode>713</errorCode>
<errorDescription>SpecifiedArrayIndexInvalid</errorDescription>
</UPnPError>
</detail>
</s:Fault>
</s:Body>
</s:Envelope>`;
    expect(readSoapAnswer(body, 'GetDeflection')).toEqual({ kind: 'fault', code: 713, description: 'SpecifiedArrayIndexInvalid' });
  });

  it('reads out-arguments, and calls garbage unreadable instead of throwing', () => {
    const ok = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><u:GetInfoResponse xmlns:u="urn:dslforum-org:service:X_AVM-DE_RemoteAccess:1"><NewEnabled>0</NewEnabled><NewPort></NewPort></u:GetInfoResponse></s:Body></s:Envelope>';
    expect(readSoapAnswer(ok, 'GetInfo')).toEqual({ kind: 'ok', out: { NewEnabled: '0', NewPort: '' } });
    expect(readSoapAnswer('<html>login</html>', 'GetInfo').kind).toBe('unreadable');
    expect(readSoapAnswer('<<<', 'GetInfo').kind).toBe('unreadable');
  });

  it('escapes arguments so a passphrase with markup stays one value', () => {
    const xml = soapRequest('urn:dslforum-org:service:WLANConfiguration:1', 'SetSecurityKeys', { NewKeyPassphrase: 'a<b>&"c' });
    expect(xml).toContain('<NewKeyPassphrase>a&lt;b&gt;&amp;&quot;c</NewKeyPassphrase>');
    expect(readSoapAnswer(xml.replace('SetSecurityKeys xmlns', 'SetSecurityKeysResponse xmlns').replace('</u:SetSecurityKeys>', '</u:SetSecurityKeysResponse>'), 'SetSecurityKeys')).toMatchObject({ out: { NewKeyPassphrase: 'a<b>&"c' } });
  });

  it('finds control URLs through nested devices (IGD WANDevice/WANConnectionDevice)', () => {
    const d = serviceControls('<root><device><deviceList><device><deviceList><device><serviceList><service><serviceType>urn:schemas-upnp-org:service:WANPPPConnection:1</serviceType><controlURL>/igdupnp/control/WANPPPConn1</controlURL></service></serviceList></device></deviceList></device></deviceList></device></root>');
    expect(d.ok && d.controls.get('urn:schemas-upnp-org:service:WANPPPConnection:1')).toBe('/igdupnp/control/WANPPPConn1');
  });

  it('maps every beacon type AVM documents (none, Basic, WPA, 11i, WPAand11i, WPA3, 11iandWPA3, OWE, OWETrans)', () => {
    expect(['None', 'Basic', 'WPA', '11i', 'WPAand11i', 'WPA3', '11iandWPA3', 'OWE', 'OWETrans'].map(encryptionOfBeacon)).toEqual(['open', 'wep', 'wpa', 'wpa2', 'wpa', 'wpa3', 'wpa2-wpa3', 'other', 'other']);
  });
});

describe('LoginGuard: one login budget per host, shared with the factory-password probes', () => {
  it('takes from the ledger, and after a failure refuses without asking the ledger again', () => {
    const taken: string[] = [];
    const guard = new LoginGuard({ take: (h) => (taken.push(h), true) });
    guard.take('192.168.178.1');
    guard.fail('192.168.178.1');
    expect(() => guard.take('192.168.178.1')).toThrow(RouterError);
    expect(taken).toEqual(['192.168.178.1']);
    guard.take('192.168.178.2');
  });

  it('a spent ledger is a refusal in plain words, not a login', () => {
    const guard = new LoginGuard({ take: () => false });
    try {
      guard.take('10.0.0.1');
      expect.unreachable();
    } catch (e) {
      expect((e as RouterError).detail.code).toBe('router-api.error.no-attempts-left');
    }
  });
});
