/**
 * A protocol-faithful FRITZ!Box TR-064 simulator on loopback, for integration and e2e tests and
 * the lab scripts. HTTP on :49000 (tr64desc.xml, SCPDs, the UPnP IGD without login) and TLS on
 * :49443 with a self-signed certificate made at start (openssl). SOAP 1.1 with HTTP digest
 * (realm "F!Box SOAP-Auth", MD5, qop=auth) and a username; rights per action; UPnP faults
 * 401/402/606/713/820 and the second-factor faults 866 (confirmation needed), 867 (blocked),
 * 868 (busy); a login block after repeated failures (HTTP 503 with Retry-After); a second-factor
 * wait (X_AVM-DE_Auth SetConfig start → token, then `pressButton()` on the simulated box).
 * State lives in memory and is readable for assertions; every call is logged (action, scheme, user).
 * Nothing secret is logged.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import { XMLParser } from 'fast-xml-parser';
import { fritzServices, IGD_WANIP, igddescXml, scpdXml, tr64descXml, type ServiceSpec } from './services.js';

export const FRITZ_LAB_IP = '127.0.0.60';
export const REALM = 'F!Box SOAP-Auth';

export interface SimWlan {
  ssid: string;
  enabled: boolean;
  /** TR-064 beacon type: none, Basic, WPA, 11i, WPAand11i, WPA3, 11iandWPA3, OWE, OWETrans. */
  beaconType: string;
  possibleBeaconTypes: string;
  passphrase: string;
  apType: 'normal' | 'guest';
  isolation: boolean;
  wpsEnabled: boolean;
}

export interface SimUser {
  name: string;
  password: string;
  rights: ('read' | 'config')[];
}

export interface FritzState {
  model: string;
  firmware: string;
  updateAvailable: boolean;
  autoUpdateMode: 'off' | 'check' | 'important' | 'all';
  remoteAccess: boolean;
  upnp: boolean;
  portMappings: { protocol: 'TCP' | 'UDP'; externalPort: number; internalClient: string; internalPort: number; description: string; enabled: boolean }[];
  /** null: this FRITZ!OS does not report the flag (older than the field). */
  defaultPasswordActive: boolean | null;
  wlans: SimWlan[];
  users: SimUser[];
  secondFactorEnabled: boolean;
  /** Failed logins before the box blocks; the block lasts `blockSeconds`. */
  failuresBeforeBlock: number;
  blockSeconds: number;
  /**
   * A fault for failure tests: SetConfigPassword answers OK but the app user's password stays as it
   * was (as when the box changes another password than the one of the user Porchlight logs in as),
   * so a login with the new password is refused. One-shot: cleared after use.
   */
  ignoreNextSetConfigPassword?: boolean;
}

export interface SimCall {
  service: string;
  action: string;
  tls: boolean;
  user: string | null;
  outcome: 'ok' | 'auth-required' | 'auth-failed' | 'blocked' | number;
}

export interface FritzSimulator {
  ip: string;
  httpPort: number;
  tlsPort: number;
  state: FritzState;
  calls: SimCall[];
  failedLogins(): number;
  /** SHA-256 fingerprint of the current certificate, `AA:BB:…` as node prints it. */
  fingerprint(): string;
  /** Replaces the certificate (as after a factory reset or a man in the middle). */
  rotateCertificate(): Promise<void>;
  /** The owner presses the button on the box: a pending second-factor request becomes authenticated. */
  pressButton(): void;
  /** Makes the next `n` calls of an action fail with a fault (for rollback tests). */
  failNext(action: string, fault: number, n?: number): void;
  stop(): Promise<void>;
}

export function defaultFritzState(): FritzState {
  return {
    model: 'FRITZ!Box 7590',
    firmware: '154.07.57',
    updateAvailable: true,
    autoUpdateMode: 'check',
    remoteAccess: true,
    upnp: true,
    portMappings: [
      { protocol: 'TCP', externalPort: 8080, internalClient: '192.168.178.41', internalPort: 80, description: 'Camera web', enabled: true },
      { protocol: 'UDP', externalPort: 3478, internalClient: '192.168.178.44', internalPort: 3478, description: 'Console STUN', enabled: true },
    ],
    defaultPasswordActive: false,
    wlans: [
      { ssid: 'Lab Home', enabled: true, beaconType: '11i', possibleBeaconTypes: 'None,11i,11iandWPA3,WPA3', passphrase: 'correct horse lab staple', apType: 'normal', isolation: false, wpsEnabled: true },
      { ssid: 'Lab Home', enabled: true, beaconType: '11i', possibleBeaconTypes: 'None,11i,11iandWPA3,WPA3', passphrase: 'correct horse lab staple', apType: 'normal', isolation: false, wpsEnabled: true },
      { ssid: 'Lab Guest', enabled: false, beaconType: '11i', possibleBeaconTypes: 'None,11i,11iandWPA3,WPA3', passphrase: 'guest lab passphrase 1', apType: 'guest', isolation: false, wpsEnabled: false },
    ],
    users: [{ name: 'porchlight', password: 'lab-admin-Pa55', rights: ['read', 'config'] }],
    secondFactorEnabled: false,
    failuresBeforeBlock: 3,
    blockSeconds: 30,
  };
}

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, trimValues: true });
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const b = (v: boolean) => (v ? '1' : '0');

function makeCertificate(dir: string): { key: Buffer; cert: Buffer; fingerprint: string } {
  const key = join(dir, `key-${randomBytes(4).toString('hex')}.pem`);
  const cert = `${key}.crt`;
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=fritz.box', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const c = readFileSync(cert);
  return { key: readFileSync(key), cert: c, fingerprint: new X509Certificate(c).fingerprint256 };
}

function soapEnvelope(inner: string): string {
  return `<?xml version="1.0"?>\n<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">\n<s:Body>\n${inner}\n</s:Body>\n</s:Envelope>\n`;
}

const FAULT_TEXT: Record<number, string> = {
  401: 'Invalid Action', 402: 'Invalid Args', 501: 'Action Failed', 606: 'Action not authorized', 713: 'SpecifiedArrayIndexInvalid',
  714: 'NoSuchEntryInArray', 820: 'Internal Error', 866: 'second factor authentication required', 867: 'second factor authentication blocked', 868: 'second factor authentication busy',
};

function fault(code: number): string {
  return soapEnvelope(`<s:Fault>\n<faultcode>s:Client</faultcode>\n<faultstring>UPnPError</faultstring>\n<detail>\n<UPnPError xmlns="urn:dslforum-org:control-1-0">\n<errorCode>${code}</errorCode>\n<errorDescription>${FAULT_TEXT[code] ?? 'Error'}</errorDescription>\n</UPnPError>\n</detail>\n</s:Fault>`);
}

function parseDigest(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of header.replace(/^Digest\s+/i, '').matchAll(/([a-z0-9-]+)=("((?:[^"\\]|\\.)*)"|[^,\s]*)/gi)) out[m[1]!.toLowerCase()] = m[3] !== undefined ? m[3].replace(/\\(.)/g, '$1') : m[2]!;
  return out;
}

/** Starts the simulator on `ip` (default 127.0.0.60) with the given state (default: a WPA2 home, remote access and UPnP on). */
export async function startFritzSimulator(opts: { ip?: string; httpPort?: number; tlsPort?: number; state?: Partial<FritzState> } = {}): Promise<FritzSimulator> {
  const ip = opts.ip ?? FRITZ_LAB_IP;
  const httpPort = opts.httpPort ?? 49000;
  const tlsPort = opts.tlsPort ?? 49443;
  const state: FritzState = { ...defaultFritzState(), ...opts.state };
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-fritz-'));
  let tls = makeCertificate(dir);
  const calls: SimCall[] = [];
  const nonces = new Set<string>();
  let failures = 0;
  let blockedUntil = 0;
  let auth: { token: string; state: 'waiting' | 'authenticated' } | null = null;
  const failQueue = new Map<string, { fault: number; n: number }>();
  const services = (): ServiceSpec[] => fritzServices(state.wlans.length);

  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/xml; charset="utf-8"', Server: 'FRITZ!Box 7590 UPnP/1.0 AVM FRITZ!Box 7590 154.07.57', ...headers }).end(body);
  };
  const challenge = (stale = false) => {
    const nonce = randomBytes(8).toString('hex').toUpperCase();
    nonces.add(nonce);
    return `Digest realm="${REALM}", nonce="${nonce}", algorithm=MD5, qop="auth"${stale ? ', stale=TRUE' : ''}`;
  };

  /** Checks the Authorization header: the user, or 'none' (no header), or 'bad'. */
  const authenticate = (req: IncomingMessage): SimUser | 'none' | 'bad' => {
    const h = req.headers.authorization;
    if (!h || !/^Digest /i.test(h)) return 'none';
    const p = parseDigest(h);
    const user = state.users.find((u) => u.name === p.username);
    if (!p.nonce || !nonces.has(p.nonce) || p.realm !== REALM) return 'none';
    if (!user) return 'bad';
    const H = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');
    const ha1 = H(`${user.name}:${REALM}:${user.password}`);
    const ha2 = H(`${req.method}:${p.uri}`);
    const expected = p.qop ? H(`${ha1}:${p.nonce}:${p.nc}:${p.cnonce}:${p.qop}:${ha2}`) : H(`${ha1}:${p.nonce}:${ha2}`);
    return expected === p.response ? user : 'bad';
  };

  const handle = (isTls: boolean) => (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (req.method === 'GET') {
        if (path === '/tr64desc.xml') return send(res, 200, tr64descXml(services(), state.model, state.firmware));
        if (path === '/igddesc.xml') return state.upnp ? send(res, 200, igddescXml(state.model)) : send(res, 404, 'not found');
        if (path === IGD_WANIP.scpd) return send(res, 200, scpdXml(IGD_WANIP));
        const svc = services().find((s) => s.scpd === path);
        if (svc) return send(res, 200, scpdXml(svc));
        return send(res, 404, 'not found');
      }
      if (req.method !== 'POST') return send(res, 405, 'method not allowed');
      const body = Buffer.concat(chunks).toString('utf8');
      const soapAction = String(req.headers.soapaction ?? '').replace(/"/g, '');
      const [serviceType, actionName] = soapAction.split('#');
      const isIgd = path === IGD_WANIP.control;
      const svc = isIgd ? IGD_WANIP : services().find((s) => s.control === path && s.type === serviceType);
      if (!svc || !actionName) return send(res, 500, fault(401));
      const spec = svc.actions[actionName];
      const log = (user: string | null, outcome: SimCall['outcome']) => calls.push({ service: svc.type.replace(/^urn:[^:]+:service:/, ''), action: actionName, tls: isTls, user, outcome });
      if (!spec) {
        log(null, 401);
        return send(res, 500, fault(401));
      }
      if (isIgd && !state.upnp) return send(res, 404, 'not found');
      let user: SimUser | null = null;
      if (spec.right !== 'public') {
        if (Date.now() < blockedUntil) {
          log(null, 'blocked');
          return send(res, 503, '<html><body>Login blocked</body></html>', { 'Retry-After': String(Math.ceil((blockedUntil - Date.now()) / 1000)), 'Content-Type': 'text/html' });
        }
        const who = authenticate(req);
        if (who === 'none') {
          log(null, 'auth-required');
          return send(res, 401, '<html><body>401 Unauthorized</body></html>', { 'WWW-Authenticate': challenge(), 'Content-Type': 'text/html' });
        }
        if (who === 'bad') {
          failures++;
          log(null, 'auth-failed');
          if (failures >= state.failuresBeforeBlock) blockedUntil = Date.now() + state.blockSeconds * 1000;
          return send(res, 401, '<html><body>401 Unauthorized</body></html>', { 'WWW-Authenticate': challenge(), 'Content-Type': 'text/html' });
        }
        failures = 0;
        user = who;
        if (spec.right === 'config' && !user.rights.includes('config')) {
          log(user.name, 606);
          return send(res, 500, fault(606));
        }
      }
      let args: Record<string, string> = {};
      let token: string | null = null;
      try {
        const doc = parser.parse(body) as { Envelope?: { Header?: Record<string, unknown>; Body?: Record<string, unknown> } };
        const inner = doc.Envelope?.Body?.[actionName];
        args = inner && typeof inner === 'object' ? Object.fromEntries(Object.entries(inner).map(([k, v]) => [k, String(v ?? '')])) : {};
        const t = doc.Envelope?.Header?.token;
        token = typeof t === 'string' ? t : null;
      } catch {
        log(user?.name ?? null, 402);
        return send(res, 500, fault(402));
      }
      for (const name of spec.in) {
        if (!(name in args) && !(actionName === 'SetSecurityKeys' && name !== 'NewKeyPassphrase')) {
          log(user?.name ?? null, 402);
          return send(res, 500, fault(402));
        }
      }
      const queued = failQueue.get(actionName);
      if (queued && queued.n > 0) {
        queued.n--;
        log(user?.name ?? null, queued.fault);
        return send(res, 500, fault(queued.fault));
      }
      if (spec.secondFactor && state.secondFactorEnabled) {
        if (!auth || token !== auth.token) {
          log(user?.name ?? null, 866);
          return send(res, 500, fault(866));
        }
        if (auth.state !== 'authenticated') {
          log(user?.name ?? null, 868);
          return send(res, 500, fault(868));
        }
      }
      const out = run(svc, actionName, args);
      if (typeof out === 'number') {
        log(user?.name ?? null, out);
        return send(res, 500, fault(out));
      }
      if (spec.secondFactor && state.secondFactorEnabled) auth = null; // a token is good for one action
      log(user?.name ?? null, 'ok');
      const outXml = Object.entries(out).map(([k, v]) => `<${k}>${esc(v)}</${k}>`).join('\n');
      return send(res, 200, soapEnvelope(`<u:${actionName}Response xmlns:u="${svc.type}">\n${outXml}\n</u:${actionName}Response>`));
    });
  };

  /** Runs one action on the state: its out-arguments, or a UPnP fault code. */
  const run = (svc: ServiceSpec, action: string, a: Record<string, string>): Record<string, string> | number => {
    const wlanIndex = /WLANConfiguration:(\d+)$/.exec(svc.type);
    if (wlanIndex) {
      const w = state.wlans[Number(wlanIndex[1]) - 1]!;
      switch (action) {
        case 'GetInfo':
          return {
            NewEnable: b(w.enabled), NewStatus: w.enabled ? 'Up' : 'Disabled', NewMaxBitRate: 'Auto', NewChannel: '6', NewSSID: w.ssid, NewBeaconType: w.beaconType,
            'NewX_AVM-DE_PossibleBeaconTypes': w.possibleBeaconTypes, NewMACAddressControlEnabled: '0', NewStandard: 'ax', NewBSSID: '2C:91:AB:00:00:0' + wlanIndex[1],
            NewBasicEncryptionModes: 'None', NewBasicAuthenticationMode: 'None', NewMaxCharsSSID: '32', NewMinCharsSSID: '1', NewAllowedCharsSSID: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
            NewMinCharsPSK: '8', NewMaxCharsPSK: '63', NewAllowedCharsPSK: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
          };
        case 'GetBeaconType':
          return { NewBeaconType: w.beaconType, 'NewX_AVM-DE_PossibleBeaconTypes': w.possibleBeaconTypes };
        case 'SetBeaconType':
          if (!w.possibleBeaconTypes.split(',').includes(a.NewBeaconType!)) return 402;
          w.beaconType = a.NewBeaconType!;
          return {};
        case 'SetEnable':
          w.enabled = a.NewEnable === '1';
          return {};
        case 'GetSSID':
          return { NewSSID: w.ssid };
        case 'SetSSID':
          if (!a.NewSSID || a.NewSSID.length > 32) return 402;
          w.ssid = a.NewSSID;
          return {};
        case 'GetSecurityKeys':
          return { NewWEPKey0: '', NewWEPKey1: '', NewWEPKey2: '', NewWEPKey3: '', NewPreSharedKey: '', NewKeyPassphrase: w.passphrase };
        case 'SetSecurityKeys': {
          const p = a.NewKeyPassphrase ?? '';
          if (p.length < 8 || p.length > 63) return 402;
          w.passphrase = p;
          return {};
        }
        case 'X_AVM-DE_GetWLANExtInfo':
          return {
            'NewX_AVM-DE_APEnabled': b(w.enabled), 'NewX_AVM-DE_APType': w.apType, 'NewX_AVM-DE_TimeoutActive': '0', 'NewX_AVM-DE_Timeout': '0', 'NewX_AVM-DE_TimeRemain': '0',
            'NewX_AVM-DE_NoForcedOff': '0', 'NewX_AVM-DE_UserIsolation': b(w.isolation), 'NewX_AVM-DE_EncryptionMode': w.beaconType, 'NewX_AVM-DE_LastChangedStamp': '0',
          };
        case 'X_AVM-DE_GetWPSInfo':
          return { 'NewX_AVM-DE_WPSMode': w.wpsEnabled ? 'pbc' : 'stop', 'NewX_AVM-DE_WPSStatus': w.wpsEnabled ? 'inactive' : 'off' };
        case 'X_AVM-DE_SetWPSEnable':
          w.wpsEnabled = a['NewX_AVM-DE_WPSEnable'] === '1';
          return {};
      }
      return 401;
    }
    const key = `${svc.type.replace(/^urn:[^:]+:service:/, '')}#${action}`;
    switch (key) {
      case 'DeviceInfo:1#GetInfo':
        return { NewManufacturerName: 'AVM', NewManufacturerOUI: '00040E', NewModelName: state.model, NewDescription: `${state.model} 154.07.57`, NewProductClass: 'AVMFB', NewSerialNumber: '2C91AB000000', NewSoftwareVersion: state.firmware, NewHardwareVersion: state.model, NewSpecVersion: '1.0', NewProvisioningCode: '', NewUpTime: '86400', NewDeviceLog: '' };
      case 'DeviceInfo:1#GetSecurityPort':
        return { NewSecurityPort: String(tlsPort) };
      case 'DeviceConfig:1#ConfigurationStarted':
        return {};
      case 'DeviceConfig:1#ConfigurationFinished':
        return { NewStatus: 'no-reboot' };
      case 'LANConfigSecurity:1#GetInfo': {
        const out: Record<string, string> = { NewMaxCharsPassword: '32', NewMinCharsPassword: '0', NewAllowedCharsPassword: ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~' };
        if (state.defaultPasswordActive !== null) out['NewX_AVM-DE_IsDefaultPasswordActive'] = b(state.defaultPasswordActive);
        return out;
      }
      case 'LANConfigSecurity:1#X_AVM-DE_GetCurrentUser':
        return { 'NewX_AVM-DE_CurrentUsername': state.users[0]!.name, 'NewX_AVM-DE_CurrentUserRights': '<rights><path>BoxAdmin</path><access>readwrite</access></rights>' };
      case 'LANConfigSecurity:1#SetConfigPassword': {
        const p = a.NewPassword ?? '';
        if (p.length < 1 || p.length > 32) return 402;
        // The password of the app user Porchlight logs in with (FRITZ!OS ≥ 7.24 has one per user).
        if (state.ignoreNextSetConfigPassword) {
          state.ignoreNextSetConfigPassword = false;
          return {};
        }
        state.users[0]!.password = p;
        state.defaultPasswordActive = false;
        return {};
      }
      case 'UserInterface:1#GetInfo':
        return { NewUpgradeAvailable: b(state.updateAvailable), NewPasswordRequired: '1', NewPasswordUserSelectable: '1', NewWarrantyDate: '0001-01-01T00:00:00', 'NewX_AVM-DE_Version': state.updateAvailable ? '154.08.00' : '', 'NewX_AVM-DE_DownloadURL': '', 'NewX_AVM-DE_InfoURL': '', 'NewX_AVM-DE_UpdateState': 'Stopped', 'NewX_AVM-DE_LaborVersion': '' };
      case 'UserInterface:1#X_AVM-DE_GetInfo':
        return { 'NewX_AVM-DE_AutoUpdateMode': state.autoUpdateMode, 'NewX_AVM-DE_UpdateTime': '', 'NewX_AVM-DE_LastFwVersion': '154.07.50', 'NewX_AVM-DE_LastInfoUrl': '', 'NewX_AVM-DE_CurrentFwVersion': state.firmware, 'NewX_AVM-DE_UpdateSuccessful': 'succeeded' };
      case 'UserInterface:1#X_AVM-DE_SetConfig': {
        const m = a['NewX_AVM-DE_AutoUpdateMode'];
        if (m !== 'off' && m !== 'check' && m !== 'important' && m !== 'all') return 402;
        state.autoUpdateMode = m;
        return {};
      }
      case 'X_AVM-DE_UPnP:1#GetInfo':
        return { NewEnable: b(state.upnp), NewUPnPMediaServer: '0' };
      case 'X_AVM-DE_UPnP:1#SetConfig':
        state.upnp = a.NewEnable === '1';
        return {};
      case 'X_AVM-DE_RemoteAccess:1#GetInfo':
        return { NewEnabled: b(state.remoteAccess), NewPort: state.remoteAccess ? '44321' : '', NewUsername: state.users[0]!.name };
      case 'X_AVM-DE_RemoteAccess:1#SetEnable':
        state.remoteAccess = a.NewEnabled === '1';
        return { NewPort: state.remoteAccess ? '44321' : '' };
      case 'X_AVM-DE_Auth:1#GetInfo':
        return { NewEnabled: b(state.secondFactorEnabled) };
      case 'X_AVM-DE_Auth:1#GetState':
        return { NewState: auth ? (auth.state === 'authenticated' ? 'authenticated' : 'waitingforauth') : 'stopped' };
      case 'X_AVM-DE_Auth:1#SetConfig':
        if (a.NewAction === 'start') {
          if (auth && auth.state === 'waiting') return 868;
          auth = { token: randomBytes(8).toString('hex'), state: 'waiting' };
          return { NewState: 'waitingforauth', NewToken: auth.token, NewMethods: 'button' };
        }
        if (a.NewAction === 'stop') {
          auth = null;
          return { NewState: 'stopped', NewToken: '', NewMethods: '' };
        }
        return 402;
      case 'WANIPConnection:1#GetGenericPortMappingEntry': {
        const i = Number(a.NewPortMappingIndex);
        const m = Number.isInteger(i) ? state.portMappings[i] : undefined;
        if (!m) return 713;
        return { NewRemoteHost: '', NewExternalPort: String(m.externalPort), NewProtocol: m.protocol, NewInternalPort: String(m.internalPort), NewInternalClient: m.internalClient, NewEnabled: b(m.enabled), NewPortMappingDescription: m.description, NewLeaseDuration: '0' };
      }
      case 'WANIPConnection:1#GetExternalIPAddress':
        return { NewExternalIPAddress: '203.0.113.7' };
    }
    return 401;
  };

  const sockets = new Set<Socket>();
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  };
  const http: Server = createHttpServer(handle(false));
  http.on('connection', track);
  let https: HttpsServer = createHttpsServer({ key: tls.key, cert: tls.cert }, handle(true));
  https.on('connection', track);
  const listen = (srv: Server | HttpsServer, port: number) =>
    new Promise<void>((resolve, reject) => {
      srv.once('error', reject);
      srv.listen(port, ip, () => {
        srv.off('error', reject);
        resolve();
      });
    });
  const close = (srv: Server | HttpsServer) => new Promise<void>((resolve) => srv.close(() => resolve()));
  await listen(http, httpPort);
  await listen(https, tlsPort);

  return {
    ip,
    httpPort,
    tlsPort,
    state,
    calls,
    failedLogins: () => failures,
    fingerprint: () => tls.fingerprint,
    async rotateCertificate() {
      tls = makeCertificate(dir);
      for (const s of sockets) s.destroy();
      await close(https);
      https = createHttpsServer({ key: tls.key, cert: tls.cert }, handle(true));
      https.on('connection', track);
      await listen(https, tlsPort);
    },
    pressButton() {
      if (auth) auth.state = 'authenticated';
    },
    failNext(action, code, n = 1) {
      failQueue.set(action, { fault: code, n });
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await Promise.all([close(http), close(https)]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
