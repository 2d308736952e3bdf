import { describe, expect, it } from 'vitest';
import { classifySecurity, combineClasses, WIFI_SECURITY_CLASSES } from '../../../../main/core/wifi/security.js';
import type { WifiSecurityFacts } from '../../../../main/core/ports.js';

const facts = (f: Partial<WifiSecurityFacts>): WifiSecurityFacts => ({ wep: false, wpa1: false, akms: [], ciphers: [], unrecognized: [], raw: 'test', ...f });

describe('classifySecurity', () => {
  it.each<[Partial<WifiSecurityFacts>, string]>([
    [{}, 'open'],
    [{ akms: ['owe'], ciphers: ['ccmp'] }, 'owe'],
    [{ akms: ['owe-transition'] }, 'owe-transition'],
    [{ wep: true }, 'wep'],
    [{ ciphers: ['wep'] }, 'wep'],
    [{ wpa1: true, akms: ['psk'], ciphers: ['tkip'] }, 'wpa'],
    [{ wpa1: true, akms: ['psk'], ciphers: ['tkip', 'ccmp'] }, 'wpa'],
    [{ akms: ['psk'], ciphers: ['tkip', 'ccmp'] }, 'wpa'],
    [{ akms: ['psk'], ciphers: ['ccmp'] }, 'wpa2'],
    [{ akms: ['psk', 'sae'], ciphers: ['ccmp'] }, 'wpa2-wpa3'],
    [{ akms: ['sae'], ciphers: ['ccmp'] }, 'wpa3'],
    [{ akms: ['8021x'], ciphers: ['ccmp'] }, 'wpa2-enterprise'],
    [{ akms: ['suite-b-192'] }, 'wpa3-enterprise'],
    [{ akms: ['wpa3-eap'] }, 'wpa3-enterprise'],
    [{ akms: ['psk'], unrecognized: ['flag:ft-psk'] }, 'unknown'],
    [{ ciphers: ['ccmp'] }, 'unknown'],
  ])('%j → %s', (f, expected) => {
    expect(classifySecurity(facts(f))).toBe(expected);
  });

  it('uses only the documented vocabulary', () => {
    expect(WIFI_SECURITY_CLASSES).toEqual(['open', 'owe', 'owe-transition', 'wep', 'wpa', 'wpa2', 'wpa2-wpa3', 'wpa3', 'wpa2-enterprise', 'wpa3-enterprise', 'unknown']);
  });
});

describe('combineClasses (one SSID, several access points)', () => {
  it('is the class itself when all agree', () => expect(combineClasses(['wpa3', 'wpa3'])).toBe('wpa3'));
  it('is transition when one radio is WPA2 and another WPA3', () => expect(combineClasses(['wpa3', 'wpa2'])).toBe('wpa2-wpa3'));
  it('is the weakest otherwise', () => {
    expect(combineClasses(['wpa3', 'wpa'])).toBe('wpa');
    expect(combineClasses(['wpa2', 'open'])).toBe('open');
  });
  it('is unknown when any access point is unknown, or none was seen', () => {
    expect(combineClasses(['wpa3', 'unknown'])).toBe('unknown');
    expect(combineClasses([])).toBe('unknown');
  });
});
