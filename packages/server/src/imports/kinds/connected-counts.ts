/**
 * `connected-counts` — Anslutna till Storsjögläntan (TILL.avstamning): the number of persons in
 * the county connected to Storsjögläntan during a year (I13: unique persons connected at any time
 * during the year). The count for year Y settles Y's tilläggsbelopp (I4). A county-wide state
 * record: a newer import for the same year replaces the count.
 */
import type { ColumnSpec } from '../columns.js';
import { formats } from '../column-formats.js';
import { recordKind } from './record-kind.js';

const columns: readonly ColumnSpec[] = [
  { key: 'year', sv: 'år', aliases: ['ar', 'year'], required: true, description: 'året som räknats, ÅÅÅÅ', format: formats.year },
  {
    key: 'count',
    sv: 'antal',
    aliases: ['anslutna', 'antal_anslutna'],
    required: true,
    description: 'antal personer i länet anslutna under året',
    format: { ...formats.count, example: '149' },
  },
  {
    key: 'source',
    sv: 'källa',
    aliases: ['kalla'],
    required: false,
    description: 'var antalet kommer ifrån',
    format: { ...formats.text, example: 'Storsjögläntans register' },
  },
];

/** Yearly connected counts. */
export const connectedCountsKind = recordKind({
  kind: 'connected-counts',
  title: 'Anslutna till Storsjögläntan',
  description: 'Antal personer i länet som varit anslutna till Storsjögläntan under ett år (TILL, Avstämning).',
  columns,
  countyWide: true,
  state: true,
  read(row) {
    const year = row.year('year');
    const count = row.count('count', 'antalet anslutna personer');
    const source = row.optionalText('source');
    if (!row.ok || year === undefined || count === undefined) return undefined;
    return {
      period: String(year),
      sellerCode: null,
      buyerCode: null,
      municipalityCode: null,
      amountOre: null,
      data: { year, count, ...(source === undefined ? {} : { source }) },
      identity: String(year),
      identityLabel: `År ${String(year)}`,
    };
  },
});
