/**
 * Scenario index values for one calculation: `index: [{ series, year, percent }]` replaces the
 * stored value of that series and year for this request only (nothing is stored). The trace shows
 * each replaced value with source "scenario", so a result computed on assumed indexation can
 * never pass for one on the published values.
 */
import Type from 'typebox';
import { buildIndexSeries, isSamverkanError, SamverkanError, type IndexPoint, type IndexSeries } from '@samverkan/core';
import { DecimalText } from '../../app/schemas.js';

/** The optional `index` member of a calculation body. */
export const ScenarioIndexSchema = Type.Optional(
  Type.Array(
    Type.Object(
      {
        series: Type.Union([Type.Literal('VPI'), Type.Literal('OPI'), Type.Literal('LPIK')]),
        year: Type.Integer({ minimum: 2000, maximum: 2200 }),
        percent: DecimalText,
      },
      { additionalProperties: false },
    ),
    { maxItems: 60, description: 'Scenario: indexvärden som ersätter de lagrade för just den här beräkningen (sparas inte)' },
  ),
);

/** One scenario value as sent. */
export interface ScenarioIndexValue {
  readonly series: string;
  readonly year: number;
  readonly percent: string;
}

/** `stored` with each scenario value put in place of the stored one (kind kept; a new year is a forecast). */
export function withScenarioIndex(stored: IndexSeries, scenario: readonly ScenarioIndexValue[] | undefined): IndexSeries {
  if (scenario === undefined || scenario.length === 0) return stored;
  const points = new Map<string, IndexPoint>(stored.points);
  const seen = new Set<string>();
  scenario.forEach((v, i) => {
    const key = `${v.series}:${String(v.year)}`;
    const where = `index[${String(i)}]`;
    if (seen.has(key))
      throw new SamverkanError(
        'SAMV_ERR_INVALID_INPUT',
        `${where}.year: ${v.series} ${String(v.year)} förekommer två gånger i scenariot.`,
        { field: `${where}.year`, value: v },
      );
    seen.add(key);
    let built: IndexSeries;
    try {
      built = buildIndexSeries([
        { series: v.series, year: v.year, percent: v.percent, kind: stored.points.get(key)?.kind ?? 'forecast', source: 'scenario' },
      ]);
    } catch (e) {
      if (!isSamverkanError(e)) throw e;
      const field = `${where}.${e.location.field ?? 'percent'}`;
      throw new SamverkanError(e.code, `${field}: ${e.message}`, { field, value: v });
    }
    for (const p of built.points.values()) points.set(key, p);
  });
  return { points };
}
