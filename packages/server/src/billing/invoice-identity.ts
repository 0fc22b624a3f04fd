/**
 * Invoice identity (docs/decisions/0140-party-register-and-invoice-numbers.md): an approved
 * basis, and a credit note when it is made, gets the next number of its SELLER's series
 * (`<prefix>-<year>-<000017>`; one series per seller party, unit and year), an issue date (the
 * approval day in Europe/Stockholm) and a due date from the seller's payment terms. The number
 * comes from a counter row bumped in the approving transaction itself: a rolled-back approval
 * gives its number back (gap-free), concurrent approvals wait on the counter row (never share a
 * number), and the unique index (series, number) backs that up.
 */
import type { Transaction } from 'kysely';
import { todayInStockholm, type Temporal } from '@samverkan/core';
import type { Database } from '../store/schema.js';
import { partyOn } from '../reference/party-register.js';
import type { BasisRow } from './basis-view.js';

/** Payment terms when the seller is not (yet) in the party register. */
export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

/** The columns an approval sets. */
export interface InvoiceIdentity {
  readonly invoice_series: string;
  readonly invoice_number: string;
  readonly issue_date: string;
  readonly due_date: string | null;
  readonly payment_terms_days: number;
}

/** The series prefix when the seller has no register entry: its code in capitals (and unit). */
function fallbackPrefix(code: string, unit: string | null): string {
  return (
    `${code}${unit ?? ''}`
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(0, 12) || 'FAKTURA'
  );
}

/** Take the next number of `row`'s seller series and compute its dates (inside the approving transaction). */
export async function nextInvoiceIdentity(
  trx: Transaction<Database>,
  row: Pick<BasisRow, 'seller_code' | 'seller_unit' | 'credit_of'>,
  today: Temporal.PlainDate = todayInStockholm(),
): Promise<InvoiceIdentity> {
  const issueDate = today.toString();
  const seller = await partyOn(trx, row.seller_code, row.seller_unit, issueDate);
  const prefix = seller?.invoicePrefix ?? fallbackPrefix(row.seller_code, row.seller_unit);
  const terms = seller?.paymentTermsDays ?? DEFAULT_PAYMENT_TERMS_DAYS;
  const year = String(today.year);
  const series = `${row.seller_code}|${row.seller_unit ?? ''}|${year}`;
  await trx
    .insertInto('invoice_series')
    .values({ series, last_number: 0 })
    .onConflict((oc) => oc.column('series').doNothing())
    .execute();
  // The UPDATE takes the row lock (PostgreSQL) or the write lock (SQLite) until the approval commits.
  const counter = await trx
    .updateTable('invoice_series')
    .set((eb) => ({ last_number: eb('last_number', '+', 1) }))
    .where('series', '=', series)
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return {
    invoice_series: series,
    invoice_number: `${prefix}-${year}-${String(counter.last_number).padStart(6, '0')}`,
    issue_date: issueDate,
    // A credit note asks for no payment, so it has no due date.
    due_date: row.credit_of === null ? today.add({ days: terms }).toString() : null,
    payment_terms_days: terms,
  };
}
