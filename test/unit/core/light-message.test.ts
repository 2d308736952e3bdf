/**
 * lightMsg makes the Wi-Fi readings' messages without zod (for `wifi scan --json`); what it makes
 * must still pass the schema the IPC contract validates readings with, and it refuses what msg()
 * refuses at the place it is made.
 */
import { describe, expect, it } from 'vitest';
import { lightMsg, stepsOf } from '../../../main/core/light-message.js';
import { MessageSchema, msg } from '../../../main/core/messages/index.js';
import { windowsLocationAdvice } from '../../../main/adapters/wifi/netsh.js';

describe('lightMsg', () => {
  it('is what msg() makes, and passes MessageSchema (nested steps included)', () => {
    expect(lightMsg('wifi.reading.tool-timeout', { tool: 'nmcli', seconds: 20 })).toEqual(msg('wifi.reading.tool-timeout', { tool: 'nmcli', seconds: 20 }));
    expect(MessageSchema.parse(windowsLocationAdvice())).toEqual(windowsLocationAdvice());
  });

  it('throws on a malformed code, like msg()', () => {
    expect(() => lightMsg('Not a code')).toThrow(/malformed message code/);
    expect(() => lightMsg('wifi')).toThrow();
  });

  it("cuts a tool's long output to what the schema accepts, so the reading still crosses IPC", () => {
    const m = lightMsg('wifi.reading.netsh-unreadable', { said: 'x'.repeat(5000) });
    expect((m.params.said as string).length).toBe(2000);
    expect(() => MessageSchema.parse(m)).not.toThrow();
  });

  it('stepsOf: the steps message, or null when a reading names none', () => {
    expect(stepsOf(windowsLocationAdvice())).toEqual({ code: 'wifi.reading.steps.windows-location', params: {} });
    expect(stepsOf(lightMsg('wifi.reading.none-in-range'))).toBeNull();
    expect(stepsOf(null)).toBeNull();
  });
});
