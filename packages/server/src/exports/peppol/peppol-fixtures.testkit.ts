/**
 * InvoiceDocument fixtures for the Peppol renderer's tests, built directly (not from a stored
 * basis): an invoice and a credit note of every billing flow, with amounts in öre, a minute line
 * priced per 60 minutes, a lump sum, a negative adjustment, a reference beginning with "=", a long
 * description and a line whose stored quantity does not multiply out to its amount.
 */
import { TRACE_SCHEMA_VERSION } from '@samverkan/core';
import { billingFlows, flowInfo, type BillingFlow } from '../../billing/periods.js';
import { vatTreatment } from '../vat-treatment.js';
import type { DocumentLine, DocumentParty, InvoiceDocument } from '../invoice-document.js';

export const region: DocumentParty = {
  code: 'region',
  unit: null,
  legalName: 'Region Jämtland Härjedalen',
  organisationNumber: '2021005489',
  endpoint: { scheme: '0007', id: '2021005489' },
  address: { street: 'Kyrkgatan 12', postalCode: '831 31', city: 'Östersund', country: 'SE' },
  vatNumber: 'SE202100548901',
  payment: { kind: 'bankgiro', account: '123-4567' },
  placeholder: true,
  placeholderFields: ['organisationsnummer'],
};

export const municipality: DocumentParty = {
  code: '2313',
  unit: null,
  legalName: 'Strömsunds kommun',
  organisationNumber: '2120000142',
  endpoint: { scheme: '0007', id: '2120000142' },
  address: { street: null, postalCode: '833 24', city: 'Strömsund', country: 'SE' },
  vatNumber: 'SE212000014201',
  payment: { kind: 'plusgiro', account: '12 34 56-7' },
  placeholder: true,
  placeholderFields: ['organisationsnummer'],
};

const line = (lineNo: number, over: Partial<DocumentLine>): DocumentLine => ({
  lineNo,
  description: 'Uppdrag dagtid, påbörjad timme',
  quantity: '2',
  unit: 'started-hour',
  unitPriceOre: 65900,
  baseQuantity: 1,
  amountOre: 131800,
  category: 'uppdrag-dagtid',
  clause: 'ORD.uppdrag-dagtid',
  date: '2026-03-04',
  reference: null,
  steps: [],
  ...over,
});

/** The first line: two started hours at 659 kr. */
export const hoursLine: DocumentLine = line(1, {});

/** The lines every fixture carries (an invoice's, positive total). */
export const invoiceLines: readonly DocumentLine[] = [
  hoursLine,
  line(2, {
    description: 'MT arbete enligt timersättning',
    quantity: '37',
    unit: 'minute',
    unitPriceOre: 112300,
    baseQuantity: 60,
    amountOre: 69252,
    category: 'mt-rorlig-arbete',
    date: null,
  }),
  line(3, {
    description: 'Fast del, halvår',
    quantity: '1',
    unit: 'lump-sum',
    unitPriceOre: 1234567,
    amountOre: 1234567,
    reference: '=HYPERLINK("http://x";"klicka")',
    date: '2026-02-10',
  }),
  line(4, {
    description: 'Justering föregående period',
    quantity: '-1',
    unit: 'piece',
    unitPriceOre: 5001,
    amountOre: -5001,
    reference: '+46 avräkning',
  }),
  line(5, {
    description: `Hjälpmedelsinventarier ${'lång beskrivning '.repeat(8)}`,
    quantity: '3',
    unit: 'device',
    unitPriceOre: 3333,
    amountOre: 9999,
    date: '2025-12-31',
  }),
  line(6, {
    description: 'Tilläggsbelopp (fördelat enligt nyckel)',
    quantity: '7',
    unit: 'piece',
    unitPriceOre: 100000,
    amountOre: 654321,
    reference: '@summa',
  }),
];

const sumOf = (ls: readonly DocumentLine[]): number => ls.reduce((s, l) => s + l.amountOre, 0);

/** An approved invoice of `flow` from the region to a municipality. */
export function invoiceFixture(flow: BillingFlow, over: Partial<InvoiceDocument> = {}): InvoiceDocument {
  const lines = over.lines ?? invoiceLines;
  return {
    basisId: `basis-${flow}`,
    typeCode: '380',
    isCredit: false,
    invoiceNumber: 'RJH-2026-000017',
    issueDate: '2026-04-02',
    dueDate: '2026-05-02',
    paymentTermsDays: 30,
    credits: null,
    creditReason: null,
    buyerReference: 'ABC123',
    note: null,
    flow,
    flowTitle: flowInfo[flow].title,
    period: { text: '2026-03', from: '2026-01-01', to: '2026-03-31' },
    seller: region,
    buyer: municipality,
    currency: 'SEK',
    vat: vatTreatment(flow),
    lines,
    totalOre: sumOf(lines),
    trace: {
      traceVersion: TRACE_SCHEMA_VERSION,
      agreement: { id: 'jamtland-2026', version: '1' },
      rules: [],
      clauses: [],
      parameters: [],
      indexValues: [],
      interpretations: [],
      steps: [],
    },
    provenance: { final: true, warnings: [] },
    runLabel: 'Körning 1',
    demo: true,
    ...over,
  };
}

/** The credit note of `invoiceFixture(flow)`: negative stored lines, referring to the invoice. */
export function creditFixture(flow: BillingFlow, over: Partial<InvoiceDocument> = {}): InvoiceDocument {
  const lines = invoiceLines.map((l) => ({
    ...l,
    quantity: l.quantity.startsWith('-') ? l.quantity.slice(1) : `-${l.quantity}`,
    amountOre: -l.amountOre,
  }));
  return invoiceFixture(flow, {
    basisId: `credit-${flow}`,
    typeCode: '381',
    isCredit: true,
    invoiceNumber: 'RJH-2026-K00003',
    issueDate: '2026-04-20',
    dueDate: null,
    credits: { invoiceNumber: 'RJH-2026-000017', issueDate: '2026-04-02', basisId: `basis-${flow}` },
    creditReason: 'Fel antal timmar i importen',
    lines,
    totalOre: sumOf(lines),
    ...over,
  });
}

/** Every flow's invoice and credit note. */
export function allFixtures(): InvoiceDocument[] {
  return billingFlows.flatMap((f) => [invoiceFixture(f), creditFixture(f)]);
}
