/**
 * `mt-inventory` — MT inventarier (MT.bilaga-1-fast-del): the number of municipally owned devices
 * registered at MT per municipality on a date. The half-year fixed part uses the counts of the
 * snapshot date of I8 (default: the last day of the previous half-year). A state record: a newer
 * import of the same municipality and date replaces the count.
 */
import { findMunicipality } from '@samverkan/core';
import type { ColumnSpec } from '../columns.js';
import { formats } from '../column-formats.js';
import { recordKind } from './record-kind.js';

const columns: readonly ColumnSpec[] = [
  {
    key: 'snapshot_date',
    sv: 'inventeringsdatum',
    aliases: ['datum', 'date'],
    required: true,
    description: 'dagen antalet gäller, ÅÅÅÅ-MM-DD (t.ex. 2025-12-31)',
    format: { ...formats.date, example: '2025-12-31' },
  },
  {
    key: 'municipality',
    sv: 'kommun',
    required: true,
    description: 'kommun (namn eller kommunkod)',
    format: formats.municipality,
    party: true,
  },
  {
    key: 'devices',
    sv: 'antal',
    aliases: ['inventarier', 'antal_inventarier'],
    required: true,
    description: 'registrerade kommunägda inventarier',
    format: { ...formats.count, example: '250' },
  },
];

/** MT device inventories. */
export const mtInventoryKind = recordKind({
  kind: 'mt-inventory',
  title: 'MT inventarier',
  description: 'Antal registrerade kommunägda inventarier per kommun en viss dag (MT, Bilaga 1, fast del).',
  columns,
  countyWide: false,
  state: true,
  read(row, ctx) {
    const date = row.date('snapshot_date');
    const municipality = row.municipality('municipality');
    const devices = row.count('devices', 'antalet inventarier');
    if (!row.ok || date === undefined || municipality === undefined || devices === undefined) return undefined;
    const name = findMunicipality(ctx.agreement.municipalities, municipality).name;
    return {
      period: date,
      sellerCode: 'region',
      buyerCode: municipality,
      municipalityCode: municipality,
      amountOre: null,
      data: { snapshotDate: date, municipality, devices },
      identity: `${date}|${municipality}`,
      identityLabel: `${name} ${date}`,
    };
  },
});
