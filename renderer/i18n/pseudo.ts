/**
 * The pseudo-locale `en-XA` (tests only): every English string wrapped in ⟦…⟧ with its letters
 * accented, so a test can tell catalog text from text that bypassed the catalogs. Interpolations
 * (`{{name}}`, `{{date, day}}`), nesting (`$t(…)`) and tags (`<1>…</1>`) are kept as they are.
 */
const ACCENTS: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'í', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ó', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'ú', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Í', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ó', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Ú', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/** What must stay byte-for-byte: interpolations, nestings and numbered/named tags. */
const KEEP = /(\{\{[^}]*\}\}|\$t\([^)]*\)|<\/?[a-zA-Z0-9]+\s*\/?>)/;

export function pseudo(text: string): string {
  const accented = text
    .split(KEEP)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (c) => ACCENTS[c] ?? c)))
    .join('');
  return `⟦${accented}⟧`;
}

/** Keys whose values are ids, not words (a step's glossary `terms`): kept as they are. */
const ID_KEYS = new Set(['terms']);

/** A catalog with every string pseudo-localised (arrays and nesting kept; id lists untouched). */
export function pseudoCatalog<T>(catalog: T): T {
  const walk = (v: unknown): unknown =>
    typeof v === 'string'
      ? pseudo(v)
      : Array.isArray(v)
        ? v.map(walk)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ID_KEYS.has(k) && Array.isArray(x) ? x : walk(x)]))
          : v;
  return walk(catalog) as T;
}
