import type { FastifySchemaValidationError } from 'fastify';
import { describe, expect, it } from 'vitest';
import { isSamverkanError } from '@samverkan/core';
import { MAX_REPORTED_PROBLEMS, validationError } from './validation-error.js';

const pnr = (...parts: string[]): string => parts.join('');

function failure(i: number): FastifySchemaValidationError {
  return {
    keyword: 'pattern',
    instancePath: `/parties/${String(i)}`,
    schemaPath: '#/properties/parties/items/pattern',
    params: { pattern: '^x$' },
    message: 'must match',
  };
}

describe('validation errors', () => {
  it('list at most the first 50 problems and count the rest, so the body stays small', () => {
    const e = validationError(
      Array.from({ length: 200_000 }, (_, i) => failure(i)),
      'body',
    );
    expect(isSamverkanError(e)).toBe(true);
    if (!isSamverkanError(e)) return;
    expect(e.message).toBe('Fältet body.parties.0 har fel format.');
    expect(e.details).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(e.details.at(-1)).toEqual({ field: 'body', message: '… och 199950 fel till.', omitted: 199_950 });
    expect(JSON.stringify(e.toJSON()).length).toBeLessThan(8_000);
  });
  it('never name a personnummer used as a key', () => {
    const key = pnr('19121212', '-', '1212');
    const e = validationError(
      [{ keyword: 'additionalProperties', instancePath: '', schemaPath: '#', params: { additionalProperty: key }, message: 'x' }],
      'body',
    );
    expect(e.message).toBe('Fältet body.[personnummer] är okänt (stavfel?).');
    expect(JSON.stringify(isSamverkanError(e) ? e.toJSON() : {})).not.toContain('1212');
  });
  it('cut a huge made-up key when naming it back', () => {
    const e = validationError(
      [
        {
          keyword: 'additionalProperties',
          instancePath: '',
          schemaPath: '#',
          params: { additionalProperty: 'x'.repeat(5000) },
          message: 'x',
        },
      ],
      'querystring',
    );
    expect(e.message.length).toBeLessThan(200);
    expect(e.message).toMatch(/^Fältet query\.x+… är okänt/);
  });
  it('name the limit of a too large object', () => {
    const e = validationError(
      [{ keyword: 'maxProperties', instancePath: '/values', schemaPath: '#', params: { limit: 200 }, message: 'x' }],
      'body',
    );
    expect(e.message).toBe('Fältet body.values får ha högst 200 nycklar.');
  });
});
