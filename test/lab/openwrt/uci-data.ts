/**
 * The starting configuration of the simulated OpenWrt router: /etc/config/{wireless,network,
 * firewall,dhcp,uhttpd,upnpd,dropbear,rpcd} as a fresh OpenWrt 23.05 on a dual-band router has them
 * after the owner set a WPA2 passphrase (option names as in OpenWrt's own defaults and the
 * wireless/firewall/dhcp documentation on openwrt.org). No real secret: the lab's own passphrases.
 */

export type UciValue = string | string[];

export interface UciSection {
  name: string;
  type: string;
  anonymous: boolean;
  options: Record<string, UciValue>;
}

export type UciConfigs = Record<string, UciSection[]>;

const named = (type: string, name: string, options: Record<string, UciValue>): UciSection => ({ name, type, anonymous: false, options });
let anon = 0;
const anonymous = (type: string, options: Record<string, UciValue>): UciSection => {
  anon += 1;
  return { name: `cfg${(0x0f0000 + anon * 0x10 + 0x0f).toString(16).padStart(6, '0')}`, type, anonymous: true, options };
};

export const LAB_WIFI_PASSPHRASE = 'lab openwrt wpa2 passphrase';

/** A WPA2 home on OpenWrt: no guest network, WPS push button on, UPnP on, SSH open from the WAN. */
export function defaultUci(): UciConfigs {
  anon = 0;
  return {
    wireless: [
      named('wifi-device', 'radio0', { type: 'mac80211', path: 'platform/soc/18000000.wifi', channel: '1', band: '2g', htmode: 'HE20', cell_density: '0' }),
      named('wifi-iface', 'default_radio0', { device: 'radio0', network: 'lan', mode: 'ap', ssid: 'Lab OpenWrt', encryption: 'psk2', key: LAB_WIFI_PASSPHRASE, ieee80211w: '0', wps_pushbutton: '1' }),
      named('wifi-device', 'radio1', { type: 'mac80211', path: 'platform/soc/18000000.wifi+1', channel: '36', band: '5g', htmode: 'HE80', cell_density: '0' }),
      named('wifi-iface', 'default_radio1', { device: 'radio1', network: 'lan', mode: 'ap', ssid: 'Lab OpenWrt', encryption: 'psk2', key: LAB_WIFI_PASSPHRASE, ieee80211w: '0' }),
    ],
    network: [
      named('interface', 'loopback', { device: 'lo', proto: 'static', ipaddr: '127.0.0.1', netmask: '255.0.0.0' }),
      named('globals', 'globals', { ula_prefix: 'fd4c:8a21:5b3e::/48' }),
      anonymous('device', { name: 'br-lan', type: 'bridge', ports: ['lan1', 'lan2', 'lan3', 'lan4'] }),
      named('interface', 'lan', { device: 'br-lan', proto: 'static', ipaddr: '192.168.1.1', netmask: '255.255.255.0', ip6assign: '60' }),
      named('interface', 'wan', { device: 'wan', proto: 'dhcp' }),
      named('interface', 'wan6', { device: 'wan', proto: 'dhcpv6' }),
    ],
    firewall: [
      anonymous('defaults', { syn_flood: '1', input: 'REJECT', output: 'ACCEPT', forward: 'REJECT' }),
      anonymous('zone', { name: 'lan', network: ['lan'], input: 'ACCEPT', output: 'ACCEPT', forward: 'ACCEPT' }),
      anonymous('zone', { name: 'wan', network: ['wan', 'wan6'], input: 'REJECT', output: 'ACCEPT', forward: 'REJECT', masq: '1', mtu_fix: '1' }),
      anonymous('forwarding', { src: 'lan', dest: 'wan' }),
      anonymous('rule', { name: 'Allow-DHCP-Renew', src: 'wan', proto: 'udp', dest_port: '68', target: 'ACCEPT', family: 'ipv4' }),
      anonymous('rule', { name: 'Allow-Ping', src: 'wan', proto: 'icmp', icmp_type: 'echo-request', family: 'ipv4', target: 'ACCEPT' }),
      anonymous('rule', { name: 'Allow-SSH-WAN', src: 'wan', proto: 'tcp', dest_port: '22', target: 'ACCEPT' }),
    ],
    dhcp: [
      anonymous('dnsmasq', { domainneeded: '1', localise_queries: '1', local: '/lan/', domain: 'lan', expandhosts: '1', authoritative: '1', readethers: '1', leasefile: '/tmp/dhcp.leases', localservice: '1' }),
      named('dhcp', 'lan', { interface: 'lan', start: '100', limit: '150', leasetime: '12h', dhcpv4: 'server' }),
      named('dhcp', 'wan', { interface: 'wan', ignore: '1' }),
    ],
    uhttpd: [
      named('uhttpd', 'main', { listen_http: ['0.0.0.0:80', '[::]:80'], listen_https: ['0.0.0.0:443', '[::]:443'], redirect_https: '0', home: '/www', rfc1918_filter: '1', cert: '/etc/uhttpd.crt', key: '/etc/uhttpd.key', ubus_prefix: '/ubus' }),
    ],
    dropbear: [anonymous('dropbear', { PasswordAuth: 'on', RootPasswordAuth: 'on', Port: '22' })],
    upnpd: [
      named('upnpd', 'config', { enabled: '1', enable_natpmp: '1', enable_upnp: '1', secure_mode: '1', log_output: '0', download: '1024', upload: '512', internal_iface: 'lan', port: '5000', upnp_lease_file: '/var/run/miniupnpd.leases' }),
      anonymous('perm_rule', { action: 'allow', ext_ports: '1024-65535', int_addr: '0.0.0.0/0', int_ports: '1024-65535', comment: 'Allow high ports' }),
    ],
    rpcd: [
      anonymous('rpcd', { socket: '/var/run/ubus/ubus.sock', timeout: '30' }),
      anonymous('login', { username: 'root', password: '$p$root', read: ['*'], write: ['*'] }),
    ],
  };
}
