/**
 * The TR-064 services the FRITZ!Box simulator speaks: service types, control/SCPD URLs, and each
 * action's argument names as a current FRITZ!OS lists them in its SCPD documents (names checked
 * against public listings of a FRITZ!Box 7590's tr64desc/SCPD; see README.md). Only the actions
 * Porchlight uses are listed; the simulator answers any other with UPnP fault 401 (Invalid Action).
 */

/** What an action needs: `public` = no login, `read` = any app user, `config` = a user with the "FRITZ!Box settings" right. */
export type Right = 'public' | 'read' | 'config';

export interface ActionSpec {
  in: string[];
  out: string[];
  right: Right;
  /** Needs a confirmation on the box (button/phone) when two-factor confirmation is on. */
  secondFactor?: boolean;
}

export interface ServiceSpec {
  type: string;
  id: string;
  control: string;
  scpd: string;
  actions: Record<string, ActionSpec>;
}

const wlanActions = (): Record<string, ActionSpec> => ({
  GetInfo: {
    in: [],
    out: ['NewEnable', 'NewStatus', 'NewMaxBitRate', 'NewChannel', 'NewSSID', 'NewBeaconType', 'NewX_AVM-DE_PossibleBeaconTypes', 'NewMACAddressControlEnabled', 'NewStandard', 'NewBSSID', 'NewBasicEncryptionModes', 'NewBasicAuthenticationMode', 'NewMaxCharsSSID', 'NewMinCharsSSID', 'NewAllowedCharsSSID', 'NewMinCharsPSK', 'NewMaxCharsPSK', 'NewAllowedCharsPSK'],
    right: 'read',
  },
  SetEnable: { in: ['NewEnable'], out: [], right: 'config' },
  GetBeaconType: { in: [], out: ['NewBeaconType', 'NewX_AVM-DE_PossibleBeaconTypes'], right: 'read' },
  SetBeaconType: { in: ['NewBeaconType'], out: [], right: 'config' },
  GetSSID: { in: [], out: ['NewSSID'], right: 'read' },
  SetSSID: { in: ['NewSSID'], out: [], right: 'config' },
  GetSecurityKeys: { in: [], out: ['NewWEPKey0', 'NewWEPKey1', 'NewWEPKey2', 'NewWEPKey3', 'NewPreSharedKey', 'NewKeyPassphrase'], right: 'config' },
  SetSecurityKeys: { in: ['NewWEPKey0', 'NewWEPKey1', 'NewWEPKey2', 'NewWEPKey3', 'NewPreSharedKey', 'NewKeyPassphrase'], out: [], right: 'config' },
  'X_AVM-DE_GetWLANExtInfo': {
    in: [],
    out: ['NewX_AVM-DE_APEnabled', 'NewX_AVM-DE_APType', 'NewX_AVM-DE_TimeoutActive', 'NewX_AVM-DE_Timeout', 'NewX_AVM-DE_TimeRemain', 'NewX_AVM-DE_NoForcedOff', 'NewX_AVM-DE_UserIsolation', 'NewX_AVM-DE_EncryptionMode', 'NewX_AVM-DE_LastChangedStamp'],
    right: 'read',
  },
  'X_AVM-DE_GetWPSInfo': { in: [], out: ['NewX_AVM-DE_WPSMode', 'NewX_AVM-DE_WPSStatus'], right: 'read' },
  'X_AVM-DE_SetWPSEnable': { in: ['NewX_AVM-DE_WPSEnable'], out: [], right: 'config' },
});

/** The services, WLANConfiguration:1..N first (built per box: a box may have 2, 3 or 4). */
export function fritzServices(wlanCount: number): ServiceSpec[] {
  const wlan: ServiceSpec[] = [];
  for (let i = 1; i <= wlanCount; i++) {
    wlan.push({ type: `urn:dslforum-org:service:WLANConfiguration:${i}`, id: `urn:WLANConfiguration-com:serviceId:WLANConfiguration${i}`, control: `/upnp/control/wlanconfig${i}`, scpd: '/wlanconfigSCPD.xml', actions: wlanActions() });
  }
  return [
    {
      type: 'urn:dslforum-org:service:DeviceInfo:1', id: 'urn:DeviceInfo-com:serviceId:DeviceInfo1', control: '/upnp/control/deviceinfo', scpd: '/deviceinfoSCPD.xml',
      actions: {
        GetInfo: { in: [], out: ['NewManufacturerName', 'NewManufacturerOUI', 'NewModelName', 'NewDescription', 'NewProductClass', 'NewSerialNumber', 'NewSoftwareVersion', 'NewHardwareVersion', 'NewSpecVersion', 'NewProvisioningCode', 'NewUpTime', 'NewDeviceLog'], right: 'read' },
        GetSecurityPort: { in: [], out: ['NewSecurityPort'], right: 'public' },
      },
    },
    {
      type: 'urn:dslforum-org:service:DeviceConfig:1', id: 'urn:DeviceConfig-com:serviceId:DeviceConfig1', control: '/upnp/control/deviceconfig', scpd: '/deviceconfigSCPD.xml',
      actions: {
        ConfigurationStarted: { in: ['NewSessionID'], out: [], right: 'config' },
        ConfigurationFinished: { in: [], out: ['NewStatus'], right: 'config' },
      },
    },
    {
      type: 'urn:dslforum-org:service:LANConfigSecurity:1', id: 'urn:LANConfigSecurity-com:serviceId:LANConfigSecurity1', control: '/upnp/control/lanconfigsecurity', scpd: '/lanconfigsecuritySCPD.xml',
      actions: {
        GetInfo: { in: [], out: ['NewMaxCharsPassword', 'NewMinCharsPassword', 'NewAllowedCharsPassword', 'NewX_AVM-DE_IsDefaultPasswordActive'], right: 'read' },
        'X_AVM-DE_GetCurrentUser': { in: [], out: ['NewX_AVM-DE_CurrentUsername', 'NewX_AVM-DE_CurrentUserRights'], right: 'read' },
        SetConfigPassword: { in: ['NewPassword'], out: [], right: 'config', secondFactor: true },
      },
    },
    {
      type: 'urn:dslforum-org:service:UserInterface:1', id: 'urn:UserInterface-com:serviceId:UserInterface1', control: '/upnp/control/userif', scpd: '/userifSCPD.xml',
      actions: {
        GetInfo: { in: [], out: ['NewUpgradeAvailable', 'NewPasswordRequired', 'NewPasswordUserSelectable', 'NewWarrantyDate', 'NewX_AVM-DE_Version', 'NewX_AVM-DE_DownloadURL', 'NewX_AVM-DE_InfoURL', 'NewX_AVM-DE_UpdateState', 'NewX_AVM-DE_LaborVersion'], right: 'read' },
        'X_AVM-DE_GetInfo': { in: [], out: ['NewX_AVM-DE_AutoUpdateMode', 'NewX_AVM-DE_UpdateTime', 'NewX_AVM-DE_LastFwVersion', 'NewX_AVM-DE_LastInfoUrl', 'NewX_AVM-DE_CurrentFwVersion', 'NewX_AVM-DE_UpdateSuccessful'], right: 'read' },
        'X_AVM-DE_SetConfig': { in: ['NewX_AVM-DE_AutoUpdateMode'], out: [], right: 'config' },
      },
    },
    {
      type: 'urn:dslforum-org:service:X_AVM-DE_UPnP:1', id: 'urn:X_AVM-DE_UPnP-com:serviceId:X_AVM-DE_UPnP1', control: '/upnp/control/x_upnp', scpd: '/x_upnpSCPD.xml',
      actions: {
        GetInfo: { in: [], out: ['NewEnable', 'NewUPnPMediaServer'], right: 'read' },
        SetConfig: { in: ['NewEnable', 'NewUPnPMediaServer'], out: [], right: 'config' },
      },
    },
    {
      type: 'urn:dslforum-org:service:X_AVM-DE_RemoteAccess:1', id: 'urn:X_AVM-DE_RemoteAccess-com:serviceId:X_AVM-DE_RemoteAccess1', control: '/upnp/control/x_remote', scpd: '/x_remoteSCPD.xml',
      actions: {
        GetInfo: { in: [], out: ['NewEnabled', 'NewPort', 'NewUsername'], right: 'read' },
        SetEnable: { in: ['NewEnabled'], out: ['NewPort'], right: 'config', secondFactor: true },
      },
    },
    {
      type: 'urn:dslforum-org:service:X_AVM-DE_Auth:1', id: 'urn:X_AVM-DE_Auth-com:serviceId:X_AVM-DE_Auth1', control: '/upnp/control/x_auth', scpd: '/x_authSCPD.xml',
      actions: {
        GetInfo: { in: [], out: ['NewEnabled'], right: 'read' },
        GetState: { in: [], out: ['NewState'], right: 'read' },
        SetConfig: { in: ['NewAction'], out: ['NewState', 'NewToken', 'NewMethods'], right: 'read' },
      },
    },
    ...wlan,
  ];
}

/** The IGD's WANIPConnection service (no login; the FRITZ!Box serves it on the same port as TR-064). */
export const IGD_WANIP: ServiceSpec = {
  type: 'urn:schemas-upnp-org:service:WANIPConnection:1', id: 'urn:upnp-org:serviceId:WANIPConn1', control: '/igdupnp/control/WANIPConn1', scpd: '/igdconnSCPD.xml',
  actions: {
    GetGenericPortMappingEntry: {
      in: ['NewPortMappingIndex'],
      out: ['NewRemoteHost', 'NewExternalPort', 'NewProtocol', 'NewInternalPort', 'NewInternalClient', 'NewEnabled', 'NewPortMappingDescription', 'NewLeaseDuration'],
      right: 'public',
    },
    GetExternalIPAddress: { in: [], out: ['NewExternalIPAddress'], right: 'public' },
  },
};

/** An SCPD document for a service (argument state variables kept minimal: names and direction). */
export function scpdXml(s: ServiceSpec): string {
  const actions = Object.entries(s.actions)
    .map(([name, a]) => {
      const args = [...a.in.map((n) => ['in', n]), ...a.out.map((n) => ['out', n])]
        .map(([dir, n]) => `<argument><name>${n}</name><direction>${dir}</direction><relatedStateVariable>${n!.replace(/^New/, '')}</relatedStateVariable></argument>`)
        .join('');
      return `<action><name>${name}</name><argumentList>${args}</argumentList></action>`;
    })
    .join('\n');
  return `<?xml version="1.0"?>\n<scpd xmlns="urn:dslforum-org:service-1-0"><specVersion><major>1</major><minor>0</minor></specVersion>\n<actionList>\n${actions}\n</actionList><serviceStateTable/></scpd>\n`;
}

/** tr64desc.xml: the InternetGatewayDevice with every service. */
export function tr64descXml(services: ServiceSpec[], model: string, firmware: string): string {
  const list = services
    .map((s) => `<service><serviceType>${s.type}</serviceType><serviceId>${s.id}</serviceId><controlURL>${s.control}</controlURL><eventSubURL>${s.control.replace('/control/', '/event/')}</eventSubURL><SCPDURL>${s.scpd}</SCPDURL></service>`)
    .join('\n');
  return `<?xml version="1.0"?>
<root xmlns="urn:dslforum-org:device-1-0">
<specVersion><major>1</major><minor>0</minor></specVersion>
<systemVersion><HW>226</HW><Major>154</Major><Minor>${firmware.split('.')[1] ?? '07'}</Minor><Patch>${firmware.split('.')[2] ?? '57'}</Patch><Buildnumber>108715</Buildnumber><Display>${firmware}</Display></systemVersion>
<device>
<deviceType>urn:dslforum-org:device:InternetGatewayDevice:1</deviceType>
<friendlyName>${model}</friendlyName>
<manufacturer>AVM</manufacturer>
<manufacturerURL>www.avm.de</manufacturerURL>
<modelDescription>${model}</modelDescription>
<modelName>${model}</modelName>
<modelNumber>avm</modelNumber>
<UDN>uuid:739f2409-bccb-40e7-8e6c-2c91ab000001</UDN>
<serviceList>
${list}
</serviceList>
</device>
</root>
`;
}

/** igddesc.xml: the UPnP IGD (WANIPConnection under WANDevice/WANConnectionDevice), as a FRITZ!Box serves it on :49000. */
export function igddescXml(model: string): string {
  const s = IGD_WANIP;
  return `<?xml version="1.0"?>
<root xmlns="urn:schemas-upnp-org:device-1-0">
<specVersion><major>1</major><minor>0</minor></specVersion>
<device><deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType><friendlyName>${model}</friendlyName><manufacturer>AVM Berlin</manufacturer><modelName>${model}</modelName><UDN>uuid:75802409-bccb-40e7-8e6c-2c91ab000002</UDN>
<deviceList><device><deviceType>urn:schemas-upnp-org:device:WANDevice:1</deviceType><friendlyName>WANDevice - ${model}</friendlyName>
<deviceList><device><deviceType>urn:schemas-upnp-org:device:WANConnectionDevice:1</deviceType><friendlyName>WANConnectionDevice - ${model}</friendlyName>
<serviceList><service><serviceType>${s.type}</serviceType><serviceId>${s.id}</serviceId><controlURL>${s.control}</controlURL><eventSubURL>/igdupnp/control/WANIPConn1</eventSubURL><SCPDURL>${s.scpd}</SCPDURL></service></serviceList>
</device></deviceList></device></deviceList></device>
</root>
`;
}
