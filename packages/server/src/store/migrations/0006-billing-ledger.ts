/**
 * The billing ledger on top of 0002 (docs/decisions/0060-billing-ledger-and-runs.md):
 * - exactly once, in the database: `invoice_lines.billing_key` names what a line bills (an
 *   imported record's component `record:<id>:<category>`, a dispute `dispute:<id>`, an allocation
 *   pair `alloc:<flow>:<period>:<seller>:<buyer>:<category>[:<part>]`) and is UNIQUE where set;
 *   crediting a basis releases its keys (→ NULL) so the corrected draft claims them again.
 *   `record_id` keeps the record's id for provenance and for finding what is not yet billed;
 * - numbered runs: `billing_runs.sequence` (1 = the run, ≥ 2 = tilläggskörning) unique per flow
 *   and period instead of one run per flow and period, and `scope` (null = the whole county, or
 *   the municipality a run was limited to). SQLite cannot drop a table constraint, so it
 *   rebuilds `billing_runs` (the documented 12-step way, foreign keys off around it);
 * - status `credited` with `credited_at` and `credit_reason` on the credited basis (and the
 *   reason on its credit note);
 * - the lock triggers of 0002 replaced by ones without gaps: once a basis leaves `draft` its
 *   columns and lines never change and it is never deleted; a line never moves into or out of
 *   such a basis; the only changes left are approved → sent, approved/sent → credited (with
 *   time and reason) and, on a credited basis's lines, billing_key → NULL. A basis is inserted
 *   as a draft, and approved only when its total equals the sum of its lines.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const LOCK = 'SAMV_LOCKED: fakturaunderlaget är godkänt och låst; det kan bara krediteras';

/** invoice_bases columns that never change after draft (all but status, sent_at, credited_at, credit_reason). */
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
] as const;

/** invoice_lines columns that never change on a locked basis (all but billing_key). */
const LINE_FROZEN = [
  'id',
  'invoice_basis_id',
  'line_no',
  'description',
  'quantity',
  'unit',
  'unit_price_ore',
  'amount_ore',
  'steps_json',
  'category',
  'base_quantity',
  'clause',
  'line_date',
  'reference',
  'credits_line_id',
  'record_id',
] as const;

/** The status changes allowed at all (the service makes each; the trigger refuses any other). */
const TRANSITIONS = `(NEW.status = OLD.status
  OR (OLD.status = 'draft' AND NEW.status = 'approved')
  OR (OLD.status = 'approved' AND NEW.status = 'sent' AND NEW.sent_at IS NOT NULL)
  OR (OLD.status IN ('approved', 'sent') AND NEW.status = 'credited' AND NEW.credited_at IS NOT NULL AND NEW.credit_reason IS NOT NULL AND length(trim(NEW.credit_reason)) >= 3))`;

const SUM_OF_LINES = `(SELECT COALESCE(SUM(amount_ore), 0) FROM invoice_lines WHERE invoice_basis_id = NEW.id)`;

async function run(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

function sqliteTriggers(): string[] {
  const changed = (cols: readonly string[]) => cols.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');
  const statusOf = (row: 'OLD' | 'NEW') => `(SELECT status FROM invoice_bases WHERE id = ${row}.invoice_basis_id)`;
  return [
    `CREATE TRIGGER invoice_bases_insert_draft BEFORE INSERT ON invoice_bases FOR EACH ROW WHEN NEW.status <> 'draft'
     BEGIN SELECT RAISE(ABORT, '${LOCK} (ett underlag skapas som utkast)'); END`,
    `CREATE TRIGGER invoice_bases_locked_update BEFORE UPDATE ON invoice_bases FOR EACH ROW
     WHEN NOT ${TRANSITIONS}
       OR (OLD.status <> 'draft' AND (${changed(BASIS_FROZEN)}))
       OR (OLD.status <> 'draft' AND NEW.sent_at IS NOT OLD.sent_at AND NOT (OLD.status = 'approved' AND NEW.status = 'sent'))
       OR ((NEW.credited_at IS NOT OLD.credited_at OR NEW.credit_reason IS NOT OLD.credit_reason) AND NOT (OLD.status <> NEW.status AND NEW.status = 'credited'))
       OR (OLD.status = 'draft' AND NEW.status = 'approved' AND NEW.total_ore <> ${SUM_OF_LINES})
     BEGIN SELECT RAISE(ABORT, '${LOCK}'); END`,
    `CREATE TRIGGER invoice_bases_locked_delete BEFORE DELETE ON invoice_bases FOR EACH ROW WHEN OLD.status <> 'draft'
     BEGIN SELECT RAISE(ABORT, '${LOCK}'); END`,
    `CREATE TRIGGER invoice_lines_locked_insert BEFORE INSERT ON invoice_lines FOR EACH ROW WHEN ${statusOf('NEW')} <> 'draft'
     BEGIN SELECT RAISE(ABORT, '${LOCK}'); END`,
    `CREATE TRIGGER invoice_lines_locked_delete BEFORE DELETE ON invoice_lines FOR EACH ROW WHEN ${statusOf('OLD')} <> 'draft'
     BEGIN SELECT RAISE(ABORT, '${LOCK}'); END`,
    // Either end locked: only the release of a credited basis's billing key passes.
    `CREATE TRIGGER invoice_lines_locked_update BEFORE UPDATE ON invoice_lines FOR EACH ROW
     WHEN (${statusOf('OLD')} <> 'draft' OR ${statusOf('NEW')} <> 'draft')
       AND NOT (${statusOf('OLD')} = 'credited' AND OLD.billing_key IS NOT NULL AND NEW.billing_key IS NULL AND NOT (${changed(LINE_FROZEN)}))
     BEGIN SELECT RAISE(ABORT, '${LOCK}'); END`,
  ];
}

function postgresTriggers(): string[] {
  // jsonb of the row minus the columns that may change: every other column, present and future.
  return [
    `CREATE FUNCTION samv_invoice_bases_guard() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'INSERT' THEN
         IF NEW.status <> 'draft' THEN RAISE EXCEPTION '${LOCK} (ett underlag skapas som utkast)'; END IF;
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
         OR (OLD.status = 'draft' AND NEW.status = 'approved' AND NEW.total_ore <> ${SUM_OF_LINES}) THEN
         RAISE EXCEPTION '${LOCK}';
       END IF;
       RETURN NEW;
     END $$`,
    'CREATE TRIGGER invoice_bases_guard BEFORE INSERT OR UPDATE OR DELETE ON invoice_bases FOR EACH ROW EXECUTE FUNCTION samv_invoice_bases_guard()',
    `CREATE FUNCTION samv_invoice_lines_guard() RETURNS trigger LANGUAGE plpgsql AS $$
     DECLARE old_status text; new_status text;
     BEGIN
       IF TG_OP <> 'INSERT' THEN SELECT status INTO old_status FROM invoice_bases WHERE id = OLD.invoice_basis_id; END IF;
       IF TG_OP <> 'DELETE' THEN SELECT status INTO new_status FROM invoice_bases WHERE id = NEW.invoice_basis_id; END IF;
       IF TG_OP = 'INSERT' THEN
         IF new_status <> 'draft' THEN RAISE EXCEPTION '${LOCK}'; END IF;
         RETURN NEW;
       END IF;
       IF TG_OP = 'DELETE' THEN
         IF old_status <> 'draft' THEN RAISE EXCEPTION '${LOCK}'; END IF;
         RETURN OLD;
       END IF;
       IF (old_status <> 'draft' OR new_status <> 'draft')
         AND NOT (old_status = 'credited' AND OLD.billing_key IS NOT NULL AND NEW.billing_key IS NULL
                  AND (to_jsonb(NEW) - 'billing_key') IS NOT DISTINCT FROM (to_jsonb(OLD) - 'billing_key')) THEN
         RAISE EXCEPTION '${LOCK}';
       END IF;
       RETURN NEW;
     END $$`,
    'CREATE TRIGGER invoice_lines_guard BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines FOR EACH ROW EXECUTE FUNCTION samv_invoice_lines_guard()',
  ];
}

const DROP_0002_POSTGRES = [
  'DROP TRIGGER IF EXISTS invoice_lines_locked ON invoice_lines',
  'DROP TRIGGER IF EXISTS invoice_bases_locked ON invoice_bases',
  'DROP FUNCTION IF EXISTS samv_invoice_lines_locked()',
  'DROP FUNCTION IF EXISTS samv_invoice_bases_locked()',
];
const SQLITE_0002_TRIGGERS = [
  'invoice_bases_locked_update',
  'invoice_bases_locked_delete',
  'invoice_lines_locked_insert',
  'invoice_lines_locked_update',
  'invoice_lines_locked_delete',
];
const SQLITE_0006_TRIGGERS = ['invoice_bases_insert_draft', ...SQLITE_0002_TRIGGERS];

const COMMON_UP = [
  'ALTER TABLE invoice_lines ADD COLUMN billing_key text',
  'ALTER TABLE invoice_lines ADD COLUMN record_id text',
  'CREATE UNIQUE INDEX invoice_lines_billing_key_uq ON invoice_lines (billing_key) WHERE billing_key IS NOT NULL',
  'CREATE INDEX invoice_lines_record_idx ON invoice_lines (record_id) WHERE billing_key IS NOT NULL',
  'ALTER TABLE invoice_bases ADD COLUMN credited_at text',
  'ALTER TABLE invoice_bases ADD COLUMN credit_reason text',
];

/** SQLite: billing_runs again, without the one-run-per-period constraint, with sequence and scope. */
const SQLITE_REBUILD_RUNS = [
  `CREATE TABLE billing_runs_new (
     id text PRIMARY KEY, flow text NOT NULL, period text NOT NULL, status text NOT NULL, started_by text NOT NULL, started_at text NOT NULL,
     finished_at text, demo boolean NOT NULL DEFAULT false, options_json text, summary_json text,
     sequence integer NOT NULL DEFAULT 1, scope text)`,
  `INSERT INTO billing_runs_new (id, flow, period, status, started_by, started_at, finished_at, demo, options_json, summary_json, sequence, scope)
     SELECT id, flow, period, status, started_by, started_at, finished_at, demo, options_json, summary_json, 1, NULL FROM billing_runs`,
  'DROP TABLE billing_runs',
  'ALTER TABLE billing_runs_new RENAME TO billing_runs',
];

/** Run `statements` on SQLite with foreign keys off (the pragma is ignored inside a transaction) in one transaction. */
async function sqliteRebuild(db: Kysely<unknown>, statements: readonly string[]): Promise<void> {
  await sql.raw('PRAGMA foreign_keys = OFF').execute(db);
  try {
    await sql.raw('BEGIN').execute(db);
    try {
      await run(db, statements);
      const broken = await sql.raw('PRAGMA foreign_key_check').execute(db);
      if (broken.rows.length > 0)
        throw new Error(`0006: ${String(broken.rows.length)} foreign key violations after rebuilding billing_runs`);
      await sql.raw('COMMIT').execute(db);
    } catch (e) {
      await sql.raw('ROLLBACK').execute(db);
      throw e;
    }
  } finally {
    await sql.raw('PRAGMA foreign_keys = ON').execute(db);
  }
}

/** Add the ledger columns and indexes, number the runs, replace the lock triggers. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const runs = 'CREATE UNIQUE INDEX billing_runs_sequence_uq ON billing_runs (flow, period, sequence)';
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // PostgreSQL runs each migration in a transaction already.
    await run(db, [
      ...DROP_0002_POSTGRES,
      ...COMMON_UP,
      'ALTER TABLE billing_runs DROP CONSTRAINT billing_runs_flow_period_uq',
      'ALTER TABLE billing_runs ADD COLUMN sequence integer NOT NULL DEFAULT 1',
      'ALTER TABLE billing_runs ADD COLUMN scope text',
      runs,
      ...postgresTriggers(),
    ]);
    return;
  }
  await sqliteRebuild(db, [
    ...SQLITE_0002_TRIGGERS.map((t) => `DROP TRIGGER IF EXISTS ${t}`),
    ...COMMON_UP,
    ...SQLITE_REBUILD_RUNS,
    runs,
    ...sqliteTriggers(),
  ]);
}

/** Back to 0004's shape (fails while a flow and period has more than one run). */
export async function down(db: Kysely<unknown>): Promise<void> {
  const drops = [
    'DROP INDEX IF EXISTS invoice_lines_billing_key_uq',
    'DROP INDEX IF EXISTS invoice_lines_record_idx',
    'DROP INDEX IF EXISTS billing_runs_sequence_uq',
  ];
  const columns = [
    'ALTER TABLE invoice_lines DROP COLUMN billing_key',
    'ALTER TABLE invoice_lines DROP COLUMN record_id',
    'ALTER TABLE invoice_bases DROP COLUMN credited_at',
    'ALTER TABLE invoice_bases DROP COLUMN credit_reason',
  ];
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await run(db, [
      'DROP TRIGGER IF EXISTS invoice_lines_guard ON invoice_lines',
      'DROP TRIGGER IF EXISTS invoice_bases_guard ON invoice_bases',
      'DROP FUNCTION IF EXISTS samv_invoice_lines_guard()',
      'DROP FUNCTION IF EXISTS samv_invoice_bases_guard()',
      ...drops,
      ...columns,
      'ALTER TABLE billing_runs DROP COLUMN sequence',
      'ALTER TABLE billing_runs DROP COLUMN scope',
      'ALTER TABLE billing_runs ADD CONSTRAINT billing_runs_flow_period_uq UNIQUE (flow, period)',
    ]);
    return;
  }
  await sqliteRebuild(db, [
    ...SQLITE_0006_TRIGGERS.map((t) => `DROP TRIGGER IF EXISTS ${t}`),
    ...drops,
    ...columns,
    `CREATE TABLE billing_runs_old (
       id text PRIMARY KEY, flow text NOT NULL, period text NOT NULL, status text NOT NULL, started_by text NOT NULL, started_at text NOT NULL,
       finished_at text, demo boolean NOT NULL DEFAULT false, options_json text, summary_json text,
       CONSTRAINT billing_runs_flow_period_uq UNIQUE (flow, period))`,
    'INSERT INTO billing_runs_old SELECT id, flow, period, status, started_by, started_at, finished_at, demo, options_json, summary_json FROM billing_runs',
    'DROP TABLE billing_runs',
    'ALTER TABLE billing_runs_old RENAME TO billing_runs',
  ]);
}
