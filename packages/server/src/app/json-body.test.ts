import { describe, expect, it } from 'vitest';
import { jsonDepthExceeds } from './json-body.js';

describe('JSON nesting depth', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonDepthExceeds('{"a":[{"b":[1]}]}', 4)).toBe(false);
    expect(jsonDepthExceeds('{"a":[{"b":[1]}]}', 3)).toBe(true);
    expect(jsonDepthExceeds(JSON.stringify({ s: '[[[[[[[[{{{{{{' }), 1)).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ s: 'a\\"[[[[' }), 1)).toBe(false);
  });
  it('stops at the limit on a deep document', () => {
    expect(jsonDepthExceeds('['.repeat(1_000_000), 32)).toBe(true);
  });
});
