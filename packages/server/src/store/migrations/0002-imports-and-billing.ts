/**
 * Imports and billing runs on top of 0001:
 * - `import_rows.natural_key` with a unique index per kind: the same record imported twice is
 *   stored once (idempotent imports); `identity_key` names what a state-like record describes
 *   (an inventory count of one municipality on one date, a year's connected count), so a newer
 *   import of the same identity replaces the value billing uses;
 * - invoice bases get the paying/selling unit (syncentralen/hörcentralen, MT), the buyer's
 *   reference and a note (editable only while draft), the basis a corrected draft replaces, and
 *   the records it was computed from; a basis can be credited at most once (unique `credit_of`);
 * - invoice lines keep category, price base quantity, clause, date, reference, and for a credit
 *   line the line it credits;
 * - billing runs keep the options they were started with (a correction recomputes with them) and
 *   a summary (notes such as assignments recorded but not billed);
 * - triggers that make an approved or sent basis and its lines immutable in the database itself:
 *   the only change allowed after `draft` is `approved → sent`. The service checks first (every
 *   update has `WHERE status = 'draft'`); the triggers stop anything that bypasses it.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/** Columns of invoice_bases that never change once a basis has left `draft`. */
const LOCKED_BASIS_COLUMNS = [
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
] as const;

const LOCK_MESSAGE = 'SAMV_LOCKED: fakturaunderlaget är godkänt och låst; det kan bara krediteras';

async function addColumns(db: Kysely<unknown>, table: string, columns: readonly [string, 'text' | 'integer'][]): Promise<void> {
  // One statement per column: SQLite's ALTER TABLE adds a single column at a time.
  for (const [name, type] of columns) await db.schema.alterTable(table).addColumn(name, type).execute();
}

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const changed = LOCKED_BASIS_COLUMNS.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');
  await sql
    .raw(
      `CREATE TRIGGER invoice_bases_locked_update BEFORE UPDATE ON invoice_bases FOR EACH ROW
       WHEN OLD.status <> 'draft' AND (${changed}
         OR NOT (NEW.status = OLD.status OR (OLD.status = 'approved' AND NEW.status = 'sent'))
         OR (NEW.sent_at IS NOT OLD.sent_at AND NOT (OLD.status = 'approved' AND NEW.status = 'sent')))
       BEGIN SELECT RAISE(ABORT, '${LOCK_MESSAGE}'); END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER invoice_bases_locked_delete BEFORE DELETE ON invoice_bases FOR EACH ROW WHEN OLD.status <> 'draft' BEGIN SELECT RAISE(ABORT, '${LOCK_MESSAGE}'); END`,
    )
    .execute(db);
  for (const [op, row] of [
    ['INSERT', 'NEW'],
    ['UPDATE', 'OLD'],
    ['DELETE', 'OLD'],
  ] as const) {
    await sql
      .raw(
        `CREATE TRIGGER invoice_lines_locked_${op.toLowerCase()} BEFORE ${op} ON invoice_lines FOR EACH ROW
         WHEN (SELECT status FROM invoice_bases WHERE id = ${row}.invoice_basis_id) <> 'draft'
         BEGIN SELECT RAISE(ABORT, '${LOCK_MESSAGE}'); END`,
      )
      .execute(db);
  }
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  const changed = LOCKED_BASIS_COLUMNS.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ');
  await sql
    .raw(
      `CREATE FUNCTION samv_invoice_bases_locked() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'DELETE' THEN
           IF OLD.status <> 'draft' THEN RAISE EXCEPTION '${LOCK_MESSAGE}'; END IF;
           RETURN OLD;
         END IF;
         IF OLD.status <> 'draft' AND (${changed}
           OR NOT (NEW.status = OLD.status OR (OLD.status = 'approved' AND NEW.status = 'sent'))
           OR (NEW.sent_at IS DISTINCT FROM OLD.sent_at AND NOT (OLD.status = 'approved' AND NEW.status = 'sent'))) THEN
           RAISE EXCEPTION '${LOCK_MESSAGE}';
         END IF;
         RETURN NEW;
       END $$`,
    )
    .execute(db);
  await sql
    .raw(
      'CREATE TRIGGER invoice_bases_locked BEFORE UPDATE OR DELETE ON invoice_bases FOR EACH ROW EXECUTE FUNCTION samv_invoice_bases_locked()',
    )
    .execute(db);
  await sql
    .raw(
      `CREATE FUNCTION samv_invoice_lines_locked() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE basis_id text;
       BEGIN
         IF TG_OP = 'INSERT' THEN basis_id := NEW.invoice_basis_id; ELSE basis_id := OLD.invoice_basis_id; END IF;
         IF (SELECT status FROM invoice_bases WHERE id = basis_id) <> 'draft' THEN RAISE EXCEPTION '${LOCK_MESSAGE}'; END IF;
         IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
         RETURN NEW;
       END $$`,
    )
    .execute(db);
  await sql
    .raw(
      'CREATE TRIGGER invoice_lines_locked BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines FOR EACH ROW EXECUTE FUNCTION samv_invoice_lines_locked()',
    )
    .execute(db);
}

/** Add the columns, indexes and lock triggers. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addColumns(db, 'import_rows', [
    ['natural_key', 'text'],
    ['identity_key', 'text'],
  ]);
  await db.schema.createIndex('import_rows_natural_key_uq').on('import_rows').columns(['kind', 'natural_key']).unique().execute();
  await db.schema.createIndex('import_rows_identity_idx').on('import_rows').columns(['kind', 'identity_key']).execute();
  await db.schema.createIndex('import_rows_municipality_idx').on('import_rows').column('municipality_code').execute();

  await addColumns(db, 'billing_runs', [
    ['options_json', 'text'],
    ['summary_json', 'text'],
  ]);

  await addColumns(db, 'invoice_bases', [
    ['seller_unit', 'text'],
    ['buyer_unit', 'text'],
    ['buyer_reference', 'text'],
    ['note', 'text'],
    ['replaces_id', 'text'],
    ['inputs_json', 'text'],
  ]);
  await db.schema.createIndex('invoice_bases_credit_of_uq').on('invoice_bases').column('credit_of').unique().execute();
  await db.schema.createIndex('invoice_bases_run_idx').on('invoice_bases').column('billing_run_id').execute();

  await addColumns(db, 'invoice_lines', [
    ['category', 'text'],
    ['base_quantity', 'integer'],
    ['clause', 'text'],
    ['line_date', 'text'],
    ['reference', 'text'],
    ['credits_line_id', 'text'],
  ]);

  if (db.getExecutor().adapter instanceof PostgresAdapter) await postgresTriggers(db);
  else await sqliteTriggers(db);
}

/** Remove the triggers, indexes and columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql.raw('DROP TRIGGER IF EXISTS invoice_lines_locked ON invoice_lines').execute(db);
    await sql.raw('DROP TRIGGER IF EXISTS invoice_bases_locked ON invoice_bases').execute(db);
    await sql.raw('DROP FUNCTION IF EXISTS samv_invoice_lines_locked()').execute(db);
    await sql.raw('DROP FUNCTION IF EXISTS samv_invoice_bases_locked()').execute(db);
  } else {
    for (const t of [
      'invoice_bases_locked_update',
      'invoice_bases_locked_delete',
      'invoice_lines_locked_insert',
      'invoice_lines_locked_update',
      'invoice_lines_locked_delete',
    ]) {
      await sql.raw(`DROP TRIGGER IF EXISTS ${t}`).execute(db);
    }
  }
  for (const i of [
    'import_rows_natural_key_uq',
    'import_rows_identity_idx',
    'import_rows_municipality_idx',
    'invoice_bases_credit_of_uq',
    'invoice_bases_run_idx',
  ])
    await db.schema.dropIndex(i).execute();
  const drop: readonly [string, readonly string[]][] = [
    ['invoice_lines', ['category', 'base_quantity', 'clause', 'line_date', 'reference', 'credits_line_id']],
    ['invoice_bases', ['seller_unit', 'buyer_unit', 'buyer_reference', 'note', 'replaces_id', 'inputs_json']],
    ['billing_runs', ['options_json', 'summary_json']],
    ['import_rows', ['natural_key', 'identity_key']],
  ];
  for (const [table, columns] of drop) for (const c of columns) await db.schema.alterTable(table).dropColumn(c).execute();
}
