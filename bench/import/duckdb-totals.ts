/**
 * The peer: DuckDB (`@duckdb/node-api`, in memory) reads a daytime-assignments CSV and computes the
 * per-pair-per-month totals in SQL, the way an analyst would do it with DuckDB: `read_csv` with the
 * Swedish dialect (semicolon, UTF-8 with BOM, decimal comma in minutes), municipality names mapped
 * to codes, billable minutes = the exact sum of the parts rounded up, started hours × the hourly
 * rate, daytime (08:00–17:00) and not Storsjögläntan only — the same rules as ours (our-totals.ts).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { MUNICIPALITIES } from '../generate/daytime-assignments.js';
import type { PairTotal } from './pair-totals.js';

function minutes(column: string): string {
  return `coalesce(CAST(replace(nullif(trim("${column}"), ''), ',', '.') AS DECIMAL(18,6)), 0)`;
}

function party(column: string): string {
  return `CASE WHEN lower(trim("${column}")) IN ('region', 'regionen', 'region jämtland härjedalen') THEN 'region' ELSE (SELECT m.code FROM m WHERE m.code = trim("${column}") OR lower(m.name) = lower(trim("${column}"))) END`;
}

/** The SQL of the totals over the CSV at `path` (single quotes in the path doubled). */
export function totalsSql(path: string, rateOre: number): string {
  const municipalities = MUNICIPALITIES.map(([code, name]) => `('${code}', '${name}')`).join(', ');
  return `
WITH m(code, name) AS (VALUES ${municipalities}),
r AS (SELECT * FROM read_csv('${path.replaceAll("'", "''")}', delim = ';', header = true, all_varchar = true, quote = '"')),
p AS (
  SELECT ${party('utförare')} AS seller, ${party('beställare')} AS buyer, substr(datum, 1, 7) AS period,
    CAST(ceil(${minutes('insatstid')} + ${minutes('administration')} + ${minutes('återrapportering')}
      + CASE WHEN lower(trim(coalesce("resa samordnad", ''))) = 'ja' THEN 0 ELSE ${minutes('restid')} END) AS BIGINT) AS billable,
    lpad(trim(starttid), 5, '0') AS start, lower(trim(coalesce("storsjögläntan", ''))) = 'ja' AS storsjoglantan
  FROM r)
SELECT seller, buyer, period, CAST(sum((billable + 59) // 60) * ${String(rateOre)} AS BIGINT) AS ore, CAST(count(*) AS BIGINT) AS records
FROM p WHERE start >= '08:00' AND start < '17:00' AND NOT storsjoglantan
GROUP BY seller, buyer, period ORDER BY seller, buyer, period`;
}

/** DuckDB's totals for the CSV at `path` (a fresh in-memory database each call). */
export async function duckdbTotals(path: string, rateOre: number): Promise<PairTotal[]> {
  const instance = await DuckDBInstance.create(':memory:');
  try {
    const connection = await instance.connect();
    try {
      const reader = await connection.runAndReadAll(totalsSql(path, rateOre));
      const text = (v: unknown): string => {
        if (typeof v !== 'string') throw new Error(`DuckDB answered ${typeof v} where a text was expected`);
        return v;
      };
      return reader.getRowObjectsJS().map((r) => ({
        seller: text(r['seller']),
        buyer: text(r['buyer']),
        period: text(r['period']),
        ore: Number(r['ore']),
        records: Number(r['records']),
      }));
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}
