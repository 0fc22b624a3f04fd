/**
 * SIE 4I: approved invoices and credit notes as vouchers for import into one party's ledger
 * (decision 0160 names every record used). Seller side: kundfordran debet with the total, intäkt
 * kredit per line; buyer side: kostnad debet per line, leverantörsskuld kredit with the total.
 * A credit note's stored amounts are negative, so the same rows reverse the invoice. Amounts are
 * written from öre with integer arithmetic, and every voucher is checked to balance to zero
 * before the file is made.
 */
import { SamverkanError } from '@samverkan/core';
import type { DocumentParty, InvoiceDocument } from '../invoice-document.js';
import { oreDecimal } from '../swedish-text.js';
import {
  accountsFor,
  defaultSieAccounts,
  type SieAccount,
  type SieAccountConfig,
  type SieObject,
  type SiePostingAccounts,
} from './sie-accounts.js';
import { encodeSie, quoted, sieDate } from './sie-text.js';

/** Whose books the file is for. */
export type SieSide = 'seller' | 'buyer';

/** Options of one SIE file. */
export interface SieOptions {
  readonly side: SieSide;
  readonly config?: SieAccountConfig;
  /** Program version written in #PROGRAM. */
  readonly version?: string;
}

const DIM_COST_CENTRE = 1;
const DIM_PROJECT = 6;

interface Trans {
  readonly account: SieAccount;
  readonly objects: readonly (readonly [number, SieObject])[];
  readonly amountOre: bigint;
  readonly text: string;
}

function objectsOf(a: SiePostingAccounts): (readonly [number, SieObject])[] {
  const out: (readonly [number, SieObject])[] = [];
  if (a.costCentre !== null) out.push([DIM_COST_CENTRE, a.costCentre]);
  if (a.project !== null) out.push([DIM_PROJECT, a.project]);
  return out;
}

function voucherText(doc: InvoiceDocument, side: SieSide): string {
  const other = side === 'seller' ? doc.buyer : doc.seller;
  const text = `${doc.isCredit ? 'Kreditfaktura' : 'Faktura'} ${doc.invoiceNumber} ${other.legalName} ${doc.flowTitle} ${doc.period.text}`;
  // A basis on example or forecast values says so in every export (issue 1/5), here in the voucher text.
  return doc.provenance.final ? text : `${text} (EJ SLUTLIGA VÄRDEN)`;
}

/** The rows of `doc`'s voucher in the books of `side`; they sum to zero. */
function transactions(doc: InvoiceDocument, side: SieSide, a: SiePostingAccounts): Trans[] {
  const objects = objectsOf(a);
  const total = BigInt(doc.totalOre);
  const perLine = doc.lines.map((l) => ({ amount: BigInt(l.amountOre), text: `${String(l.lineNo)} ${l.description}`.slice(0, 120) }));
  if (side === 'seller') {
    return [
      { account: a.receivable, objects: [], amountOre: total, text: doc.invoiceNumber },
      ...perLine.map((l) => ({ account: a.revenue, objects, amountOre: -l.amount, text: l.text })),
    ];
  }
  return [
    ...perLine.map((l) => ({ account: a.expense, objects, amountOre: l.amount, text: l.text })),
    { account: a.payable, objects: [], amountOre: -total, text: doc.invoiceNumber },
  ];
}

function objectList(objects: readonly (readonly [number, SieObject])[]): string {
  return `{${objects.map(([dim, o]) => `${String(dim)} ${quoted(o.id)}`).join(' ')}}`;
}

function orgnr(digits: string): string {
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits;
}

function companyOf(docs: readonly InvoiceDocument[], side: SieSide): DocumentParty {
  const first = docs[0];
  if (first === undefined)
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', 'underlag: en SIE-fil behöver minst ett godkänt underlag eller en kreditfaktura.', {
      field: 'underlag',
      value: 0,
    });
  const company = first[side];
  const other = docs.find((d) => d[side].code !== company.code || d[side].unit !== company.unit);
  if (other !== undefined) {
    throw new SamverkanError(
      'SAMV_ERR_INVALID_INPUT',
      `underlag: en SIE-fil gäller en parts bokföring; ${other.invoiceNumber} har ${side === 'seller' ? 'säljaren' : 'köparen'} ${other[side].legalName}, inte ${company.legalName}.`,
      { field: 'underlag', value: other.invoiceNumber },
    );
  }
  return company;
}

/** One SIE 4I file with a voucher per document, in the books of the documents' seller or buyer. */
export function renderSie(docs: readonly InvoiceDocument[], options: SieOptions): Buffer {
  const config = options.config ?? defaultSieAccounts;
  const side = options.side;
  const company = companyOf(docs, side);
  const sorted = [...docs].sort((x, y) => x.issueDate.localeCompare(y.issueDate) || x.invoiceNumber.localeCompare(y.invoiceNumber));
  const vouchers = sorted.map((doc) => {
    const rows = transactions(doc, side, accountsFor(config, company.code, doc.flow));
    const sum = rows.reduce((s, r) => s + r.amountOre, 0n);
    // An unbalanced voucher would be refused by the ledger, or worse, booked: never write one.
    if (sum !== 0n)
      throw new SamverkanError(
        'SAMV_ERR_INTERNAL',
        `SIE: verifikationen för ${doc.invoiceNumber} balanserar inte (${sum.toString()} öre); raderna summerar inte till totalen.`,
        { field: 'totalOre', value: doc.totalOre },
      );
    return { doc, rows };
  });
  const accounts = new Map<string, SieAccount>();
  const objects = new Map<string, readonly [number, SieObject]>();
  for (const v of vouchers) {
    for (const r of v.rows) {
      accounts.set(r.account.number, r.account);
      for (const o of r.objects) objects.set(`${String(o[0])} ${o[1].id}`, o);
    }
  }
  const years = [...new Set(sorted.map((d) => Number(d.issueDate.slice(0, 4))))].sort((a, b) => b - a);
  const latest =
    sorted
      .map((d) => d.issueDate)
      .sort()
      .at(-1) ??
    sorted[0]?.issueDate ??
    '2026-01-01';
  const lines: string[] = [
    '#FLAGGA 0',
    '#FORMAT PC8',
    '#SIETYP 4',
    `#PROGRAM ${quoted('Samverkan')} ${quoted(options.version ?? '0.1.0')}`,
    `#GEN ${sieDate(latest)} ${quoted('Samverkan')}`,
    `#FNAMN ${quoted(company.unit === null ? company.legalName : `${company.legalName}, ${company.unit}`)}`,
    `#ORGNR ${orgnr(company.organisationNumber)}`,
    ...years.map((y) => `#RAR ${String(years[0] === undefined ? 0 : y - years[0])} ${String(y)}0101 ${String(y)}1231`),
  ];
  if (config.chartOfAccounts !== null) lines.push(`#KPTYP ${config.chartOfAccounts}`);
  const dims = [...new Set([...objects.values()].map((o) => o[0]))].sort((a, b) => a - b);
  for (const d of dims) lines.push(`#DIM ${String(d)} ${quoted(d === DIM_COST_CENTRE ? 'Kostnadsställe' : 'Projekt')}`);
  for (const [, [d, o]] of [...objects.entries()].sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`#OBJEKT ${String(d)} ${quoted(o.id)} ${quoted(o.name)}`);
  for (const a of [...accounts.values()].sort((x, y) => x.number.localeCompare(y.number)))
    lines.push(`#KONTO ${a.number} ${quoted(a.name)}`);
  for (const { doc, rows } of vouchers) {
    const date = sieDate(doc.issueDate);
    lines.push(`#VER ${quoted(config.series)} "" ${date} ${quoted(voucherText(doc, side))}`, '{');
    for (const r of rows)
      lines.push(`   #TRANS ${r.account.number} ${objectList(r.objects)} ${oreDecimal(Number(r.amountOre))} ${date} ${quoted(r.text)}`);
    lines.push('}');
  }
  return encodeSie(lines);
}

/** `renderSie` for every company on `side` of `docs`: one file per party's books, by party code. */
export function renderSieFiles(
  docs: readonly InvoiceDocument[],
  options: SieOptions,
): { readonly party: DocumentParty; readonly bytes: Buffer }[] {
  const groups = new Map<string, InvoiceDocument[]>();
  for (const d of docs) {
    const key = `${d[options.side].code}|${d[options.side].unit ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, group]) => ({ party: companyOf(group, options.side), bytes: renderSie(group, options) }));
}
