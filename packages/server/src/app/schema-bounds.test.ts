import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { boundSchema, DEFAULT_BOUNDS, FINITE, unboundedSpots } from './schema-bounds.js';

/** The value at `path` inside a schema (tests read plain JSON). */
function at(v: unknown, ...path: (string | number)[]): unknown {
  return path.reduce<unknown>((o, k) => (typeof o === 'object' && o !== null ? (o as Record<string | number, unknown>)[k] : undefined), v);
}

describe('schema bounds', () => {
  const schema = Type.Object({
    text: Type.String(),
    short: Type.String({ maxLength: 20 }),
    kind: Type.Union([Type.Literal('a'), Type.Literal('b')]),
    list: Type.Array(Type.Object({ n: Type.Integer(), x: Type.Number({ minimum: 0 }) })),
    map: Type.Record(Type.String(), Type.String()),
    maybe: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  });

  it('adds a default bound wherever a string, array, object or number states none', () => {
    expect(unboundedSpots(schema).map((s) => `${s.path} ${s.missing}`)).toEqual(
      expect.arrayContaining([
        '/properties/text maxLength',
        '/properties/list maxItems',
        '/properties/list/items/properties/n maximum',
        '/properties/map maxProperties',
      ]),
    );
    const bounded = boundSchema(schema);
    expect(unboundedSpots(bounded)).toEqual([]);
    expect(at(bounded, 'properties', 'text', 'maxLength')).toBe(DEFAULT_BOUNDS.maxLength);
    expect(at(bounded, 'properties', 'list', 'maxItems')).toBe(DEFAULT_BOUNDS.maxItems);
    expect(at(bounded, 'properties', 'list', 'items', 'properties', 'n')).toMatchObject({
      minimum: DEFAULT_BOUNDS.minimum,
      maximum: DEFAULT_BOUNDS.maximum,
      [FINITE]: true,
    });
    expect(at(bounded, 'properties', 'map', 'maxProperties')).toBe(DEFAULT_BOUNDS.maxProperties);
  });

  it('keeps stated limits and literals, and leaves the input unchanged', () => {
    const bounded = boundSchema(schema);
    expect(at(bounded, 'properties', 'short', 'maxLength')).toBe(20);
    expect(at(bounded, 'properties', 'list', 'items', 'properties', 'x', 'minimum')).toBe(0);
    expect(at(bounded, 'properties', 'kind', 'anyOf', 0)).not.toHaveProperty('maxLength');
    expect(schema.properties.text).not.toHaveProperty('maxLength');
    expect(schema.properties.list).not.toHaveProperty('maxItems');
  });
});
