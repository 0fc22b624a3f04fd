import { describe, expect, it } from 'vitest';
import { SamverkanError } from '@samverkan/core';
import { normaliseEmail } from './email.js';

describe('normaliseEmail', () => {
  it('trims, lower-cases and keeps a real address', () => {
    expect(normaliseEmail('  Anna.Berg@Regionjh.SE ')).toBe('anna.berg@regionjh.se');
    expect(normaliseEmail('a+b@kommun.ostersund.se')).toBe('a+b@kommun.ostersund.se');
  });
  it('gives null for no address', () => {
    expect(normaliseEmail(undefined)).toBeNull();
    expect(normaliseEmail(null)).toBeNull();
    expect(normaliseEmail('  ')).toBeNull();
  });
  it.each(['anna', 'anna@', '@regionjh.se', 'anna@regionjh', 'anna berg@regionjh.se', 'anna@@regionjh.se', 'anna@regionjh..se'])(
    'refuses %s naming the field',
    (text) => {
      let caught: unknown;
      try {
        normaliseEmail(text);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(SamverkanError);
      expect((caught as SamverkanError).code).toBe('SAMV_ERR_INVALID_INPUT');
      expect((caught as SamverkanError).message).toMatch(/^email: .* är ingen giltig e-postadress/);
    },
  );
});
