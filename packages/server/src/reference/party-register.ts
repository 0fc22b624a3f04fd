/**
 * The party register: how each party (the region, its invoicing units MT, syncentralen and
 * hörcentralen, each municipality, a home region) is named and paid on an invoice. Versions
 * like parameter values — a new version per change with valid-from, who recorded it, audited —
 * so an invoice is always rendered with the details valid on its issue date. A unit without its
 * own entry uses its party's. Fields still carrying the demo's placeholder values (EXEMPEL) are
 * listed per version; a field stops being a placeholder when a new version gives it another value.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { invalidInput, parseDate, SamverkanError, type Agreement } from '@samverkan/core';
import type { Store } from '../store/db.js';
import type { Database, PartyRow } from '../store/schema.js';
import { flag, toFlag } from '../store/flag.js';
import { nowIso } from '../store/clock.js';
import { appendAudit } from '../audit/append-audit.js';
import { billingFlows } from '../billing/periods.js';
import { organisationNumber, paymentAccount, postalCode, vatNumber } from './party-checks.js';

/** Register fields that can hold placeholders, with their Swedish names for messages. */
export const placeholderFieldNames = {
  organisationNumber: 'organisationsnummer',
  endpoint: 'Peppol-adress',
  address: 'postadress',
  vatNumber: 'momsregistreringsnummer',
  payment: 'bankgiro/plusgiro',
  buyerReference: 'referens',
} as const;
export type PlaceholderField = keyof typeof placeholderFieldNames;

/** Units of the region that invoice or are invoiced separately (as bases carry them). */
export const regionUnits = ['MT', 'syncentralen', 'horcentralen'] as const;

/** One version of a party's details as the API shows it. */
export interface PartyVersion {
  readonly id: string;
  readonly partyCode: string;
  readonly unit: string | null;
  readonly validFrom: string;
  readonly version: number;
  readonly legalName: string;
  readonly organisationNumber: string;
  readonly endpoint: { readonly scheme: string; readonly id: string };
  readonly address: { readonly street: string | null; readonly postalCode: string; readonly city: string };
  readonly vatRegistered: boolean;
  readonly vatNumber: string | null;
  readonly payment: { readonly kind: 'bankgiro' | 'plusgiro'; readonly account: string } | null;
  readonly paymentTermsDays: number;
  readonly buyerReference: string;
  readonly flowReferences: Readonly<Record<string, string>>;
  readonly invoicePrefix: string;
  readonly placeholderFields: readonly PlaceholderField[];
  readonly demo: boolean;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** A new version as given by the API, the CLI or the demo seed. */
export interface PartyInput {
  readonly partyCode: string;
  readonly unit?: string | null | undefined;
  readonly validFrom: string;
  readonly legalName: string;
  readonly organisationNumber: string;
  readonly endpoint?: { readonly scheme: string; readonly id: string } | undefined;
  readonly address: { readonly street?: string | null | undefined; readonly postalCode: string; readonly city: string };
  readonly vatRegistered: boolean;
  readonly vatNumber?: string | null | undefined;
  readonly payment?: { readonly kind: 'bankgiro' | 'plusgiro'; readonly account: string } | null | undefined;
  readonly paymentTermsDays: number;
  readonly buyerReference: string;
  readonly flowReferences?: Readonly<Record<string, string>> | undefined;
  readonly invoicePrefix: string;
}

function view(r: PartyRow): PartyVersion {
  return {
    id: r.id,
    partyCode: r.party_code,
    unit: r.unit_key === '' ? null : r.unit_key,
    validFrom: r.valid_from,
    version: r.version,
    legalName: r.legal_name,
    organisationNumber: r.organisation_number,
    endpoint: { scheme: r.endpoint_scheme, id: r.endpoint_id },
    address: { street: r.street, postalCode: r.postal_code, city: r.city },
    vatRegistered: r.vat_number !== null,
    vatNumber: r.vat_number,
    payment:
      r.payment_kind === null || r.payment_account === null
        ? null
        : { kind: r.payment_kind === 'plusgiro' ? 'plusgiro' : 'bankgiro', account: r.payment_account },
    paymentTermsDays: r.payment_terms_days,
    buyerReference: r.buyer_reference,
    flowReferences: JSON.parse(r.flow_references_json) as Record<string, string>,
    invoicePrefix: r.invoice_prefix,
    placeholderFields: JSON.parse(r.placeholder_fields_json) as PlaceholderField[],
    demo: flag(r.demo),
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  };
}

function text(value: string | null | undefined, field: string, max = 200): string {
  const t = (value ?? '').trim();
  if (t.length === 0 || t.length > max) throw invalidInput(field, `${field}: ange en text (1–${String(max)} tecken).`, value);
  return t;
}

function checkParty(agreement: Agreement, code: string, unit: string | null): void {
  const known =
    code === agreement.meta.region.id || agreement.municipalities.some((m) => m.code === code) || /^hemregion:.{1,100}$/.test(code);
  if (!known)
    throw invalidInput(
      'partyCode',
      `partyCode: "${code}" är varken regionen (${agreement.meta.region.id}), en kommunkod (t.ex. 2380) eller hemregion:<namn>.`,
      code,
    );
  if (unit !== null && !(code === agreement.meta.region.id && (regionUnits as readonly string[]).includes(unit))) {
    throw invalidInput(
      'unit',
      `unit: "${unit}" är ingen enhet som faktureras separat; regionens enheter är ${regionUnits.join(', ')}.`,
      unit,
    );
  }
}

/** The checked row values of `input` (every identifier validated). */
function normalise(
  agreement: Agreement,
  input: PartyInput,
): Omit<PartyRow, 'id' | 'version' | 'placeholder_fields_json' | 'demo' | 'recorded_at' | 'recorded_by'> {
  const unit = input.unit?.trim() ? input.unit.trim() : null;
  checkParty(agreement, input.partyCode, unit);
  parseDate(input.validFrom, 'validFrom');
  const org = organisationNumber(input.organisationNumber);
  const scheme = input.endpoint?.scheme.trim() ?? '0007';
  if (!/^\d{4}$/.test(scheme))
    throw invalidInput(
      'endpoint.scheme',
      `endpoint.scheme: "${scheme}" ska vara en Peppol-schemakod med fyra siffror (0007 för organisationsnummer).`,
      scheme,
    );
  const endpointId =
    scheme === '0007' ? organisationNumber(input.endpoint?.id ?? org, 'endpoint.id') : text(input.endpoint?.id, 'endpoint.id', 50);
  if (!Number.isInteger(input.paymentTermsDays) || input.paymentTermsDays < 0 || input.paymentTermsDays > 120) {
    throw invalidInput(
      'paymentTermsDays',
      `paymentTermsDays: betalningsvillkoret ska vara 0–120 dagar, inte ${String(input.paymentTermsDays)}.`,
      input.paymentTermsDays,
    );
  }
  const prefix = input.invoicePrefix.trim().toUpperCase();
  if (!/^[A-Z0-9]{2,12}$/.test(prefix))
    throw invalidInput(
      'invoicePrefix',
      `invoicePrefix: "${input.invoicePrefix}" ska vara 2–12 versaler eller siffror (t.ex. RJH); det inleder fakturanumren.`,
      input.invoicePrefix,
    );
  const flowReferences: Record<string, string> = {};
  for (const [flow, ref] of Object.entries(input.flowReferences ?? {})) {
    if (!(billingFlows as readonly string[]).includes(flow))
      throw invalidInput(`flowReferences.${flow}`, `flowReferences: "${flow}" är inget flöde (${billingFlows.join(', ')}).`, flow);
    flowReferences[flow] = text(ref, `flowReferences.${flow}`, 100);
  }
  return {
    party_code: input.partyCode,
    unit_key: unit ?? '',
    valid_from: input.validFrom,
    legal_name: text(input.legalName, 'legalName'),
    organisation_number: org,
    endpoint_scheme: scheme,
    endpoint_id: endpointId,
    street: input.address.street?.trim() ? input.address.street.trim() : null,
    postal_code: postalCode(input.address.postalCode),
    city: text(input.address.city, 'address.city', 100),
    vat_number: input.vatRegistered ? vatNumber(input.vatNumber ?? '', org) : null,
    payment_kind: input.payment ? input.payment.kind : null,
    payment_account: input.payment ? paymentAccount(input.payment.kind, input.payment.account) : null,
    payment_terms_days: input.paymentTermsDays,
    buyer_reference: text(input.buyerReference, 'buyerReference', 100),
    flow_references_json: JSON.stringify(Object.fromEntries(Object.entries(flowReferences).sort(([a], [b]) => a.localeCompare(b)))),
    invoice_prefix: prefix,
  };
}

/** The value of each placeholder-capable field, to see whether a new version changed it. */
function fieldValues(
  r: Pick<
    PartyRow,
    | 'organisation_number'
    | 'endpoint_scheme'
    | 'endpoint_id'
    | 'street'
    | 'postal_code'
    | 'city'
    | 'vat_number'
    | 'payment_kind'
    | 'payment_account'
    | 'buyer_reference'
    | 'flow_references_json'
  >,
): Record<PlaceholderField, string> {
  return {
    organisationNumber: r.organisation_number,
    endpoint: `${r.endpoint_scheme}:${r.endpoint_id}`,
    address: `${r.street ?? ''}|${r.postal_code}|${r.city}`,
    vatNumber: r.vat_number ?? '',
    payment: `${r.payment_kind ?? ''}:${r.payment_account ?? ''}`,
    buyerReference: `${r.buyer_reference}|${r.flow_references_json}`,
  };
}

/**
 * Record a new version of a party's details (validated; audited). `placeholders` is only for the
 * demo seed; otherwise a field stays a placeholder while a new version keeps its placeholder value.
 */
export async function recordParty(
  store: Store,
  agreement: Agreement,
  input: PartyInput,
  actor: string,
  seed?: { readonly placeholders: readonly PlaceholderField[]; readonly demo: boolean },
): Promise<PartyVersion> {
  const values = normalise(agreement, input);
  return store.transaction(async (trx) => {
    const latest = await trx
      .selectFrom('parties')
      .selectAll()
      .where('party_code', '=', values.party_code)
      .where('unit_key', '=', values.unit_key)
      .orderBy('valid_from', 'desc')
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const previous = await trx
      .selectFrom('parties')
      .selectAll()
      .where('party_code', '=', values.party_code)
      .where('unit_key', '=', values.unit_key)
      .where('valid_from', '=', values.valid_from)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    let placeholders: PlaceholderField[] = [...(seed?.placeholders ?? [])];
    if (!seed && latest) {
      const before = fieldValues(latest);
      const now = fieldValues(values);
      placeholders = (JSON.parse(latest.placeholder_fields_json) as PlaceholderField[]).filter((f) => before[f] === now[f]);
    }
    // Without VAT registration there is no VAT number that could be a placeholder.
    if (values.vat_number === null) placeholders = placeholders.filter((f) => f !== 'vatNumber');
    const row: PartyRow = {
      ...values,
      id: randomUUID(),
      version: (previous?.version ?? 0) + 1,
      placeholder_fields_json: JSON.stringify(placeholders),
      demo: toFlag(seed?.demo ?? (latest ? flag(latest.demo) : false)),
      recorded_at: nowIso(),
      recorded_by: actor,
    };
    await trx
      .insertInto('parties')
      .values({ ...row, demo: toFlag(flag(row.demo)) })
      .execute();
    const after = view(row);
    await appendAudit(trx, {
      actor,
      action: previous ? 'new-version' : 'create',
      entity: 'parties',
      entityId: `${row.party_code}${row.unit_key === '' ? '' : `/${row.unit_key}`}@${row.valid_from}`,
      before: previous ? view(previous) : null,
      after,
    });
    return after;
  });
}

/** Every version (oldest first), or only the current version per party, unit and start date. */
export async function listParties(db: Kysely<Database>, history = false): Promise<PartyVersion[]> {
  const rows = await db
    .selectFrom('parties')
    .selectAll()
    .orderBy('party_code')
    .orderBy('unit_key')
    .orderBy('valid_from')
    .orderBy('version')
    .execute();
  if (history) return rows.map(view);
  const current = new Map<string, PartyRow>();
  for (const r of rows) current.set(`${r.party_code}|${r.unit_key}|${r.valid_from}`, r);
  return [...current.values()].map(view);
}

/** The version of `code` (its `unit`'s own entry first) valid on `date`, or undefined. */
export async function partyOn(db: Kysely<Database>, code: string, unit: string | null, date: string): Promise<PartyVersion | undefined> {
  for (const key of unit === null ? [''] : [unit, '']) {
    const r = await db
      .selectFrom('parties')
      .selectAll()
      .where('party_code', '=', code)
      .where('unit_key', '=', key)
      .where('valid_from', '<=', date)
      .orderBy('valid_from', 'desc')
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (r) return view(r);
  }
  return undefined;
}

/** The version valid on `date`, or a Swedish 409 naming the party when the register has none. */
export async function requireParty(
  db: Kysely<Database>,
  code: string,
  unit: string | null,
  date: string,
  name: string,
): Promise<PartyVersion> {
  const p = await partyOn(db, code, unit, date);
  if (!p) {
    throw new SamverkanError(
      'SAMV_ERR_CONFLICT',
      `${name}${unit === null ? '' : ` (${unit})`} finns inte i partsregistret för ${date}; lägg in juridiskt namn, organisationsnummer, adress och betalningsvillkor under Administration → Parter.`,
      { field: 'partyCode', value: code },
    );
  }
  return p;
}
