/** The survey's device rows: the router is never offered a move to the IoT network; names before MAC addresses (issue 12). */
import { describe, expect, it } from 'vitest';
import { factsLine, isTheRouter } from '../../../renderer/steps/survey/device-row';

describe('survey device row', () => {
  it('knows the router by its kind or by being the gateway', () => {
    expect(isTheRouter({ category: 'router', ip: '192.168.178.1' }, null)).toBe(true);
    expect(isTheRouter({ category: 'unknown', ip: '192.168.178.1' }, '192.168.178.1')).toBe(true);
    expect(isTheRouter({ category: 'speaker', ip: '192.168.178.20' }, '192.168.178.1')).toBe(false);
  });
  it('shows a MAC address only when nothing names the device', () => {
    expect(factsLine({ vendor: 'Amazon Technologies Inc.', model: null, ip: '192.168.178.20', mac: '00:11:22:33:44:55', names: ['Kitchen Echo'] }, 'Maker unknown')).toBe('Amazon Technologies Inc. · 192.168.178.20');
    expect(factsLine({ vendor: null, model: null, ip: '192.168.178.30', mac: '00:11:22:33:44:66', names: [] }, 'Maker unknown')).toBe('Maker unknown · 192.168.178.30 · 00:11:22:33:44:66');
  });
});
