import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { askHidden } from '../../../main/cli/router-password-prompt.js';

/** A terminal stand-in that records, in order, raw-mode switches and what was written. */
function terminal() {
  const events: string[] = [];
  const input = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: (raw: boolean) => {
      events.push(raw ? 'raw on' : 'raw off');
    },
  });
  const output = { write: (text: string) => events.push(`write ${JSON.stringify(text)}`) };
  return { input, output, events };
}

describe('the hidden router-password prompt', () => {
  it('turns echo off before the question appears, reads to Enter, and turns it back on', async () => {
    const t = terminal();
    const answer = askHidden(t, 'Password: ');
    expect(t.events).toEqual(['raw on', 'write "Password: "']);
    t.input.write('se\u007fecret\r');
    expect(await answer).toBe('secret');
    expect(t.events).toEqual(['raw on', 'write "Password: "', 'raw off', 'write "\\n"']);
  });

  it('Ctrl-C cancels, and an empty answer is no answer', async () => {
    const a = terminal();
    const cancelled = askHidden(a, 'Password: ');
    a.input.write('abc\u0003');
    expect(await cancelled).toBeNull();
    const b = terminal();
    const empty = askHidden(b, 'Password: ');
    b.input.write('\r');
    expect(await empty).toBeNull();
  });
});
