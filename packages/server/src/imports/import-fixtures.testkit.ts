/**
 * Test support: one small file per import kind, writable in every dialect the imports accept —
 * Swedish headers with semicolons and decimal commas, English headers with commas and decimal
 * points (municipalities as codes), Windows-1252, UTF-8 with BOM, and Excel built with exceljs.
 * Every dialect holds the SAME records, so after the first import the others must add nothing.
 */
import ExcelJS from 'exceljs';
import { csvText, encode } from './upload.testkit.js';

/** A cell written differently per dialect. */
interface Cell {
  readonly sv: string;
  readonly en: string;
}

const c = (sv: string, en = sv): Cell => ({ sv, en });

/** One kind's test file. */
export interface KindFixture {
  readonly kind: string;
  /** Who imports it (reference data: the administrator). */
  readonly user: 'ekonom.region' | 'admin';
  readonly sv: readonly string[];
  readonly en: readonly string[];
  readonly rows: readonly (readonly (Cell | string)[])[];
  /** Records the rows become (allocation keys: one per key). */
  readonly records: number;
}

const munis: readonly [string, string][] = [
  ['Berg', '2326'],
  ['Bräcke', '2305'],
  ['Härjedalen', '2361'],
  ['Krokom', '2309'],
  ['Ragunda', '2303'],
  ['Strömsund', '2313'],
  ['Åre', '2321'],
  ['Östersund', '2380'],
];

/** The fixtures, one per kind. */
export const kindFixtures: readonly KindFixture[] = [
  {
    kind: 'daytime-assignments',
    user: 'ekonom.region',
    sv: [
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
    ],
    en: [
      'date',
      'start',
      'lender',
      'hirer',
      'intervention',
      'administration',
      'reporting',
      'travel',
      'travel_combinable',
      'storsjoglantan',
      'reference',
    ],
    rows: [
      ['2026-05-04', '09:00', c('Östersund', '2380'), 'region', '50', '10', '5', '20', c('nej', 'no'), c('nej', 'no'), 'T-1'],
      ['2026-05-05', '13:15', 'region', c('Krokom', '2309'), '61', '0', '0', '0', c('ja', 'yes'), c('nej', 'no'), 'T-2'],
    ],
    records: 2,
  },
  {
    kind: 'ombud-tasks',
    user: 'ekonom.region',
    sv: ['datum', 'kommun', 'enhet', 'insatstid', 'administration', 'återrapportering', 'restid', 'resa samordnad', 'referens'],
    en: ['date', 'municipality', 'service', 'intervention', 'administration', 'reporting', 'travel', 'travel_combinable', 'reference'],
    rows: [
      ['2026-05-06', c('Åre', '2321'), 'syncentralen', '40', '5', '5', '0', c('nej', 'no'), 'O-1'],
      ['2026-05-07', c('Berg', '2326'), c('hörcentralen', 'horcentralen'), '70', '0', '0', '0', c('nej', 'no'), 'O-2'],
    ],
    records: 2,
  },
  {
    kind: 'mt-work-orders',
    user: 'ekonom.region',
    sv: ['datum', 'kommun', 'minuter', 'resekostnad', 'förbrukningsmaterial', 'reservdelar', 'arbetsorder'],
    en: ['date', 'municipality', 'minutes', 'travel_cost', 'consumables', 'spare_parts', 'work_order'],
    rows: [['2026-05-08', c('Strömsund', '2313'), '95', c('1 250,50', '1250.50'), '0', c('99,90', '99.9'), 'AO-1']],
    records: 1,
  },
  {
    kind: 'mt-inventory',
    user: 'ekonom.region',
    sv: ['inventeringsdatum', 'kommun', 'antal'],
    en: ['snapshot_date', 'municipality', 'devices'],
    rows: munis.map(([name, code], i) => ['2026-06-30', c(name, code), String(40 + i * 10)]),
    records: 8,
  },
  {
    kind: 'inpatient-staff',
    user: 'ekonom.region',
    sv: ['datum', 'kommun', 'överenskommelse', 'skriftlig överenskommelse', 'typ', 'belopp'],
    en: ['date', 'municipality', 'document', 'agreement_ref', 'kind', 'amount_sek'],
    rows: [
      ['2026-05-11', c('Ragunda', '2303'), 'ORD', 'ÖK-7', c('lön', 'salary'), c('12 345,67', '12345.67')],
      ['2026-05-11', c('Ragunda', '2303'), 'SABO', 'ÖK-7', c('färdtid', 'travel-time'), c('450,00', '450')],
    ],
    records: 2,
  },
  {
    kind: 'connected-counts',
    user: 'ekonom.region',
    sv: ['år', 'antal', 'källa'],
    en: ['year', 'count', 'source'],
    rows: [['2027', '150', 'test']],
    records: 1,
  },
  {
    kind: 'index-values',
    user: 'admin',
    sv: ['serie', 'år', 'procent', 'typ', 'källa'],
    en: ['series', 'year', 'percent', 'kind', 'source'],
    rows: [
      ['VPI', '2030', c('2,5', '2.5'), c('prognos', 'forecast'), 'testkälla'],
      ['LPIK', '2030', c('3,25', '3.25'), c('utfall', 'outcome'), 'testkälla'],
    ],
    records: 2,
  },
  {
    kind: 'allocation-keys',
    user: 'admin',
    sv: ['nyckel', 'titel', 'gäller från', 'faktor', 'faktornamn', 'vikt', 'mått', 'källa', ...munis.map(([n]) => n)],
    en: ['key', 'title', 'valid_from', 'factor', 'factor_name', 'weight', 'measure', 'source', ...munis.map(([, code]) => code)],
    rows: [
      [
        'testnyckel',
        'Testnyckel',
        '2030-01-01',
        'aldre',
        'Andel äldre',
        c('0,6', '0.6'),
        'Invånare 80+',
        'test',
        ...munis.map((_m, i) => String(100 + i)),
      ],
      [
        'testnyckel',
        'Testnyckel',
        '2030-01-01',
        'gles',
        'Glesbygd',
        c('0,4', '0.4'),
        'Viktad befolkning',
        'test',
        ...munis.map((_m, i) => c(`${String(10 + i)},5`, `${String(10 + i)}.5`)),
      ],
    ],
    records: 1,
  },
  {
    kind: 'development-budgets',
    user: 'ekonom.region',
    sv: ['år', 'område', 'budget', 'utfall'],
    en: ['year', 'area', 'budget', 'outcome'],
    rows: [['2027', 'Testområde', c('250 000,00', '250000.00'), '']],
    records: 1,
  },
  {
    kind: 'population',
    user: 'ekonom.region',
    sv: ['datum', 'kommun', 'folkmängd', 'källa'],
    en: ['date', 'municipality', 'population', 'source'],
    rows: munis.map(([name, code], i) => [
      '2026-12-31',
      c(`${code} ${name}`, code),
      c(`${String(5 + i)} 000`, `${String(5 + i)}000`),
      'test',
    ]),
    records: 8,
  },
];

const cellOf = (x: Cell | string, dialect: 'sv' | 'en'): string => (typeof x === 'string' ? x : x[dialect]);

/** The fixture as CSV bytes of a dialect. */
export function fixtureCsv(f: KindFixture, dialect: 'sv-semicolon' | 'en-comma' | 'sv-1252' | 'sv-bom'): Uint8Array {
  const lang = dialect === 'en-comma' ? 'en' : 'sv';
  const text = csvText(
    [lang === 'en' ? f.en : f.sv, ...f.rows.map((r) => r.map((x) => cellOf(x, lang)))],
    dialect === 'en-comma' ? ',' : ';',
  );
  return encode(text, dialect === 'sv-1252' ? 'windows-1252' : dialect === 'sv-bom' ? 'utf-8-bom' : 'utf-8');
}

/** The fixture as an Excel workbook: Swedish headers, dates as dates, numbers as numbers. */
export async function fixtureXlsx(f: KindFixture): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Underlag');
  ws.addRow([...f.sv]);
  for (const r of f.rows) {
    const row = ws.addRow(
      r.map((x) => {
        const t = cellOf(x, 'en');
        if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return new Date(`${t}T00:00:00Z`);
        if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
        return t;
      }),
    );
    row.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The content type of Excel files. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
