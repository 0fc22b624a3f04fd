/**
 * Cost regulation after a dispute (ORD/SABO/SYNHOR/PALL.tvist: "Eventuella kostnadsregleringar
 * görs i efterhand"): a decision with an amount names who pays and who receives it, and the day
 * it was decided, so the billing flow `cost-regulation` can turn it into an invoice line of the
 * decision month. Disputes decided before this migration have no payer and are not billed.
 */
import type { Kysely } from 'kysely';

const COLUMNS = ['cost_regulation_payer', 'cost_regulation_payee', 'decided_on'] as const;

/** Add payer, payee and decision day to disputes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const c of COLUMNS) await db.schema.alterTable('disputes').addColumn(c, 'text').execute();
}

/** Drop the columns again. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const c of [...COLUMNS].reverse()) await db.schema.alterTable('disputes').dropColumn(c).execute();
}
