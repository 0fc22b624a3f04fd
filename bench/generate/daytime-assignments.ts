/**
 * Seeded, streaming generator of a Swedish daytime-assignments CSV (`samverkan import uppdrag-dagtid`):
 * semicolon-separated, UTF-8 with BOM, decimal comma in some minute values, the Swedish column
 * names of packages/server/src/imports/kinds/daytime-assignments.ts. Every row is valid and
 * distinct (a unique reference), daytime (08:00–16:59), in one month, between the region and one
 * of the eight municipalities in either direction. Shared by the suites (import, sqlite-vs-postgres).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mulberry32 } from '../responsibility/generate.js';

/** The eight municipalities of the agreement, by code (the CSV names some by name, some by code). */
export const MUNICIPALITIES = [
  ['2303', 'Ragunda'],
  ['2305', 'Bräcke'],
  ['2309', 'Krokom'],
  ['2313', 'Strömsund'],
  ['2321', 'Åre'],
  ['2326', 'Berg'],
  ['2361', 'Härjedalen'],
  ['2380', 'Östersund'],
] as const;

export const DAYTIME_HEADER = [
  'datum',
  'starttid',
  'utförare',
  'beställare',
  'insatstid',
  'administration',
  'återrapportering',
  'restid',
  'resa samordnad',
  'storsjögläntan',
  'referens',
];

/** One generated row as the CSV cells, plus what it should bill (for checks). */
export interface DaytimeRow {
  readonly cells: readonly string[];
  readonly seller: string;
  readonly buyer: string;
}

/** Row i of the seeded sequence (deterministic in seed and i only through the shared PRNG stream). */
function nextRow(rnd: () => number, i: number, month: string): DaytimeRow {
  const [code, name] = MUNICIPALITIES[Math.floor(rnd() * MUNICIPALITIES.length)] ?? MUNICIPALITIES[0];
  const municipality = rnd() < 0.5 ? code : name;
  const regionLends = rnd() < 0.5;
  const day = 1 + Math.floor(rnd() * 28);
  const hour = 8 + Math.floor(rnd() * 9);
  const minute = Math.floor(rnd() * 60);
  const intervention = 15 + Math.floor(rnd() * 150);
  const half = rnd() < 0.1;
  const travelCombined = rnd() < 0.3;
  const cells = [
    `${month}-${String(day).padStart(2, '0')}`,
    `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
    regionLends ? 'region' : municipality,
    regionLends ? municipality : 'region',
    half ? `${String(intervention)},5` : String(intervention),
    String(Math.floor(rnd() * 20)),
    String(Math.floor(rnd() * 10)),
    String(Math.floor(rnd() * 40)),
    travelCombined ? 'ja' : 'nej',
    'nej',
    `B-${String(i + 1)}`,
  ];
  return { cells, seller: regionLends ? 'region' : code, buyer: regionLends ? code : 'region' };
}

/** The rows in memory (small counts; tests and checks). */
export function daytimeRows(count: number, seed: number, month = '2026-09'): DaytimeRow[] {
  const rnd = mulberry32(seed);
  return Array.from({ length: count }, (_, i) => nextRow(rnd, i, month));
}

/** Write `count` rows to `path`, streaming (memory stays flat for a million rows); returns the bytes written. */
export async function writeDaytimeCsv(path: string, count: number, seed: number, month = '2026-09'): Promise<number> {
  const rnd = mulberry32(seed);
  const out = createWriteStream(path, { encoding: 'utf8' });
  let bytes = 0;
  const write = async (s: string): Promise<void> => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(`\uFEFF${DAYTIME_HEADER.join(';')}\r\n`);
  let chunk = '';
  for (let i = 0; i < count; i++) {
    chunk += `${nextRow(rnd, i, month).cells.join(';')}\r\n`;
    if (chunk.length > 64 * 1024) {
      await write(chunk);
      chunk = '';
    }
  }
  if (chunk !== '') await write(chunk);
  out.end();
  await once(out, 'finish');
  return bytes;
}
