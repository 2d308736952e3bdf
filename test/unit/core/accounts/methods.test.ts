import { describe, expect, it } from 'vitest';
import { atLeastAsStrong, bestMethod, fromDirectoryTfa, METHOD_IDS, METHOD_LABEL, METHOD_REASON, rankMethods } from '../../../../main/core/accounts/methods.js';

describe('2FA method ranking (CISA: phishing-resistant > app > push > phone > email)', () => {
  it('orders every method strongest first', () => {
    expect(rankMethods(['email', 'sms', 'push', 'authenticator-app', 'security-key'])).toEqual(['security-key', 'authenticator-app', 'push', 'sms', 'email']);
  });
  it('puts SMS and phone call on one rank, keeping the given order, and removes duplicates', () => {
    expect(rankMethods(['call', 'email', 'sms', 'call'])).toEqual(['call', 'sms', 'email']);
    expect(rankMethods(['sms', 'call'])).toEqual(['sms', 'call']);
  });
  it('picks the authenticator app over SMS and phone call (the Amazon case)', () => {
    expect(bestMethod(['sms', 'call', 'authenticator-app'])).toBe('authenticator-app');
  });
  it('picks push over SMS and email when no app is offered (the Arlo case)', () => {
    expect(bestMethod(['sms', 'email', 'push'])).toBe('push');
  });
  it('picks SMS over email, and null when nothing is offered', () => {
    expect(bestMethod(['email', 'sms'])).toBe('sms');
    expect(bestMethod([])).toBeNull();
  });
  it('compares strengths', () => {
    expect(atLeastAsStrong('security-key', 'authenticator-app')).toBe(true);
    expect(atLeastAsStrong('push', 'authenticator-app')).toBe(false);
    expect(atLeastAsStrong('call', 'sms')).toBe(true);
  });
  it('gives every method a label and a reason that names its weakness or strength', () => {
    for (const m of METHOD_IDS) {
      expect(METHOD_LABEL[m].length).toBeGreaterThan(3);
      expect(METHOD_REASON[m].length).toBeGreaterThan(40);
    }
    expect(METHOD_REASON.sms).toMatch(/SIM swap/);
    expect(METHOD_REASON['authenticator-app']).toMatch(/CISA/);
    expect(METHOD_REASON.push).toMatch(/fatigue/);
  });
  it('maps the 2fa.directory vocabulary', () => {
    expect(fromDirectoryTfa('u2f')).toBe('security-key');
    expect(fromDirectoryTfa('totp')).toBe('authenticator-app');
    expect(fromDirectoryTfa('custom-software')).toBe('push');
    expect(fromDirectoryTfa('custom-hardware')).toBeNull();
    expect(fromDirectoryTfa('sms')).toBe('sms');
    expect(fromDirectoryTfa('call')).toBe('call');
    expect(fromDirectoryTfa('email')).toBe('email');
  });
});
