/**
 * Price-index series (economy.md, Common rules): SKR publishes VPI, OPI and LPIK yearly. A series
 * is stored as one exact percentage change per year with its source and whether the value is an
 * outcome (utfall) or a forecast (prognos). Values are exact rationals: "2,9" is 29/10, never a
 * float. A year that is not in the series is an error, never zero.
 */
import { compareRational, formatRational, parseDecimal, rational, type Rational } from '../decimal.js';
import { SamverkanError } from '../errors.js';
import type { IndexUse } from '../trace.js';

/** The three SKR index series the agreement uses. */
export const indexSeriesNames = ['VPI', 'OPI', 'LPIK'] as const;
export type IndexSeriesName = (typeof indexSeriesNames)[number];

/** Swedish names of the series, for messages. */
export const indexSeriesTitles: Readonly<Record<IndexSeriesName, string>> = {
  VPI: 'vårdprisindex (VPI)',
  OPI: 'omsorgsprisindex (OPI)',
  LPIK: 'landstingsprisindex exklusive läkemedel (LPIK)',
};

/** Whether a published index value is an outcome or a forecast. */
export type IndexKind = 'outcome' | 'forecast';

/** One year's percentage change of one series. */
export interface IndexPoint {
  readonly series: IndexSeriesName;
  readonly year: number;
  /** Percent change as an exact rational (2,9 % → 29/10). */
  readonly percent: Rational;
  readonly kind: IndexKind;
  readonly source?: string;
  /** Publication date (ISO) when known. */
  readonly published?: string;
  /** True for an example value (not published by SKR): every result that uses it says so. */
  readonly example?: boolean;
}

/** A set of index values keyed by series and year. */
export interface IndexSeries {
  readonly points: ReadonlyMap<string, IndexPoint>;
}

/** One raw row, as read from a file or a form; `file`/`line` name it in errors. */
export interface IndexRow {
  readonly series: string;
  readonly year: string | number;
  readonly percent: string;
  readonly source?: string;
  readonly kind?: string;
  readonly published?: string;
  /** True for an example value (see `IndexPoint.example`). */
  readonly example?: boolean;
  readonly file?: string;
  readonly line?: number;
}

/** An index set with no values: every lookup of it fails with the missing-index error. */
export const EMPTY_INDEX_SERIES: IndexSeries = { points: new Map() };

const keyOf = (series: IndexSeriesName, year: number): string => `${series}:${String(year)}`;

function where(row: IndexRow): string {
  const parts = [row.file, row.line === undefined ? undefined : `rad ${String(row.line)}`].filter((p) => p !== undefined);
  return parts.length > 0 ? `${parts.join(' ')}: ` : '';
}

function rowError(row: IndexRow, field: string, message: string, value: unknown): SamverkanError {
  return new SamverkanError('SAMV_ERR_INVALID_INPUT', `${where(row)}${message}`, {
    field,
    value,
    ...(row.file === undefined ? {} : { file: row.file }),
    ...(row.line === undefined ? {} : { line: row.line }),
  });
}

function parseSeriesName(row: IndexRow): IndexSeriesName {
  const name = row.series.trim().toUpperCase();
  const found = indexSeriesNames.find((n) => n === name);
  if (!found) throw rowError(row, 'series', `okänd indexserie "${row.series}" (tillåtna: ${indexSeriesNames.join(', ')}).`, row.series);
  return found;
}

function parseYear(row: IndexRow): number {
  const text = String(row.year).trim();
  if (!/^\d{4}$/.test(text)) throw rowError(row, 'year', `året "${text}" är inget årtal (ÅÅÅÅ).`, row.year);
  return Number(text);
}

function parseKind(row: IndexRow): IndexKind {
  const k = (row.kind ?? '').trim().toLowerCase();
  if (k === '' || k === 'outcome' || k === 'utfall') return 'outcome';
  if (k === 'forecast' || k === 'prognos') return 'forecast';
  throw rowError(row, 'kind', `typen "${row.kind ?? ''}" ska vara utfall (outcome) eller prognos (forecast).`, row.kind);
}

function parsePercent(row: IndexRow): Rational {
  let p: Rational;
  try {
    p = parseDecimal(row.percent, 'percent');
  } catch {
    throw rowError(row, 'percent', `procentsatsen "${row.percent}" är inget decimaltal (skriv t.ex. 2,9 eller 2.9).`, row.percent);
  }
  // 1 + r/100 must stay positive, or an uplift would flip the sign of a price.
  if (compareRational(p, rational(-100n)) <= 0)
    throw rowError(row, 'percent', `procentsatsen ${row.percent} är orimlig (måste vara större än −100).`, row.percent);
  return p;
}

/** Build an index set from rows; a series–year given twice is an error naming both places. */
export function buildIndexSeries(rows: readonly IndexRow[]): IndexSeries {
  const points = new Map<string, IndexPoint>();
  const firstSeen = new Map<string, IndexRow>();
  for (const row of rows) {
    const series = parseSeriesName(row);
    const year = parseYear(row);
    const key = keyOf(series, year);
    const earlier = firstSeen.get(key);
    if (earlier) {
      throw rowError(
        row,
        'year',
        `${series} ${String(year)} förekommer två gånger${earlier.line === undefined ? '' : ` (även rad ${String(earlier.line)})`}.`,
        year,
      );
    }
    firstSeen.set(key, row);
    const source = row.source?.trim();
    const published = row.published?.trim();
    points.set(key, {
      series,
      year,
      percent: parsePercent(row),
      kind: parseKind(row),
      ...(source ? { source } : {}),
      ...(published ? { published } : {}),
      ...(row.example === true ? { example: true } : {}),
    });
  }
  return { points };
}

/** The value of `series` for `year`; a missing year is `SAMV_ERR_MISSING_INDEX` naming series and year. */
export function indexPoint(index: IndexSeries, series: IndexSeriesName, year: number): IndexPoint {
  const p = index.points.get(keyOf(series, year));
  if (!p) {
    throw new SamverkanError(
      'SAMV_ERR_MISSING_INDEX',
      `Indexvärde saknas: ${series} för år ${String(year)} behövs men finns inte. Lägg in SKR:s publicerade värde för ${indexSeriesTitles[series]} ${String(year)}; ett saknat år räknas aldrig som noll.`,
      { field: `${series} ${String(year)}`, value: { series, year } },
    );
  }
  return p;
}

/** Every point of one series, in year order. */
export function seriesPoints(index: IndexSeries, series: IndexSeriesName): IndexPoint[] {
  return [...index.points.values()].filter((p) => p.series === series).sort((a, b) => a.year - b.year);
}

/** The trace shape of an index value (percent as an exact decimal string with a point). */
export function indexUse(p: IndexPoint): IndexUse {
  return {
    series: p.series,
    year: p.year,
    percent: formatRational(p.percent, 12),
    kind: p.kind,
    ...(p.source === undefined ? {} : { source: p.source }),
    ...(p.published === undefined ? {} : { published: p.published }),
    ...(p.example === true ? { example: true as const } : {}),
  };
}
