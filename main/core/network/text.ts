/** Replaces ASCII control characters (NUL…US, DEL) with spaces: peer-supplied text is shown to people. */
export function stripControl(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c < 0x20 || c === 0x7f ? ' ' : ch;
  }
  return out;
}
