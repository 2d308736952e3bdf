/**
 * The lab router's static files, served by lighttpd: the admin page, the UPnP IGD description and
 * the TR-064 description (shaped like an AVM FRITZ!Box 7590 on FRITZ!OS 7.57; written for the lab).
 */
export const ROUTER_FILES: Record<string, Record<string, string>> = {
  admin: {
    'index.html': `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>FRITZ!Box</title></head>
<body><form action="/login" method="post"><label>Password <input type="password" name="password"></label></form></body></html>
`,
  },
  tr64: {
    'tr64desc.xml': `<?xml version="1.0"?>
<root xmlns="urn:dslforum-org:device-1-0">
  <specVersion><major>1</major><minor>0</minor></specVersion>
  <systemVersion>
    <HW>226</HW><Major>154</Major><Minor>7</Minor><Patch>57</Patch><Buildnumber>108034</Buildnumber><Display>154.07.57</Display>
  </systemVersion>
  <device>
    <deviceType>urn:dslforum-org:device:InternetGatewayDevice:1</deviceType>
    <friendlyName>FRITZ!Box 7590</friendlyName>
    <manufacturer>AVM</manufacturer>
    <manufacturerURL>http://avm.de</manufacturerURL>
    <modelDescription>FRITZ!Box 7590</modelDescription>
    <modelName>FRITZ!Box 7590</modelName>
    <modelNumber>avm</modelNumber>
    <modelURL>http://avm.de</modelURL>
    <UDN>uuid:739f2409-bccb-40e7-8e6c-24651a4a7c01</UDN>
    <serviceList>
      <service><serviceType>urn:dslforum-org:service:DeviceInfo:1</serviceType><serviceId>urn:DeviceInfo-com:serviceId:DeviceInfo1</serviceId><controlURL>/upnp/control/deviceinfo</controlURL><eventSubURL>/upnp/control/deviceinfo</eventSubURL><SCPDURL>/deviceinfoSCPD.xml</SCPDURL></service>
      <service><serviceType>urn:dslforum-org:service:WLANConfiguration:1</serviceType><serviceId>urn:WLANConfiguration-com:serviceId:WLANConfiguration1</serviceId><controlURL>/upnp/control/wlanconfig1</controlURL><eventSubURL>/upnp/control/wlanconfig1</eventSubURL><SCPDURL>/wlanconfigSCPD.xml</SCPDURL></service>
    </serviceList>
  </device>
</root>
`,
    'igddesc.xml': `<?xml version="1.0"?>
<root xmlns="urn:schemas-upnp-org:device-1-0">
  <specVersion><major>1</major><minor>0</minor></specVersion>
  <device>
    <deviceType>urn:schemas-upnp-org:device:InternetGatewayDevice:1</deviceType>
    <friendlyName>FRITZ!Box 7590</friendlyName>
    <manufacturer>AVM Berlin</manufacturer>
    <manufacturerURL>http://www.avm.de</manufacturerURL>
    <modelDescription>FRITZ!Box 7590</modelDescription>
    <modelName>FRITZ!Box 7590</modelName>
    <modelNumber>avm</modelNumber>
    <UDN>uuid:75802409-bccb-40e7-8e6c-24651a4a7c01</UDN>
    <serviceList>
      <service><serviceType>urn:schemas-any-com:service:Any:1</serviceType><serviceId>urn:any-com:serviceId:any1</serviceId><controlURL>/igdupnp/control/any</controlURL><eventSubURL>/igdupnp/control/any</eventSubURL><SCPDURL>/any.xml</SCPDURL></service>
    </serviceList>
    <deviceList>
      <device>
        <deviceType>urn:schemas-upnp-org:device:WANDevice:1</deviceType>
        <friendlyName>WANDevice - FRITZ!Box 7590</friendlyName>
        <manufacturer>AVM Berlin</manufacturer>
        <modelName>WANDevice - FRITZ!Box 7590</modelName>
        <serviceList>
          <service><serviceType>urn:schemas-upnp-org:service:WANCommonInterfaceConfig:1</serviceType><serviceId>urn:upnp-org:serviceId:WANCommonIFC1</serviceId><controlURL>/igdupnp/control/WANCommonIFC1</controlURL><eventSubURL>/igdupnp/control/WANCommonIFC1</eventSubURL><SCPDURL>/igdicfgSCPD.xml</SCPDURL></service>
        </serviceList>
        <deviceList>
          <device>
            <deviceType>urn:schemas-upnp-org:device:WANConnectionDevice:1</deviceType>
            <friendlyName>WANConnectionDevice - FRITZ!Box 7590</friendlyName>
            <serviceList>
              <service><serviceType>urn:schemas-upnp-org:service:WANIPConnection:1</serviceType><serviceId>urn:upnp-org:serviceId:WANIPConn1</serviceId><controlURL>/igdupnp/control/WANIPConn1</controlURL><eventSubURL>/igdupnp/control/WANIPConn1</eventSubURL><SCPDURL>/igdconnSCPD.xml</SCPDURL></service>
            </serviceList>
          </device>
        </deviceList>
      </device>
    </deviceList>
  </device>
</root>
`,
  },
};
