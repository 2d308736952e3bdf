import { describe, expect, it } from 'vitest';
import { generatePassword, isCommonPassword, strengthScore } from '../../../../main/core/credentials/password-generator.js';

describe('password generator', () => {
  it('makes unique, long, strong passwords off the common list', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const g = await generatePassword();
      expect(g.password.length).toBeGreaterThanOrEqual(16);
      expect(g.score).toBe(4);
      expect(isCommonPassword(g.password)).toBe(false);
      expect(g.password).toMatch(/[A-Z]/);
      expect(g.password).toMatch(/[a-z]/);
      expect(g.password).toMatch(/[2-9]/);
      expect(g.password).not.toMatch(/[0O1lI]/);
      seen.add(g.password);
    }
    expect(seen.size).toBe(20);
  });

  it('rejects a broken random source instead of returning a weak password', async () => {
    await expect(generatePassword(20, () => 0)).rejects.toThrow(/random source/);
    await expect(generatePassword(8)).rejects.toThrow(RangeError);
  });

  it('knows common passwords and rates them low', async () => {
    expect(isCommonPassword('password')).toBe(true);
    expect(isCommonPassword('Qwerty')).toBe(true);
    expect(await strengthScore('password')).toBeLessThanOrEqual(1);
  });
});
