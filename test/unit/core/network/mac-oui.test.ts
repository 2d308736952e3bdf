import { describe, expect, it } from 'vitest';
import { normalizeMac, vendorOfMac, isLocallyAdministered } from '../../../../main/core/network/mac.js';
import { OuiDataRegistry } from '../../../../main/adapters/network/oui-registry.js';
import type { OuiRegistry } from '../../../../main/core/ports.js';

describe('MAC normalisation', () => {
  it('accepts the OS spellings', () => {
    expect(normalizeMac('24-65-11-4A-7C-01')).toBe('24:65:11:4a:7c:01');
    expect(normalizeMac('24:65:11:4a:7c:1')).toBe('24:65:11:4a:7c:01');
    expect(normalizeMac('2465114A7C01')).toBe('24:65:11:4a:7c:01');
    expect(normalizeMac('ff:ff:ff:ff:ff:ff')).toBeNull();
    expect(normalizeMac('zz:65:11:4a:7c:01')).toBeNull();
    expect(normalizeMac('(incomplete)')).toBeNull();
  });
  it('flags randomised addresses', () => {
    expect(isLocallyAdministered('da:a1:19:00:00:01')).toBe(true);
    expect(isLocallyAdministered('24:65:11:4a:7c:01')).toBe(false);
  });
});

describe('vendor lookup, longest prefix first', () => {
  const fake: OuiRegistry = {
    organisation: (p) =>
      ({ '70B3D5': 'IEEE Registration Authority\nx', '70B3D5123': 'Tiny Sensor Co\nStreet', '1006480': 'MA-M Maker\nx', '100648': 'IEEE Registration Authority', '246511': 'AVM GmbH\nBerlin' })[p] ?? null,
  };
  it('prefers MA-S, then MA-M, then MA-L, and never reports the registration authority as maker', () => {
    expect(vendorOfMac('70:b3:d5:12:34:56', fake)).toBe('Tiny Sensor Co');
    expect(vendorOfMac('70:b3:d5:99:34:56', fake)).toBeNull();
    expect(vendorOfMac('10:06:48:01:02:03', fake)).toBe('MA-M Maker');
    expect(vendorOfMac('24:65:11:aa:bb:cc', fake)).toBe('AVM GmbH');
    expect(vendorOfMac('da:65:11:aa:bb:cc', fake)).toBeNull();
    expect(vendorOfMac(null, fake)).toBeNull();
  });
  it('the installed IEEE data (oui-data) has MA-L, MA-M and MA-S entries', () => {
    const real = new OuiDataRegistry();
    expect(vendorOfMac('fc:a6:67:00:00:01', real)).toMatch(/^Amazon Technologies/);
    expect(vendorOfMac('00:17:88:00:00:01', real)).toMatch(/Philips Lighting/);
    expect(vendorOfMac('10:06:48:01:02:03', real)).toBe('FLEXTRONICS TECHNOLOGIES (INDIA) PVT LTD');
    expect(vendorOfMac('00:1b:c5:00:00:01', real)).toBe('Converging Systems Inc.');
  });
});
