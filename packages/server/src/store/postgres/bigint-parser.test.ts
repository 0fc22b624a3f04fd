import { describe, expect, it } from 'vitest';
import { isSamverkanError } from '@samverkan/core';
import { parseBigint } from './bigint-parser.js';

describe('pg BIGINT parser', () => {
  it('returns safe integers as numbers', () => {
    expect(parseBigint('-42')).toBe(-42);
    expect(parseBigint('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
  });
  it('refuses a value beyond 2^53 instead of rounding it', () => {
    let caught: unknown;
    try {
      parseBigint('9007199254740993');
    } catch (e) {
      caught = e;
    }
    expect(isSamverkanError(caught) && caught.code).toBe('SAMV_ERR_NOT_INTEGER_ORE');
  });
});
