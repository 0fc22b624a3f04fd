import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { csrfTokenFor, expectedCsrfToken, knownIdHash, MAX_KEYS, rememberedKeyCount } from './session-keys.js';

describe('session keys', () => {
  it('are the SHA-256 of the id and the HMAC of the CSRF token under the secret', () => {
    const id = 'abc-session';
    expect(knownIdHash(id)).toBe(createHash('sha256').update(id).digest('hex'));
    expect(expectedCsrfToken('secret-1', id).toString()).toBe(createHmac('sha256', 'secret-1').update(`csrf:${id}`).digest('base64url'));
    expect(csrfTokenFor('secret-1', id)).toBe(expectedCsrfToken('secret-1', id).toString());
  });

  it('derive the CSRF token again for another secret', () => {
    const id = 'two-secrets';
    const a = expectedCsrfToken('secret-a', id).toString();
    const b = expectedCsrfToken('secret-b', id).toString();
    expect(a).not.toBe(b);
    expect(b).toBe(csrfTokenFor('secret-b', id));
  });

  it('keep at most MAX_KEYS ids and still derive a dropped one correctly', () => {
    for (let i = 0; i < MAX_KEYS + 50; i++) knownIdHash(`id-${String(i)}`);
    expect(rememberedKeyCount()).toBe(MAX_KEYS);
    expect(knownIdHash('id-0')).toBe(createHash('sha256').update('id-0').digest('hex'));
    expect(rememberedKeyCount()).toBe(MAX_KEYS);
  });
});
