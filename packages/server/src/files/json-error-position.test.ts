import { describe, expect, it } from 'vitest';
import { jsonErrorLine } from './json-error-position.js';

describe('jsonErrorLine', () => {
  it('accepts valid JSON', () => {
    for (const ok of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e5"]}\n', '"s"', '0'])
      expect(jsonErrorLine(ok)).toBeUndefined();
  });
  it.each([
    ['{\n  "housing": "ordinart",\n  "cfs": ,\n}', 3],
    ['{"a": 1,\n}', 2],
    ['{\n"a": 01}', 2],
    ['{"a": tru}', 1],
    ['{"a": 1}\n\n x', 3],
    ['{"a": "open\n', 1],
    ['', 1],
    ['[1,\n2,\n3', 3],
  ])('finds the line of the first error in %j', (text, line) => {
    expect(jsonErrorLine(text)).toBe(line);
  });
  it('agrees with JSON.parse on what is valid', () => {
    for (const t of ['{"a":}', '[1 2]', '{"a" 1}', '{a: 1}', '[.5]', '["\\x"]', '{"a":1}']) {
      let valid = true;
      try {
        JSON.parse(t);
      } catch {
        valid = false;
      }
      expect(jsonErrorLine(t) === undefined).toBe(valid);
    }
  });
});
