import { describe, expect, it } from 'vitest';
import { SamverkanError } from '@samverkan/core';
import { SignInLimiter } from './sign-in-limits.js';

function limited(f: () => void): boolean {
  try {
    f();
    return false;
  } catch (e) {
    if (e instanceof SamverkanError && e.code === 'SAMV_ERR_RATE_LIMITED') return true;
    throw e;
  }
}

describe('sign-in limits', () => {
  it('limits one address trying many user names', () => {
    const l = new SignInLimiter({ perAddress: 5, perUsername: 3, windowMs: 60_000 });
    for (let i = 0; i < 5; i++) {
      expect(
        limited(() => {
          l.check('10.0.0.1', `user${String(i)}`);
        }),
      ).toBe(false);
      l.fail('10.0.0.1', `user${String(i)}`);
    }
    expect(
      limited(() => {
        l.check('10.0.0.1', 'someone-new');
      }),
    ).toBe(true);
    expect(
      limited(() => {
        l.check('10.0.0.2', 'someone-new');
      }),
    ).toBe(false);
  });

  it('limits one user name tried from many addresses, case and spaces ignored', () => {
    const l = new SignInLimiter({ perAddress: 100, perUsername: 3, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) l.fail(`10.0.0.${String(i)}`, ' Chef ');
    expect(
      limited(() => {
        l.check('192.168.1.9', 'chef');
      }),
    ).toBe(true);
    expect(
      limited(() => {
        l.check('192.168.1.9', 'admin');
      }),
    ).toBe(false);
  });

  it('opens again when the window has passed and says how long to wait in Swedish', () => {
    let now = 1_000_000;
    const l = new SignInLimiter({ perAddress: 100, perUsername: 1, windowMs: 60_000 }, () => now);
    l.fail('10.0.0.1', 'chef');
    now += 30_000;
    try {
      l.check('10.0.0.1', 'chef');
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe('För många inloggningsförsök. Vänta 30 sekunder och försök igen.');
    }
    now += 30_001;
    expect(
      limited(() => {
        l.check('10.0.0.1', 'chef');
      }),
    ).toBe(false);
  });
});
