import { createHash, randomBytes } from 'node:crypto';

/** One challenge of a WWW-Authenticate header: its scheme and auth-params (names lower-cased). */
export interface AuthChallenge {
  scheme: string;
  params: Record<string, string>;
}

/**
 * Parses WWW-Authenticate values (RFC 9110 §11.6.1): several challenges per header, quoted strings
 * with escapes, token68. Garbage yields fewer challenges, never an exception.
 */
export function parseChallenges(values: readonly string[]): AuthChallenge[] {
  const out: AuthChallenge[] = [];
  for (const value of values) {
    let i = 0;
    const s = value;
    let current: AuthChallenge | null = null;
    while (i < s.length) {
      while (i < s.length && (s[i] === ' ' || s[i] === ',' || s[i] === '\t')) i++;
      const tok = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/.exec(s.slice(i));
      if (!tok) break;
      const word = tok[0];
      let j = i + word.length;
      while (j < s.length && s[j] === ' ') j++;
      if (s[j] === '=' && current) {
        // auth-param
        j++;
        while (j < s.length && s[j] === ' ') j++;
        let val = '';
        if (s[j] === '"') {
          j++;
          while (j < s.length && s[j] !== '"') {
            if (s[j] === '\\' && j + 1 < s.length) j++;
            val += s[j];
            j++;
          }
          j++;
        } else {
          const m = /^[^,\s]*/.exec(s.slice(j))!;
          val = m[0];
          j += val.length;
        }
        current.params[word.toLowerCase()] = val;
        i = j;
      } else {
        current = { scheme: word.toLowerCase(), params: {} };
        out.push(current);
        i = i + word.length;
        // token68 right after the scheme (e.g. "Negotiate YII=="): skip it up to the next comma
        const t68 = /^ +[A-Za-z0-9\-._~+/]+=*\s*(?=,|$)/.exec(s.slice(i));
        if (t68) i += t68[0].length;
      }
    }
  }
  return out;
}

const ALGORITHMS: Record<string, 'md5' | 'sha256' | 'sha512-256'> = {
  md5: 'md5',
  'md5-sess': 'md5',
  'sha-256': 'sha256',
  'sha-256-sess': 'sha256',
  'sha-512-256': 'sha512-256',
  'sha-512-256-sess': 'sha512-256',
};

/** True when this client can answer the Digest challenge (algorithm and qop supported). */
export function digestSupported(ch: AuthChallenge): boolean {
  const alg = (ch.params.algorithm ?? 'MD5').toLowerCase();
  if (!(alg in ALGORITHMS) || !ch.params.nonce || ch.params.realm === undefined) return false;
  if (ch.params.userhash?.toLowerCase() === 'true') return false;
  const qop = ch.params.qop;
  return qop === undefined || qop.split(',').map((q) => q.trim()).includes('auth');
}

/** Preference among offered Digest challenges: SHA-256 before MD5 (RFC 7616 §3.7). */
export function pickDigest(challenges: readonly AuthChallenge[]): AuthChallenge | null {
  const ok = challenges.filter((c) => c.scheme === 'digest' && digestSupported(c));
  const rank = (c: AuthChallenge) => (/sha-256|sha-512/i.test(c.params.algorithm ?? '') ? 0 : 1);
  return ok.sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

const quote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Builds an RFC 7616 Digest Authorization header (qop=auth or the RFC 2069 form without qop;
 * MD5, SHA-256, SHA-512-256 and their -sess variants). `cnonce` is injectable for tests.
 */
export function digestAuthorization(opts: {
  challenge: AuthChallenge;
  username: string;
  password: string;
  method: string;
  uri: string;
  nc?: number;
  cnonce?: string;
}): string {
  const p = opts.challenge.params;
  const algName = p.algorithm ?? 'MD5';
  const alg = ALGORITHMS[algName.toLowerCase()] ?? 'md5';
  const H = (s: string) => createHash(alg).update(s, 'utf8').digest('hex');
  const realm = p.realm ?? '';
  const nonce = p.nonce ?? '';
  const cnonce = opts.cnonce ?? randomBytes(16).toString('hex');
  const nc = (opts.nc ?? 1).toString(16).padStart(8, '0');
  const qop = p.qop === undefined ? undefined : 'auth';
  let ha1 = H(`${opts.username}:${realm}:${opts.password}`);
  if (algName.toLowerCase().endsWith('-sess')) ha1 = H(`${ha1}:${nonce}:${cnonce}`);
  const ha2 = H(`${opts.method}:${opts.uri}`);
  const response = qop ? H(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : H(`${ha1}:${nonce}:${ha2}`);
  const parts = [
    `username=${quote(opts.username)}`,
    `realm=${quote(realm)}`,
    `nonce=${quote(nonce)}`,
    `uri=${quote(opts.uri)}`,
    `algorithm=${algName}`,
    `response=${quote(response)}`,
  ];
  if (p.opaque !== undefined) parts.push(`opaque=${quote(p.opaque)}`);
  if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce=${quote(cnonce)}`);
  return `Digest ${parts.join(', ')}`;
}
