/**
 * Recorded terminations (uppsägningar) of one document or of the whole agreement (`ALL`),
 * PRINC.giltighet: notice is given via the länsövergripande politisk samverkansarena, preceded
 * by dialogue there. The same document cannot be terminated twice on the same notice date.
 */
import { sql, type Kysely } from 'kysely';

/** Create the terminations table. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('terminations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('notice_date', 'text', (c) => c.notNull())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('dialogue_held', 'boolean', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('demo', 'boolean', (c) => c.notNull().defaultTo(sql`false`))
    .execute();
  await db.schema.createIndex('terminations_document_date_uq').on('terminations').columns(['document', 'notice_date']).unique().execute();
}

/** Drop the terminations table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('terminations').execute();
}
