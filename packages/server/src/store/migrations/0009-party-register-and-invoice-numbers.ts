/**
 * The party register and invoice identity (docs/decisions/0140-party-register-and-invoice-numbers.md):
 * - `parties`: versions of each party's (and invoicing unit's) invoicing details — legal name,
 *   organisationsnummer, Peppol endpoint, address, VAT, bankgiro/plusgiro, payment terms, the
 *   buyer reference it wants (optionally per flow), the seller's invoice-number prefix — with
 *   valid-from, version, who recorded it, and which fields are still placeholders (EXEMPEL).
 *   `unit_key` is the unit or '' (so the unique index needs no NULL handling);
 * - `invoice_series`: one counter row per seller series (party, unit, year), bumped in the
 *   approving transaction, so numbers are gap-free and two approvals never share one;
 * - `invoice_bases` gets `invoice_series`, `invoice_number`, `issue_date`, `due_date` and
 *   `payment_terms_days`, unique per (series, number);
 * - the lock trigger on invoice_bases (0006) again, now also refusing any change of those columns
 *   except in the draft → approved transition (and a draft never carries them). Bases approved
 *   before this migration keep NULL (they are exported only after a new approval cycle).
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const LOCK = 'SAMV_LOCKED: fakturaunderlaget är godkänt och låst; det kan bara krediteras';

const IDENTITY = ['invoice_series', 'invoice_number', 'issue_date', 'due_date', 'payment_terms_days'] as const;

/** As 0006, plus the identity columns. */
const BASIS_FROZEN = [
  'id',
  'billing_run_id',
  'flow',
  'period',
  'seller_code',
  'buyer_code',
  'total_ore',
  'trace_json',
  'credit_of',
  'created_at',
  'approved_by',
  'approved_at',
  'demo',
  'seller_unit',
  'buyer_unit',
  'buyer_reference',
  'note',
  'replaces_id',
  'inputs_json',
  ...IDENTITY,
] as const;

const TRANSITIONS = `(NEW.status = OLD.status
  OR (OLD.status = 'draft' AND NEW.status = 'approved')
  OR (OLD.status = 'approved' AND NEW.status = 'sent' AND NEW.sent_at IS NOT NULL)
  OR (OLD.status IN ('approved', 'sent') AND NEW.status = 'credited' AND NEW.credited_at IS NOT NULL AND NEW.credit_reason IS NOT NULL AND length(trim(NEW.credit_reason)) >= 3))`;

const SUM_OF_LINES = `(SELECT COALESCE(SUM(amount_ore), 0) FROM invoice_lines WHERE invoice_basis_id = NEW.id)`;

/** Identity columns are set only by the approval, and a draft never has them. */
function identityRule(distinct: (c: string) => string): string {
  const changed = IDENTITY.map(distinct).join(' OR ');
  const draftHas = IDENTITY.map((c) => `NEW.${c} IS NOT NULL`).join(' OR ');
  return `((${changed}) AND NOT (OLD.status = 'draft' AND NEW.status = 'approved'))
       OR (NEW.status = 'draft' AND (${draftHas}))`;
}

function sqliteUpdateTrigger(frozen: readonly string[], withIdentity: boolean): string {
  const changed = (cols: readonly string[]) => cols.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');
  return `CREATE TRIGGER invoice_bases_locked_update BEFORE UPDATE ON invoice_bases FOR EACH ROW
     WHEN NOT ${TRANSITIONS}
       OR (OLD.status <> 'draft' AND (${changed(frozen)}))
       OR (OLD.status <> 'draft' AND NEW.sent_at IS NOT OLD.sent_at AND NOT (OLD.status = 'approved' AND NEW.status = 'sent'))
       OR ((NEW.credited_at IS NOT OLD.credited_at OR NEW.credit_reason IS NOT OLD.credit_reason) AND NOT (OLD.status <> NEW.status AND NEW.status = 'credited'))
       OR (OLD.status = 'draft' AND NEW.status = 'approved' AND NEW.total_ore <> ${SUM_OF_LINES})
       ${withIdentity ? `OR ${identityRule((c) => `NEW.${c} IS NOT OLD.${c}`)}` : ''}
     BEGIN SELECT RAISE(ABORT, '${LOCK}'); END`;
}

function postgresGuard(withIdentity: boolean): string {
  return `CREATE OR REPLACE FUNCTION samv_invoice_bases_guard() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'INSERT' THEN
         IF NEW.status <> 'draft' THEN RAISE EXCEPTION '${LOCK} (ett underlag skapas som utkast)'; END IF;
         ${withIdentity ? `IF ${IDENTITY.map((c) => `NEW.${c} IS NOT NULL`).join(' OR ')} THEN RAISE EXCEPTION '${LOCK} (fakturanummer sätts när underlaget godkänns)'; END IF;` : ''}
         RETURN NEW;
       END IF;
       IF TG_OP = 'DELETE' THEN
         IF OLD.status <> 'draft' THEN RAISE EXCEPTION '${LOCK}'; END IF;
         RETURN OLD;
       END IF;
       IF NOT ${TRANSITIONS}
         OR (OLD.status <> 'draft' AND (to_jsonb(NEW) - ARRAY['status', 'sent_at', 'credited_at', 'credit_reason']) IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['status', 'sent_at', 'credited_at', 'credit_reason']))
         OR (OLD.status <> 'draft' AND NEW.sent_at IS DISTINCT FROM OLD.sent_at AND NOT (OLD.status = 'approved' AND NEW.status = 'sent'))
         OR ((NEW.credited_at IS DISTINCT FROM OLD.credited_at OR NEW.credit_reason IS DISTINCT FROM OLD.credit_reason) AND NOT (OLD.status <> NEW.status AND NEW.status = 'credited'))
         OR (OLD.status = 'draft' AND NEW.status = 'approved' AND NEW.total_ore <> ${SUM_OF_LINES})
         ${withIdentity ? `OR ${identityRule((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`)}` : ''} THEN
         RAISE EXCEPTION '${LOCK}';
       END IF;
       RETURN NEW;
     END $$`;
}

/** SQLite: a basis is inserted without identity (0006's insert trigger covers the status). */
const SQLITE_INSERT_IDENTITY = `CREATE TRIGGER invoice_bases_insert_identity BEFORE INSERT ON invoice_bases FOR EACH ROW
     WHEN ${IDENTITY.map((c) => `NEW.${c} IS NOT NULL`).join(' OR ')}
     BEGIN SELECT RAISE(ABORT, '${LOCK} (fakturanummer sätts när underlaget godkänns)'); END`;

const FALSE = sql`false`;

/** Create the register, the counters and the identity columns; lock them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('party_code', 'text', (c) => c.notNull())
    .addColumn('unit_key', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('legal_name', 'text', (c) => c.notNull())
    .addColumn('organisation_number', 'text', (c) => c.notNull())
    .addColumn('endpoint_scheme', 'text', (c) => c.notNull())
    .addColumn('endpoint_id', 'text', (c) => c.notNull())
    .addColumn('street', 'text')
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('vat_number', 'text')
    .addColumn('payment_kind', 'text')
    .addColumn('payment_account', 'text')
    .addColumn('payment_terms_days', 'integer', (c) => c.notNull())
    .addColumn('buyer_reference', 'text', (c) => c.notNull())
    .addColumn('flow_references_json', 'text', (c) => c.notNull())
    .addColumn('invoice_prefix', 'text', (c) => c.notNull())
    .addColumn('placeholder_fields_json', 'text', (c) => c.notNull())
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(FALSE))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('parties_version_uq', ['party_code', 'unit_key', 'valid_from', 'version'])
    .execute();
  await db.schema
    .createTable('invoice_series')
    .addColumn('series', 'text', (c) => c.primaryKey())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .execute();
  for (const c of ['invoice_series', 'invoice_number', 'issue_date', 'due_date'] as const)
    await db.schema.alterTable('invoice_bases').addColumn(c, 'text').execute();
  await db.schema.alterTable('invoice_bases').addColumn('payment_terms_days', 'integer').execute();
  await sql
    .raw('CREATE UNIQUE INDEX invoice_bases_number_uq ON invoice_bases (invoice_series, invoice_number) WHERE invoice_number IS NOT NULL')
    .execute(db);
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql.raw(postgresGuard(true)).execute(db);
    return;
  }
  await sql.raw('DROP TRIGGER invoice_bases_locked_update').execute(db);
  await sql.raw(sqliteUpdateTrigger(BASIS_FROZEN, true)).execute(db);
  await sql.raw(SQLITE_INSERT_IDENTITY).execute(db);
}

/** Back to 0008's shape. */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql.raw(postgresGuard(false)).execute(db);
  } else {
    await sql.raw('DROP TRIGGER invoice_bases_insert_identity').execute(db);
    await sql.raw('DROP TRIGGER invoice_bases_locked_update').execute(db);
    await sql
      .raw(
        sqliteUpdateTrigger(
          BASIS_FROZEN.filter((c) => !(IDENTITY as readonly string[]).includes(c)),
          false,
        ),
      )
      .execute(db);
  }
  await sql.raw('DROP INDEX invoice_bases_number_uq').execute(db);
  for (const c of [...IDENTITY].reverse()) await db.schema.alterTable('invoice_bases').dropColumn(c).execute();
  await db.schema.dropTable('invoice_series').execute();
  await db.schema.dropTable('parties').execute();
}
