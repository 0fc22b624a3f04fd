/**
 * `inpatient-staff` — Kommunal personal i sluten vård (ORD/SABO.nar-kommunens-personal-deltar-i-sluten-vard):
 * one actual cost per row (salary, travel or travel time) with the reference to the managers'
 * written agreement. The municipality invoices the region monthly.
 */
import type { InpatientCostKind } from '@samverkan/core';
import type { ColumnSpec } from '../columns.js';
import { formats, choice } from '../column-formats.js';
import type { RowReader } from '../row-reader.js';
import { recordKind } from './record-kind.js';

const columns: readonly ColumnSpec[] = [
  { key: 'date', sv: 'datum', required: true, description: 'dag då kostnaden uppstod, ÅÅÅÅ-MM-DD', format: formats.date },
  {
    key: 'municipality',
    sv: 'kommun',
    required: true,
    description: 'kommunen vars personal deltog (namn eller kommunkod)',
    format: formats.municipality,
    party: true,
  },
  {
    key: 'document',
    sv: 'överenskommelse',
    aliases: ['overenskommelse', 'dokument', 'boende'],
    required: true,
    description: 'ORD (ordinärt boende) eller SABO (särskilt boende)',
    format: choice(['ORD', 'SABO']),
  },
  {
    key: 'agreement_reference',
    sv: 'skriftlig överenskommelse',
    aliases: ['skriftlig_overenskommelse', 'avtalsreferens', 'agreement_ref'],
    required: true,
    description: 'referens till chefernas skriftliga överenskommelse',
    format: { ...formats.text, example: 'Överenskommelse 2026-04' },
  },
  {
    key: 'cost_kind',
    sv: 'typ',
    aliases: ['kostnadstyp', 'kind'],
    required: true,
    description: 'lön, resa eller färdtid',
    format: choice(['lön', 'resa', 'färdtid']),
  },
  {
    key: 'amount',
    sv: 'belopp',
    aliases: ['belopp_kr', 'amount_sek'],
    required: true,
    description: 'faktisk kostnad i kronor',
    format: formats.kronor,
  },
];

const costKinds: readonly [RegExp, InpatientCostKind][] = [
  [/^(lön|lon|salary)$/i, 'salary'],
  [/^(resa|resor|reseersättning|reseersattning|travel)$/i, 'travel'],
  [/^(färdtid|fardtid|färdtidsersättning|fardtidsersattning|travel-time|travel_time)$/i, 'travel-time'],
];

function readKind(row: RowReader): InpatientCostKind | undefined {
  const v = row.raw('cost_kind');
  const found = costKinds.find(([re]) => re.test(v));
  if (found) return found[1];
  row.fail('cost_kind', `"${v}" ska vara lön, resa eller färdtid.`, v);
  return undefined;
}

function readDocument(row: RowReader): 'ORD' | 'SABO' | undefined {
  const v = row.raw('document').toUpperCase();
  if (v === 'ORD' || v === 'SABO') return v;
  row.fail('document', `"${row.raw('document')}" ska vara ORD (ordinärt boende) eller SABO (särskilt boende).`, row.raw('document'));
  return undefined;
}

/** Costs of municipal staff in inpatient care. */
export const inpatientStaffKind = recordKind({
  kind: 'inpatient-staff',
  title: 'Kommunal personal i sluten vård',
  description: 'En faktisk kostnad per rad (lön, resa, färdtid) när kommunens personal deltar i sluten vård (ORD/SABO).',
  columns,
  countyWide: false,
  state: false,
  read(row) {
    const date = row.date('date');
    const municipality = row.municipality('municipality');
    const document = readDocument(row);
    const agreementReference = row.text('agreement_reference', 'referensen till den skriftliga överenskommelsen');
    const kind = readKind(row);
    const amountOre = row.kronor('amount', 'kostnaden');
    if (
      !row.ok ||
      date === undefined ||
      municipality === undefined ||
      document === undefined ||
      agreementReference === undefined ||
      kind === undefined ||
      amountOre === undefined
    )
      return undefined;
    return {
      period: date.slice(0, 7),
      sellerCode: municipality,
      buyerCode: 'region',
      municipalityCode: municipality,
      amountOre,
      data: { date, municipality, document, agreementReference, kind, amountOre },
    };
  },
});
