/**
 * The one question `porchlight router` may ask: the router password, typed on the terminal with
 * nothing echoed (raw mode; Backspace edits, Enter ends, Ctrl-C or Ctrl-D cancels). The answer
 * goes straight to the keychain; it is never on argv, in the environment or in a file.
 */
export interface HiddenPromptIo {
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  output: { write(text: string): unknown };
}

/** Asks once; resolves the typed text, or null when cancelled or empty. */
export function askHidden(io: HiddenPromptIo, question: string): Promise<string | null> {
  return new Promise((resolve) => {
    const { input, output } = io;
    let typed = '';
    const raw = typeof input.setRawMode === 'function';
    const done = (value: string | null) => {
      input.removeListener('data', onData);
      if (raw) input.setRawMode!(false);
      input.pause();
      output.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(typed.length > 0 ? typed : null);
        if (ch === '\u0003' || ch === '\u0004') return done(null);
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    // Echo off before the question is shown: keys typed the moment it appears must not be echoed
    // by the terminal (on a loaded machine the question can reach the owner before raw mode would).
    if (raw) input.setRawMode!(true);
    output.write(question);
    input.on('data', onData);
    input.resume();
  });
}
