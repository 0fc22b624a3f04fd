/**
 * Hardening of sign-in and of SQLite writes (decisions 0130, 0131):
 * - `users.must_change_password`: an account an administrator created or gave a new password
 *   may only change its password until the person has chosen their own;
 * - `imports.status` (`staging` while rows are written in short transactions, `complete` once
 *   visible), with the owner (`host:pid`) and a heartbeat so a killed writer's rows can be swept.
 *   At most one import stages at a time (partial unique index): two staging imports could each
 *   count the other's not yet visible rows as duplicates, and one failing would lose them.
 */
import { sql, type Kysely } from 'kysely';

/** Add the columns and the one-staging index. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(sql`false`))
    .execute();
  await db.schema
    .alterTable('imports')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('complete'))
    .execute();
  await db.schema.alterTable('imports').addColumn('staged_by', 'text').execute();
  await db.schema.alterTable('imports').addColumn('heartbeat_at', 'text').execute();
  await db.schema
    .createIndex('imports_one_staging_uq')
    .on('imports')
    .column('status')
    .unique()
    .where(sql.ref('status'), '=', 'staging')
    .execute();
}

/** Drop them again. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('imports_one_staging_uq').execute();
  for (const c of ['heartbeat_at', 'staged_by', 'status']) await db.schema.alterTable('imports').dropColumn(c).execute();
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
}
