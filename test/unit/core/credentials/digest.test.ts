import { describe, expect, it } from 'vitest';
import { digestAuthorization, parseChallenges, pickDigest } from '../../../../main/core/credentials/digest.js';

// RFC 7616 §3.9.1 example: the same credentials under SHA-256 and MD5.
const HEADER = [
  'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
  'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
];
const CNONCE = 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ';

describe('RFC 7616 Digest client', () => {
  it('parses both challenges and prefers SHA-256', () => {
    const ch = parseChallenges(HEADER);
    expect(ch).toHaveLength(2);
    expect(ch[1]!.params).toMatchObject({ realm: 'http-auth@example.org', qop: 'auth, auth-int', algorithm: 'MD5' });
    expect(pickDigest(ch)!.params.algorithm).toBe('SHA-256');
  });

  it('computes the RFC example responses for SHA-256 and MD5', () => {
    const [sha, md5] = parseChallenges(HEADER);
    const common = { username: 'Mufasa', password: 'Circle of Life', method: 'GET', uri: '/dir/index.html', nc: 1, cnonce: CNONCE };
    expect(digestAuthorization({ ...common, challenge: sha! })).toContain('response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"');
    const m = digestAuthorization({ ...common, challenge: md5! });
    expect(m).toContain('response="8ca523f5e9506fed4657c9700eebdbec"');
    expect(m).toContain('qop=auth, nc=00000001');
    expect(m).toContain('opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"');
  });

  it('parses several challenges in one header and survives garbage', () => {
    const ch = parseChallenges(['Negotiate YIIabc==, Basic realm="a, b", Digest realm="r", nonce="n"']);
    expect(ch.map((c) => c.scheme)).toEqual(['negotiate', 'basic', 'digest']);
    expect(ch[1]!.params.realm).toBe('a, b');
    expect(parseChallenges(['', '"""', '=,=', '\u0000'])).toEqual([]);
    expect(pickDigest(parseChallenges(['Digest realm="r", nonce="n", algorithm=SHA-1']))).toBeNull();
  });
});
