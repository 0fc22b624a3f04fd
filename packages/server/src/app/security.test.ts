import { describe, expect, it } from 'vitest';
import { helmetOptions, securityHeaders } from './security.js';

describe('security headers computed once', () => {
  it('are the headers helmet sets for our options: our CSP, same-origin referrers, no COEP', () => {
    const h = securityHeaders(helmetOptions);
    expect(Object.keys(h).sort()).toEqual([
      'content-security-policy',
      'cross-origin-opener-policy',
      'cross-origin-resource-policy',
      'origin-agent-cluster',
      'referrer-policy',
      'strict-transport-security',
      'x-content-type-options',
      'x-dns-prefetch-control',
      'x-download-options',
      'x-frame-options',
      'x-permitted-cross-domain-policies',
      'x-xss-protection',
    ]);
    expect(h['content-security-policy']).toBe(
      "default-src 'self';base-uri 'self';connect-src 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self'",
    );
    expect(h['referrer-policy']).toBe('same-origin');
    expect(h['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('follow the options (a CSP directive changed shows in the header)', () => {
    const h = securityHeaders({
      ...helmetOptions,
      contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'none'"] } },
    });
    expect(h['content-security-policy']).toBe("default-src 'none'");
  });
});
