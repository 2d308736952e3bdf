/**
 * "Affected" is said only when the entry itself states the affected versions and the device's
 * firmware is known and inside them. Anything less is `not-stated` or `firmware-unknown`; nothing is guessed.
 */
export type Affected = 'yes' | 'no' | 'not-stated' | 'firmware-unknown';

const num = (v: string): number[] | null => (/^\d+(\.\d+)*$/.test(v) ? v.split('.').map(Number) : null);

function cmp(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/** The upper bound an entry's description states ("before 1.2.3", "1.04 and earlier", "through 2.0"). */
export function statedBound(text: string): { version: number[]; inclusive: boolean } | null {
  const t = text.toLowerCase();
  const below = /\b(?:before|prior to|earlier than|below)\s+(?:firmware\s+)?(?:version\s+)?v?(\d+(?:\.\d+)+)\b/.exec(t);
  if (below) return { version: num(below[1]!)!, inclusive: false };
  const through = /\b(?:through|up to)\s+(?:firmware\s+)?(?:version\s+)?v?(\d+(?:\.\d+)+)\b/.exec(t) ?? /\bv?(\d+(?:\.\d+)+)\s+and\s+(?:earlier|prior|below|before)\b/.exec(t);
  if (through) return { version: num(through[1]!)!, inclusive: true };
  return null;
}

/** Whether firmware `fw` is inside the versions the entry states. */
export function affectedByVersion(description: string, fw: string | null): Affected {
  const bound = statedBound(description);
  if (!bound) return 'not-stated';
  const f = fw ? /(\d+(?:\.\d+)+)/.exec(fw)?.[1] : undefined;
  const v = f ? num(f) : null;
  if (!v) return 'firmware-unknown';
  const c = cmp(v, bound.version);
  return c < 0 || (bound.inclusive && c === 0) ? 'yes' : 'no';
}
