/**
 * Seeded generators of the other record kinds' CSVs (imports/kinds/*), Swedish column names,
 * semicolons, UTF-8 with BOM, decimal commas, municipalities by name or code — every row valid,
 * and the state kinds' rows each of their own identity (date and municipality, year, area). With
 * each file the per-pair-per-month sums the rows should give, in öre or minutes, for the checks
 * against DuckDB (bench/import/kind-totals.ts).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mulberry32 } from '../responsibility/generate.js';
import { MUNICIPALITIES } from './daytime-assignments.js';

/** A kind's generated file. */
export interface KindFile {
  readonly kind: string;
  readonly rows: number;
  readonly bytes: number;
}

interface KindSpec {
  readonly header: readonly string[];
  /** Rows the kind can hold at most in one file (state kinds: one per identity). */
  readonly max: number;
  row(rnd: () => number, i: number): readonly string[];
}

const kronor = (ore: number): string => `${String(Math.floor(ore / 100))},${String(ore % 100).padStart(2, '0')}`;
const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] ?? (list[0] as T);
const municipality = (rnd: () => number): string => {
  const [code, name] = pick(rnd, MUNICIPALITIES);
  return rnd() < 0.5 ? code : name;
};
const day = (rnd: () => number, month: string): string => `${month}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
/** Day `i` from 2020-01-01 (a distinct date per i, for the state kinds' identities). */
const nthDate = (i: number): string => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);

/** The kinds, by import name. */
export const recordKindSpecs: Readonly<Record<string, KindSpec>> = {
  'ombud-tasks': {
    header: ['datum', 'kommun', 'enhet', 'insatstid', 'administration', 'återrapportering', 'restid', 'resa samordnad', 'referens'],
    max: Number.MAX_SAFE_INTEGER,
    row: (rnd, i) => [
      day(rnd, '2026-09'),
      municipality(rnd),
      rnd() < 0.5 ? 'syncentralen' : 'hörcentralen',
      String(15 + Math.floor(rnd() * 120)),
      String(Math.floor(rnd() * 15)),
      String(Math.floor(rnd() * 10)),
      String(Math.floor(rnd() * 40)),
      rnd() < 0.3 ? 'ja' : 'nej',
      `O-${String(i + 1)}`,
    ],
  },
  'mt-work-orders': {
    header: ['datum', 'kommun', 'minuter', 'resekostnad', 'förbrukningsmaterial', 'reservdelar', 'arbetsorder'],
    max: Number.MAX_SAFE_INTEGER,
    row: (rnd, i) => [
      day(rnd, '2026-09'),
      municipality(rnd),
      String(10 + Math.floor(rnd() * 200)),
      kronor(Math.floor(rnd() * 200_000)),
      kronor(Math.floor(rnd() * 50_000)),
      rnd() < 0.5 ? '0' : kronor(Math.floor(rnd() * 300_000)),
      `AO-${String(i + 1)}`,
    ],
  },
  'inpatient-staff': {
    header: ['datum', 'kommun', 'överenskommelse', 'skriftlig överenskommelse', 'typ', 'belopp'],
    max: Number.MAX_SAFE_INTEGER,
    row: (rnd, i) => [
      day(rnd, '2026-09'),
      municipality(rnd),
      rnd() < 0.5 ? 'ORD' : 'SABO',
      `ÖK-${String(i + 1)}`,
      rnd() < 0.7 ? 'lön' : 'färdtid',
      kronor(10_000 + Math.floor(rnd() * 5_000_000)),
    ],
  },
  'mt-inventory': {
    header: ['inventeringsdatum', 'kommun', 'antal'],
    max: 8 * 3000,
    row: (rnd, i) => {
      const [code, name] = MUNICIPALITIES[i % 8] ?? MUNICIPALITIES[0];
      return [nthDate(Math.floor(i / 8)), rnd() < 0.5 ? code : name, String(Math.floor(rnd() * 500))];
    },
  },
  population: {
    header: ['datum', 'kommun', 'folkmängd', 'källa'],
    max: 8 * 3000,
    row: (rnd, i) => {
      const [code, name] = MUNICIPALITIES[i % 8] ?? MUNICIPALITIES[0];
      return [nthDate(Math.floor(i / 8)), rnd() < 0.5 ? code : name, String(2000 + Math.floor(rnd() * 60_000)), 'SCB (genererad)'];
    },
  },
  'connected-counts': {
    header: ['år', 'antal', 'källa'],
    max: 1000,
    row: (rnd, i) => [String(2000 + i), String(Math.floor(rnd() * 400)), 'genererad'],
  },
  'development-budgets': {
    header: ['år', 'område', 'budget', 'utfall'],
    max: Number.MAX_SAFE_INTEGER,
    row: (rnd, i) => [String(2026 + (i % 4)), `Område ${String(Math.floor(i / 4) + 1)}`, kronor(Math.floor(rnd() * 100_000_000)), ''],
  },
};

/** Write `n` rows of `kind` (at most what the kind can hold in one file) to `path`. */
export async function writeKindCsv(path: string, kind: string, n: number, seed: number): Promise<KindFile> {
  const spec = recordKindSpecs[kind];
  if (spec === undefined) throw new Error(`no generator for ${kind}`);
  const rows = Math.min(n, spec.max);
  const rnd = mulberry32(seed);
  const out = createWriteStream(path);
  let bytes = 0;
  const put = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await put(`\uFEFF${spec.header.join(';')}\r\n`);
  let block = '';
  for (let i = 0; i < rows; i++) {
    block += `${spec.row(rnd, i).join(';')}\r\n`;
    if (block.length > 65_536) {
      await put(block);
      block = '';
    }
  }
  await put(block);
  out.end();
  await once(out, 'finish');
  return { kind, rows, bytes };
}
