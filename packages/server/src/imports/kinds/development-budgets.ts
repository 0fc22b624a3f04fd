/**
 * `development-budgets` — Gemensamma utvecklingsmedel (GEMUTV.bakgrund, GEMUTV.utvardering-och-uppfoljning):
 * the budget of a development area for a year, and its outcome once known. Financed 50 % by the
 * region and 50 % by the municipalities (I10 splits the municipalities' half). A county-wide state
 * record: a newer import of the same area and year (e.g. with the outcome) replaces it.
 */
import type { ColumnSpec } from '../columns.js';
import { formats } from '../column-formats.js';
import { recordKind } from './record-kind.js';

const columns: readonly ColumnSpec[] = [
  { key: 'year', sv: 'år', aliases: ['ar', 'year'], required: true, description: 'budgetåret, ÅÅÅÅ', format: formats.year },
  {
    key: 'area',
    sv: 'område',
    aliases: ['omrade', 'utvecklingsområde', 'utvecklingsomrade'],
    required: true,
    description: 'utvecklingsområdets namn',
    format: { ...formats.text, example: 'Nära vård' },
  },
  {
    key: 'budget',
    sv: 'budget',
    aliases: ['budget_kr'],
    required: true,
    description: 'budget i kronor',
    format: { ...formats.kronor, example: '500 000' },
  },
  {
    key: 'outcome',
    sv: 'utfall',
    aliases: ['utfall_kr', 'outcome'],
    required: false,
    description: 'utfall i kronor, när det är känt',
    format: { ...formats.kronor, forms: `${formats.kronor.forms}; tomt = inte känt än`, example: '' },
  },
];

/** Development-area budgets. */
export const developmentBudgetsKind = recordKind({
  kind: 'development-budgets',
  title: 'Gemensamma utvecklingsmedel',
  description: 'Budget (och utfall) per utvecklingsområde och år (GEMUTV).',
  columns,
  countyWide: true,
  state: true,
  read(row) {
    const year = row.year('year');
    const area = row.text('area', 'utvecklingsområdets namn');
    const budgetOre = row.kronor('budget', 'budgeten');
    const outcomeOre = row.raw('outcome') === '' ? undefined : row.kronor('outcome', 'utfallet');
    if (!row.ok || year === undefined || area === undefined || budgetOre === undefined) return undefined;
    const areaName = area.replace(/\s+/g, ' ');
    return {
      period: String(year),
      sellerCode: null,
      buyerCode: null,
      municipalityCode: null,
      amountOre: budgetOre,
      data: { year, area: areaName, budgetOre, ...(outcomeOre === undefined ? {} : { outcomeOre }) },
      identity: `${String(year)}|${areaName.toLocaleLowerCase('sv-SE')}`,
      identityLabel: `${areaName} ${String(year)}`,
    };
  },
});
