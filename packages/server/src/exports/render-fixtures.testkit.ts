/**
 * InvoiceDocument fixtures for the PDF, Excel and SIE renderers' tests, built directly (not from a
 * stored basis): an invoice and its credit note with amounts in öre, a minute line priced per 60
 * minutes, a lump sum, a negative adjustment, references beginning with "=", "+", "@", tab and CR,
 * calculation steps and trace sources for the appendix, and a provenance warning.
 */
import { TRACE_SCHEMA_VERSION, type CalculationStep, type Trace } from '@samverkan/core';
import { flowInfo, type BillingFlow } from '../billing/periods.js';
import { vatTreatment } from './vat-treatment.js';
import type { DocumentLine, DocumentParty, InvoiceDocument } from './invoice-document.js';

export const region: DocumentParty = {
  code: 'region',
  unit: null,
  legalName: 'Region Jämtland Härjedalen',
  organisationNumber: '2021005489',
  endpoint: { scheme: '0007', id: '2021005489' },
  address: { street: 'Kyrkgatan 12', postalCode: '831 31', city: 'Östersund', country: 'SE' },
  vatNumber: 'SE202100548901',
  payment: { kind: 'bankgiro', account: '123-4567' },
  placeholder: false,
  placeholderFields: [],
};

export const municipality: DocumentParty = {
  code: '2313',
  unit: null,
  legalName: 'Strömsunds kommun',
  organisationNumber: '2120000142',
  endpoint: { scheme: '0007', id: '2120000142' },
  address: { street: 'Storgatan 8', postalCode: '833 24', city: 'Strömsund', country: 'SE' },
  vatNumber: 'SE212000014201',
  payment: { kind: 'plusgiro', account: '12 34 56-7' },
  placeholder: false,
  placeholderFields: [],
};

const hoursSteps: readonly CalculationStep[] = [
  {
    id: 'minuter',
    description: 'Uppdragets längd i minuter',
    formula: 'slut − start',
    inputs: { start: '08:10', slut: '09:25' },
    result: 75,
    unit: 'minuter',
    clauses: ['ORD.uppdrag-dagtid'],
  },
  {
    id: 'timmar',
    description: 'Påbörjade timmar',
    formula: 'ceil(minuter / 60)',
    inputs: { minuter: 75 },
    result: 2,
    unit: 'timmar',
    rounding: 'uppåt till hel timme',
  },
  {
    id: 'belopp',
    description: 'Belopp: timpris × påbörjade timmar',
    formula: 'timpris × timmar',
    inputs: { timprisÖre: 65900, timmar: 2 },
    result: 131800,
    unit: 'öre',
    clauses: ['ORD.uppdrag-dagtid'],
  },
];

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
  steps: hoursSteps,
  ...over,
});

/** The invoice's lines: every line and its amount in öre is checked in the tests. */
export const invoiceLines: readonly DocumentLine[] = [
  line(1, { reference: '=HYPERLINK("http://x";"klicka")' }),
  line(2, {
    description: 'MT arbete enligt timersättning',
    quantity: '37',
    unit: 'minute',
    unitPriceOre: 112300,
    baseQuantity: 60,
    amountOre: 69252,
    category: 'mt-rorlig-arbete',
    date: null,
    reference: '+46 avräkning',
    steps: [],
  }),
  line(3, {
    description: 'Fast del, halvår',
    quantity: '1',
    unit: 'lump-sum',
    unitPriceOre: 1234567,
    amountOre: 1234567,
    reference: '@summa',
    date: '2026-02-10',
    steps: [],
  }),
  line(4, {
    description: 'Justering föregående period',
    quantity: '-1',
    unit: 'piece',
    unitPriceOre: 5001,
    amountOre: -5001,
    reference: '-1+2',
    steps: [],
  }),
  line(5, {
    description: 'Hjälpmedel åter, "Ö-vik"',
    quantity: '3',
    unit: 'device',
    unitPriceOre: 3333,
    amountOre: 9999,
    date: '2025-12-31',
    reference: '\tflik',
    steps: [],
  }),
  line(6, {
    description: 'Ändring av tillägg',
    quantity: '1.5',
    unit: 'hour',
    unitPriceOre: 100001,
    amountOre: 150002,
    reference: '\rvagn',
    steps: [],
  }),
];

/** 131800 + 69252 + 1234567 − 5001 + 9999 + 150002. */
export const invoiceTotalOre = 1590619;

export const trace: Trace = {
  traceVersion: TRACE_SCHEMA_VERSION,
  agreement: { id: 'jamtland-2026', version: '2026.1' },
  rules: ['ekonomi.uppdrag-dagtid'],
  clauses: ['ORD.uppdrag-dagtid', 'PRINC.pris'],
  parameters: [{ id: 'dagtid.timpris', value: 65900, unit: 'ore_per_started_hour', clause: 'ORD.uppdrag-dagtid', validFor: '2026' }],
  indexValues: [{ series: 'VPI', year: 2026, percent: '2.9', kind: 'forecast', example: true, source: 'exempel – ej SKR:s' }],
  interpretations: [{ id: 'I6', option: 'whole-kronor' }],
  steps: [],
};

const sumOf = (ls: readonly DocumentLine[]): number => ls.reduce((s, l) => s + l.amountOre, 0);

/** An approved invoice of `flow` from the region to Strömsunds kommun. */
export function invoiceFixture(flow: BillingFlow = 'dagtid', over: Partial<InvoiceDocument> = {}): InvoiceDocument {
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
    buyerReference: '=HYPERLINK("http://evil";"Er ref")',
    note: null,
    flow,
    flowTitle: flowInfo[flow].title,
    period: { text: '2026-03', from: '2026-03-01', to: '2026-03-31' },
    seller: region,
    buyer: municipality,
    currency: 'SEK',
    vat: vatTreatment(flow),
    lines,
    totalOre: sumOf(lines),
    trace,
    provenance: {
      final: false,
      warnings: [
        {
          id: 'example-index:VPI:2026',
          kind: 'example-index',
          series: 'VPI',
          year: 2026,
          text: 'VPI 2026 (2,9 %) är ett exempelvärde, inte SKR:s publicerade värde.',
        },
      ],
    },
    runLabel: 'Körning 1',
    demo: true,
    ...over,
  };
}

/** The credit note of `invoiceFixture(flow)`: negative stored lines, referring to the invoice. */
export function creditFixture(flow: BillingFlow = 'dagtid', over: Partial<InvoiceDocument> = {}): InvoiceDocument {
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
    buyerReference: 'ABC123',
    lines,
    totalOre: sumOf(lines),
    provenance: { final: true, warnings: [] },
    ...over,
  });
}

/** A municipality-to-region invoice of another flow, so a run has several sellers and flows. */
export function municipalityInvoiceFixture(): InvoiceDocument {
  const lines = [
    line(1, {
      description: 'Tilläggsbelopp 2025 efter avstämning, andel enligt fördelningsnyckeln',
      quantity: '1',
      unit: 'lump-sum',
      unitPriceOre: 123456789,
      amountOre: 123456789,
      category: 'tillaggsbelopp',
      clause: 'TILL.bakgrund.fordelning',
      date: null,
      steps: [],
    }),
  ];
  return invoiceFixture('tillaggsbelopp', {
    basisId: 'basis-till-2313',
    invoiceNumber: 'STR-2026-000004',
    seller: municipality,
    buyer: region,
    lines,
    totalOre: 123456789,
    period: { text: '2025', from: '2025-01-01', to: '2025-12-31' },
    buyerReference: 'RJH-TILL',
  });
}
