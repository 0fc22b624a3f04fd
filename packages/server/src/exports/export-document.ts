/**
 * The InvoiceDocument of a stored basis: the approved (or sent, or credited) basis or credit
 * note as stored, its invoice identity, both parties as the party register describes them on the
 * issue date, and the VAT treatment of its flow. Drafts are refused (a draft may still change);
 * so is a basis approved before invoice numbering, and — for real (non-demo) data — a basis whose
 * parties still carry the demo's placeholder values, naming the party and the field.
 */
import type { Kysely } from 'kysely';
import { SamverkanError, type Agreement, type Trace } from '@samverkan/core';
import type { Database } from '../store/schema.js';
import type { SessionUser } from '../auth/session-user.js';
import { flag } from '../store/flag.js';
import { findBasis, linesOf } from '../billing/basis-store.js';
import { lineView, partyName, type BasisRow } from '../billing/basis-view.js';
import { basisProvenance } from '../billing/basis-provenance.js';
import type { BasisInputs } from '../billing/basis-draft.js';
import { flowInfo, isBillingFlow, parseBillingPeriod } from '../billing/periods.js';
import { runLabel } from '../billing/run-label.js';
import { placeholderFieldNames, requireParty, type PartyVersion } from '../reference/party-register.js';
import { vatTreatment } from './vat-treatment.js';
import type { DocumentParty, InvoiceDocument } from './invoice-document.js';

function conflict(message: string, field: string, value: unknown): SamverkanError {
  return new SamverkanError('SAMV_ERR_CONFLICT', message, { field, value });
}

function documentParty(p: PartyVersion, code: string, unit: string | null): DocumentParty {
  return {
    code,
    unit,
    legalName: p.legalName,
    organisationNumber: p.organisationNumber,
    endpoint: p.endpoint,
    address: { street: p.address.street, postalCode: p.address.postalCode, city: p.address.city, country: 'SE' },
    vatNumber: p.vatNumber,
    payment: p.payment,
    placeholder: p.placeholderFields.length > 0,
    placeholderFields: p.placeholderFields.map((f) => placeholderFieldNames[f]),
  };
}

/** Refuse a real basis whose party still has placeholder values (the demo's EXEMPEL data). */
function requireRealValues(row: BasisRow, role: string, party: DocumentParty): void {
  if (flag(row.demo) || !party.placeholder) return;
  throw conflict(
    `${role} ${party.legalName}${party.unit === null ? '' : ` (${party.unit})`} har fortfarande exempelvärden (EXEMPEL) i partsregistret: ${party.placeholderFields.join(', ')}. Ange de riktiga uppgifterna under Administration → Parter innan underlaget exporteras eller skickas.`,
    party.placeholderFields[0] ?? 'party',
    party.code,
  );
}

/**
 * Refuse a real basis whose seller or buyer still has placeholder values in the register version
 * valid on `onDate` — what sending checks, so a basis is never marked sent with data the export
 * would refuse.
 */
export async function requireRealParties(db: Kysely<Database>, agreement: Agreement, row: BasisRow, onDate: string): Promise<void> {
  if (flag(row.demo)) return;
  const seller = await requireParty(db, row.seller_code, row.seller_unit, onDate, partyName(agreement, row.seller_code));
  requireRealValues(row, 'Säljaren', documentParty(seller, row.seller_code, row.seller_unit));
  const buyer = await requireParty(db, row.buyer_code, row.buyer_unit, onDate, partyName(agreement, row.buyer_code));
  requireRealValues(row, 'Köparen', documentParty(buyer, row.buyer_code, row.buyer_unit));
}

/** The period of a basis as text and inclusive dates. */
function periodOf(row: BasisRow): InvoiceDocument['period'] {
  if (!isBillingFlow(row.flow)) return { text: row.period, from: row.period, to: row.period };
  const p = parseBillingPeriod(row.flow, row.period);
  return { text: p.text, from: p.range.from, to: p.range.to };
}

/** Build the document of basis `id` (scoped to what `user` may see). */
export async function buildInvoiceDocument(
  db: Kysely<Database>,
  agreement: Agreement,
  user: SessionUser,
  id: string,
): Promise<InvoiceDocument> {
  const row = await findBasis(db, user, id);
  if (!row)
    throw new SamverkanError('SAMV_ERR_NOT_FOUND', `Fakturaunderlaget ${id} finns inte (eller din kommun är inte part i det).`, {
      field: 'id',
      value: id,
    });
  return documentOf(db, agreement, user, row);
}

/** Build the document of a basis row already read (scoped). */
export async function documentOf(db: Kysely<Database>, agreement: Agreement, user: SessionUser, row: BasisRow): Promise<InvoiceDocument> {
  if (row.status === 'draft') throw conflict('Utkast exporteras inte; godkänn underlaget först.', 'status', row.status);
  if (row.invoice_number === null || row.issue_date === null) {
    throw conflict(
      `Fakturaunderlaget ${row.id} godkändes innan fakturanummer infördes och har inget fakturanummer; kreditera det och godkänn det nya utkastet för att kunna exportera.`,
      'invoiceNumber',
      null,
    );
  }
  const issueDate = row.issue_date;
  const seller = documentParty(
    await requireParty(db, row.seller_code, row.seller_unit, issueDate, partyName(agreement, row.seller_code)),
    row.seller_code,
    row.seller_unit,
  );
  const buyerVersion = await requireParty(db, row.buyer_code, row.buyer_unit, issueDate, partyName(agreement, row.buyer_code));
  const buyer = documentParty(buyerVersion, row.buyer_code, row.buyer_unit);
  requireRealValues(row, 'Säljaren', seller);
  requireRealValues(row, 'Köparen', buyer);
  let credits: InvoiceDocument['credits'] = null;
  if (row.credit_of !== null) {
    const original = await findBasis(db, user, row.credit_of);
    if (!original?.invoice_number || !original.issue_date) {
      throw conflict(
        `Kreditnotan ${row.id} krediterar ett underlag utan fakturanummer (godkänt före fakturanumreringen); den kan inte exporteras.`,
        'creditOf',
        row.credit_of,
      );
    }
    credits = { invoiceNumber: original.invoice_number, issueDate: original.issue_date, basisId: original.id };
  }
  const trace = JSON.parse(row.trace_json) as Trace;
  const inputs = row.inputs_json === null ? null : (JSON.parse(row.inputs_json) as BasisInputs);
  const lines = (await linesOf(db, row.id)).map(lineView);
  return {
    basisId: row.id,
    typeCode: credits === null ? '380' : '381',
    isCredit: credits !== null,
    invoiceNumber: row.invoice_number,
    issueDate,
    dueDate: row.due_date,
    paymentTermsDays: row.payment_terms_days ?? buyerVersion.paymentTermsDays,
    credits,
    creditReason: credits === null ? null : row.credit_reason,
    buyerReference: row.buyer_reference ?? buyerVersion.flowReferences[row.flow] ?? buyerVersion.buyerReference,
    note: row.note,
    flow: row.flow,
    flowTitle: isBillingFlow(row.flow) ? flowInfo[row.flow].title : row.flow,
    period: periodOf(row),
    seller,
    buyer,
    currency: 'SEK',
    vat: vatTreatment(row.flow),
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      description: l.description,
      quantity: l.quantity,
      unit: l.unit,
      unitPriceOre: l.unitPriceOre,
      baseQuantity: l.baseQuantity,
      amountOre: l.amountOre,
      category: l.category,
      clause: l.clause,
      date: l.date,
      reference: l.reference,
      steps: l.steps,
    })),
    totalOre: row.total_ore,
    trace,
    provenance: basisProvenance(trace, inputs),
    runLabel: row.run_sequence === undefined || row.run_sequence === null ? null : runLabel(row.run_sequence),
    demo: flag(row.demo),
  };
}
