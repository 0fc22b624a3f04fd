/**
 * The compact form of a line's steps gives every reader the same steps as the full JSON did: for
 * any steps (of the known shapes, near misses of them, and anything else), decoding what
 * `encodeSteps` stored gives the very JSON text `JSON.stringify(steps)` would have stored.
 */
import fc from 'fast-check';
import type { CalculationStep } from '@samverkan/core';
import { describe, expect, it } from 'vitest';
import { decodeSteps, encodeSteps } from './line-steps.js';

/** A daytime record's steps as a run stores them (flow-records.ts sourceStep + core's two steps). */
const dagtid: CalculationStep[] = JSON.parse(
  '[{"id":"underlag:00002ce6-1915-4b9f-ab05-fc22362cf6e2","description":"Importerad post: dagtid-2026-02.csv, rad 46593","inputs":{"fil":"dagtid-2026-02.csv","rad":46593,"post":"00002ce6-1915-4b9f-ab05-fc22362cf6e2","import":"bca1dc20-c35b-4d4f-909c-19eb7b4ca660"},"result":null},' +
    '{"id":"uppdrag[46591]:minuter","description":"Debiterbar tid","formula":"insatstid + administration + återrapportering + restid (om resan inte kunde samordnas)","inputs":{"insatstid":91,"administration":0,"återrapportering":0,"restid":0,"restidRäknas":true},"result":91,"unit":"minuter","clauses":["ORD.uppdrag-dagtid"]},' +
    '{"id":"uppdrag[46591]:belopp","description":"Påbörjade timmar × timpris","formula":"ceil(minuter / 60) × timpris","inputs":{"minuter":91,"påbörjadeTimmar":2,"timprisÖre":66000},"result":132000,"unit":"öre","clauses":["ORD.uppdrag-dagtid"]}]',
) as CalculationStep[];

const sameText = (steps: readonly unknown[]): void => {
  const stored = encodeSteps(steps as CalculationStep[]);
  expect(JSON.stringify(decodeSteps(stored))).toBe(JSON.stringify(steps));
};

const leaf = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom('', 'underlag:', ', rad ', ']:belopp', 'uppdrag['),
);

/** A known step with some of its fields replaced, removed, added or moved. */
const nearMiss = fc
  .record({
    base: fc.constantFrom(...dagtid),
    replace: fc.array(fc.tuple(fc.constantFrom('id', 'description', 'formula', 'result', 'unit', 'clauses', 'inputs', 'extra'), leaf), {
      maxLength: 3,
    }),
    input: fc.array(fc.tuple(fc.constantFrom('fil', 'rad', 'post', 'import', 'minuter', 'restid', 'timprisÖre', 'x'), leaf), {
      maxLength: 3,
    }),
    drop: fc.option(fc.constantFrom('id', 'description', 'formula', 'result', 'unit', 'clauses', 'inputs')),
    reverse: fc.boolean(),
  })
  .map(({ base, replace, input, drop, reverse }) => {
    const step: Record<string, unknown> = { ...base, inputs: { ...base.inputs } };
    for (const [k, v] of input) (step['inputs'] as Record<string, unknown>)[k] = v;
    for (const [k, v] of replace) step[k] = v;
    const entries = Object.entries(step).filter(([k]) => k !== drop);
    return Object.fromEntries(reverse ? entries.reverse() : entries);
  });

/** A known step with other values in its value places (what other records give). */
const otherValues = fc
  .record({
    n: fc.nat(),
    fil: fc.string(),
    rad: fc.oneof(fc.nat(), fc.string()),
    post: fc.uuid(),
    imp: fc.uuid(),
    v: fc.array(leaf, { minLength: 6, maxLength: 6 }),
  })
  .chain(({ n, fil, rad, post, imp, v }) =>
    fc.constantFrom<unknown>(
      {
        id: `underlag:${post}`,
        description: `Importerad post: ${fil}, rad ${String(rad)}`,
        inputs: { fil, rad, post, import: imp },
        result: null,
      },
      {
        ...dagtid[1],
        id: `uppdrag[${String(n)}]:minuter`,
        inputs: { insatstid: v[0], administration: v[1], återrapportering: v[2], restid: v[3], restidRäknas: v[4] },
        result: v[5],
      },
      {
        ...dagtid[2],
        id: `uppdrag[${String(n)}]:belopp`,
        inputs: { minuter: v[0], påbörjadeTimmar: v[1], timprisÖre: v[2] },
        result: v[3],
      },
    ),
  );

describe('compact line steps', () => {
  it('stores a daytime record’s steps as values only and reads back the same text', () => {
    const stored = encodeSteps(dagtid);
    expect(stored.startsWith('{"v":1,')).toBe(true);
    expect(stored.length).toBeLessThan(JSON.stringify(dagtid).length / 4);
    expect(JSON.stringify(decodeSteps(stored))).toBe(JSON.stringify(dagtid));
    expect(decodeSteps(stored)).toStrictEqual(dagtid);
  });

  it('reads lines stored before the compact form as they were', () => {
    const text = JSON.stringify(dagtid);
    expect(decodeSteps(text)).toStrictEqual(dagtid);
    expect(decodeSteps('[]')).toStrictEqual([]);
  });

  it('stores steps of no known shape as the plain array', () => {
    const other = [
      {
        id: 'kreditering',
        description: 'Raden krediteras med omvänt tecken',
        inputs: { krediteradRad: 'x', beloppÖre: 5 },
        result: -5,
        unit: 'öre',
      },
    ];
    expect(encodeSteps(other)).toBe(JSON.stringify(other));
  });

  it('gives back the same text for any steps: known shapes with any values, near misses, mixtures', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...dagtid), nearMiss, otherValues), { maxLength: 6 }), (steps) => {
        sameText(steps);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses a stored entry it cannot decode exactly', () => {
    expect(() => decodeSteps('{"v":1,"s":[[9,1]]}')).toThrow(/template 9/);
    expect(() => decodeSteps('{"v":1,"s":[[2,"1",2]]}')).toThrow(/template 2/);
    expect(() => decodeSteps('{"v":2,"s":[]}')).toThrow(/unknown form/);
  });
});
