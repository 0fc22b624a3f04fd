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
    expect(e.message).toBe('Fältet ”Parter nr 1” har fel format.');
    expect(e.location.field).toBe('body.parties.0');
    expect(e.details).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(e.details[1]).toEqual({ field: 'body.parties.1', label: 'Parter nr 2', message: 'Fältet ”Parter nr 2” har fel format.' });
    expect(e.details.at(-1)).toEqual({ field: 'body', label: 'begärans innehåll', message: '… och 199950 fel till.', omitted: 199_950 });
    expect(JSON.stringify(e.toJSON()).length).toBeLessThan(8_000);
  });
  it('never name a personnummer used as a key', () => {
    const key = pnr('19121212', '-', '1212');
    const e = validationError(
      [{ keyword: 'additionalProperties', instancePath: '', schemaPath: '#', params: { additionalProperty: key }, message: 'x' }],
      'body',
    );
    expect(e.message).toBe('Fältet ”[personnummer]” är okänt (stavfel?).');
    expect(isSamverkanError(e) ? e.location.field : '').toBe('body.[personnummer]');
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
    expect(e.message).toMatch(/^Fältet ”x+…” är okänt/);
  });
  it('name the limit of a too large object', () => {
    const e = validationError(
      [{ keyword: 'maxProperties', instancePath: '/values', schemaPath: '#', params: { limit: 200 }, message: 'x' }],
      'body',
    );
    expect(e.message).toBe('Fältet ”Värden” får ha högst 200 nycklar.');
  });
  it('name the field in Swedish, nested fields with where they sit, and keep the JSON path beside it', () => {
    const one = (f: Partial<FastifySchemaValidationError>, part: Parameters<typeof validationError>[1] = 'body') => {
      const e = validationError([{ keyword: 'type', instancePath: '', schemaPath: '#', params: {}, message: 'x', ...f }], part);
      return isSamverkanError(e) ? { message: e.message, field: e.location.field, details: e.details } : {};
    };
    expect(one({ keyword: 'pattern', instancePath: '/vatNumber' })).toMatchObject({
      message: 'Fältet ”Momsregistreringsnummer” har fel format.',
      field: 'body.vatNumber',
      details: [{ field: 'body.vatNumber', label: 'Momsregistreringsnummer' }],
    });
    expect(
      one({
        keyword: 'required',
        params: { missingProperty: 'kind' },
        instancePath: '/products/1',
        schemaPath: '#/properties/products/items/required',
      }),
    ).toMatchObject({
      message: 'Fältet ”Typ (Produkter nr 2)” saknas.',
      field: 'body.products.1.kind',
    });
    expect(
      one({
        keyword: 'pattern',
        instancePath: '/values/2380',
        schemaPath: '#/properties/values/patternProperties/%5E%5Cd%7B4%7D%24/pattern',
      }),
    ).toMatchObject({
      message: 'Fältet ”Värden, 2380” har fel format.',
      field: 'body.values.2380',
    });
    expect(one({ keyword: 'additionalProperties', params: { additionalProperty: 'roll' } })).toMatchObject({
      message: 'Fältet ”roll” är okänt (stavfel?).',
      field: 'body.roll',
    });
    expect(one({ keyword: 'format', instancePath: '/from' }, 'querystring')).toMatchObject({
      message: 'Fältet ”Från och med” har fel format.',
      field: 'query.from',
    });
    expect(one({ keyword: 'type', params: { type: 'object' } })).toMatchObject({ message: 'Begäran saknar en JSON-kropp.', field: 'body' });
    expect(one({ keyword: 'minProperties', params: { limit: 1 } })).toMatchObject({
      message: 'Begärans innehåll måste ha minst 1 nyckel.',
    });
  });
});
