/**
 * The first schema: every table of store/schema.ts, written with Kysely's schema builder so the
 * same migration runs on SQLite and PostgreSQL (text, integer and bigint only; booleans default
 * through the SQL keyword `false`, which both accept).
 */
import { sql, type Kysely } from 'kysely';

const FALSE = sql`false`;

/** Create the tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('municipalities')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.references('municipalities.code'))
    .addColumn('password_hash', 'text')
    .addColumn('email', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(sql`true`))
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(FALSE))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('users_role_check', sql`role in ('admin', 'region_economist', 'municipality_economist', 'manager', 'viewer')`)
    .addCheckConstraint(
      'users_municipality_check',
      sql`(role = 'municipality_economist' and municipality_code is not null) or (role <> 'municipality_economist' and municipality_code is null)`,
    )
    .execute();
  await db.schema.createIndex('users_email_idx').on('users').column('email').execute();

  await db.schema
    .createTable('user_identities')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_identities_pk', ['issuer', 'subject'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();

  await db.schema
    .createTable('index_values')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('percent', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('decision_ref', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('example', 'boolean', (c) => c.notNull().defaultTo(FALSE))
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(FALSE))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('index_values_version_uq', ['series', 'year', 'version'])
    .execute();

  await db.schema
    .createTable('parameter_values')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parameter_id', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('base_year', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('decision_ref', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(FALSE))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('parameter_values_version_uq', ['parameter_id', 'valid_from', 'version'])
    .execute();

  await db.schema
    .createTable('allocation_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('factors_json', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('decision_ref', 'text')
    .addColumn('example', 'boolean', (c) => c.notNull().defaultTo(FALSE))
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(FALSE))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('allocation_keys_version_uq', ['name', 'valid_from', 'version'])
    .execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('municipality_code', 'text', (c) => c.references('municipalities.code'))
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(FALSE))
    .execute();
  await db.schema.createIndex('imports_content_idx').on('imports').columns(['kind', 'content_sha256']).execute();

  await db.schema
    .createTable('import_rows')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('seller_code', 'text')
    .addColumn('buyer_code', 'text')
    .addColumn('municipality_code', 'text')
    .addColumn('amount_ore', 'bigint')
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(FALSE))
    .execute();
  await db.schema.createIndex('import_rows_kind_period_idx').on('import_rows').columns(['kind', 'period']).execute();
  await db.schema.createIndex('import_rows_import_idx').on('import_rows').column('import_id').execute();

  await db.schema
    .createTable('billing_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('flow', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(FALSE))
    .addUniqueConstraint('billing_runs_flow_period_uq', ['flow', 'period'])
    .execute();

  await db.schema
    .createTable('invoice_bases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('billing_run_id', 'text', (c) => c.references('billing_runs.id'))
    .addColumn('flow', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('seller_code', 'text', (c) => c.notNull())
    .addColumn('buyer_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total_ore', 'bigint', (c) => c.notNull())
    .addColumn('trace_json', 'text', (c) => c.notNull())
    .addColumn('credit_of', 'text', (c) => c.references('invoice_bases.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(FALSE))
    .execute();
  await db.schema.createIndex('invoice_bases_parties_idx').on('invoice_bases').columns(['seller_code', 'buyer_code']).execute();

  await db.schema
    .createTable('invoice_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('invoice_basis_id', 'text', (c) => c.notNull().references('invoice_bases.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('quantity', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_price_ore', 'bigint', (c) => c.notNull())
    .addColumn('amount_ore', 'bigint', (c) => c.notNull())
    .addColumn('steps_json', 'text', (c) => c.notNull())
    .addUniqueConstraint('invoice_lines_no_uq', ['invoice_basis_id', 'line_no'])
    .execute();

  await db.schema
    .createTable('disputes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('party_a_code', 'text', (c) => c.notNull())
    .addColumn('party_b_code', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('current_step', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('cost_regulation_ore', 'bigint')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(FALSE))
    .execute();

  await db.schema
    .createTable('dispute_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dispute_id', 'text', (c) => c.notNull().references('disputes.id').onDelete('cascade'))
    .addColumn('step_no', 'integer', (c) => c.notNull())
    .addColumn('forum', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

/** Drop the tables (children first). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'dispute_steps',
    'disputes',
    'invoice_lines',
    'invoice_bases',
    'billing_runs',
    'import_rows',
    'imports',
    'allocation_keys',
    'parameter_values',
    'index_values',
    'audit_log',
    'sessions',
    'user_identities',
    'users',
    'municipalities',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
