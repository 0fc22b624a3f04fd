import { expect, test } from 'vitest';
import { lineMatches, parseDec, round2, roundInt, type Dec } from './decimal.js';

const d = (t: string): Dec => {
  const v = parseDec(t);
  if (!v) throw new Error(t);
  return v;
};

test('parses xs:decimal and refuses what is not one', () => {
  expect(parseDec('-12.50')).toEqual({ n: -1250n, scale: 2 });
  expect(parseDec('.5')).toEqual({ n: 5n, scale: 1 });
  expect(parseDec('1e3')).toBeNull();
  expect(parseDec('')).toBeNull();
});

test('rounds like XPath round(): a half towards positive infinity', () => {
  expect(round2(d('2.345'))).toEqual({ n: 235n, scale: 2 });
  expect(round2(d('-2.345'))).toEqual({ n: -234n, scale: 2 });
  expect(round2(d('-2.346'))).toEqual({ n: -235n, scale: 2 });
  expect(roundInt(d('-2.5'))).toBe(-2n);
  expect(roundInt(d('2.5'))).toBe(3n);
});

test('a line matches quantity × price / base within the slack, exactly', () => {
  // 37 minutes at 1 123 kr per 60 minutes = 692.516…: 692.52 is within 0.02, 692.54 is not.
  expect(lineMatches(d('692.52'), d('37'), d('1123.00'), d('60'), d('0'), d('0.02'))).toBe(true);
  expect(lineMatches(d('692.53'), d('37'), d('1123.00'), d('60'), d('0'), d('0.02'))).toBe(true);
  expect(lineMatches(d('692.54'), d('37'), d('1123.00'), d('60'), d('0'), d('0.02'))).toBe(false);
  expect(lineMatches(d('-1500'), d('-3'), d('500'), d('1'), d('0'), d('0.02'))).toBe(true);
});
