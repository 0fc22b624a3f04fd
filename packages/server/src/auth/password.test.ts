import { describe, expect, it } from 'vitest';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password.js';

describe('passwords', () => {
  it('hashes with argon2id and a fresh salt, and verifies', async () => {
    const a = await hashPassword('ett-langt-losenord');
    const b = await hashPassword('ett-langt-losenord');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'ett-langt-losenord')).toBe(true);
    expect(await verifyPassword(a, 'ett-langt-losenorD')).toBe(false);
    expect(await verifyPassword('inte-en-hash', 'x')).toBe(false);
  });
  it('refuses passwords shorter than 12 characters (counting å, ä, ö as one)', () => {
    expect(() => {
      checkPasswordStrength('kort');
    }).toThrow('minst 12 tecken');
    expect(() => {
      checkPasswordStrength('ååååååååååå');
    }).toThrow();
    expect(() => {
      checkPasswordStrength('åååååååååååå');
    }).not.toThrow();
  });
});
