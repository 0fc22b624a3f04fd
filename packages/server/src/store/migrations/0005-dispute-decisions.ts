/**
 * Disputes decided where the agreement says (docs/decisions/0071-dispute-decisions.md): a
 * decision is either proposed by one party's economist and confirmed by the other party's
 * (`dispute_proposals`), or recorded from the forum's minutes by a user with that right. The
 * dispute keeps which forum of its escalation path took the standing decision, how it was taken,
 * who confirmed or recorded it, and the proposal or minutes it came from.
 */
import { sql, type Kysely } from 'kysely';

const DISPUTE_COLUMNS = ['decided_by_forum', 'decision_basis', 'decided_by', 'decision_proposal_id', 'forum_minutes'] as const;

/** Add the proposals table and the decision columns. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dispute_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dispute_id', 'text', (c) => c.notNull().references('disputes.id').onDelete('cascade'))
    .addColumn('step_no', 'integer', (c) => c.notNull())
    .addColumn('forum', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('cost_regulation_ore', 'bigint')
    .addColumn('cost_regulation_payer', 'text')
    .addColumn('cost_regulation_payee', 'text')
    .addColumn('proposed_by', 'text', (c) => c.notNull())
    .addColumn('proposed_by_party', 'text', (c) => c.notNull())
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('settled_by', 'text')
    .addColumn('settled_at', 'text')
    .addCheckConstraint('dispute_proposals_status_check', sql`status in ('pending', 'confirmed', 'superseded')`)
    // The proposer never settles their own proposal as confirmed (the service refuses it first).
    .addCheckConstraint(
      'dispute_proposals_confirmer_check',
      sql`status <> 'confirmed' or (settled_by is not null and settled_by <> proposed_by)`,
    )
    .execute();
  await db.schema.createIndex('dispute_proposals_dispute_idx').on('dispute_proposals').column('dispute_id').execute();
  for (const c of DISPUTE_COLUMNS) await db.schema.alterTable('disputes').addColumn(c, 'text').execute();
}

/** Drop them again. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const c of [...DISPUTE_COLUMNS].reverse()) await db.schema.alterTable('disputes').dropColumn(c).execute();
  await db.schema.dropTable('dispute_proposals').execute();
}
