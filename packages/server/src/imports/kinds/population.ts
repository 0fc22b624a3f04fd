/**
 * `population` — Folkmängd per kommun (I10): the default split of the municipalities' half of the
 * joint development funds is by population on 31 December of the previous year. Statistics
 * Sweden's export ("2380 Östersund") is accepted as the municipality. A state record per
 * municipality and date.
 */
import { findMunicipality } from '@samverkan/core';
import type { ColumnSpec } from '../columns.js';
import { formats } from '../column-formats.js';
import { recordKind } from './record-kind.js';

const columns: readonly ColumnSpec[] = [
  {
    key: 'date',
    sv: 'datum',
    aliases: ['date'],
    required: true,
    description: 'dagen folkmängden avser, ÅÅÅÅ-MM-DD (t.ex. 2025-12-31)',
    format: { ...formats.date, example: '2025-12-31' },
  },
  {
    key: 'municipality',
    sv: 'kommun',
    aliases: ['region'],
    required: true,
    description: 'kommun (namn, kommunkod eller "2380 Östersund")',
    format: formats.municipality,
    party: true,
  },
  {
    key: 'population',
    sv: 'folkmängd',
    aliases: ['folkmangd', 'invånare', 'invanare'],
    required: true,
    description: 'antal invånare',
    format: { ...formats.count, example: '64 970' },
  },
  {
    key: 'source',
    sv: 'källa',
    aliases: ['kalla'],
    required: false,
    description: 'var siffran kommer ifrån (t.ex. SCB)',
    format: { ...formats.text, example: 'SCB' },
  },
];

/** Population per municipality. */
export const populationKind = recordKind({
  kind: 'population',
  title: 'Folkmängd per kommun',
  description: 'Folkmängd per kommun en viss dag; fördelar kommunernas hälft av utvecklingsmedlen (tolkning I10).',
  columns,
  countyWide: false,
  state: true,
  read(row, ctx) {
    const date = row.date('date');
    const municipality = row.municipality('municipality');
    const population = row.count('population', 'folkmängden');
    const source = row.optionalText('source');
    if (!row.ok || date === undefined || municipality === undefined || population === undefined) return undefined;
    const name = findMunicipality(ctx.agreement.municipalities, municipality).name;
    return {
      period: date,
      sellerCode: null,
      buyerCode: null,
      municipalityCode: municipality,
      amountOre: null,
      data: { date, municipality, population, ...(source === undefined ? {} : { source }) },
      identity: `${date}|${municipality}`,
      identityLabel: `${name} ${date}`,
    };
  },
});
