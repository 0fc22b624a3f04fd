/**
 * Billing keys: what an invoice line bills, unique among the lines of non-credited bases (a
 * partial unique index, migration 0006; docs/decisions/0060-billing-ledger-and-runs.md). A record
 * with several components (an MT work order's work time, travel and parts) has one key per
 * component, so "a record is billed once" means once per component. Crediting a basis sets its
 * lines' keys to NULL, which is what makes the records billable again.
 */
import type { Party } from '@samverkan/core';
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../store/schema.js';

/** One component of an imported record. */
export function recordKey(recordId: string, category: string): string {
  return `record:${recordId}:${category}`;
}

/** A dispute's cost regulation. */
export function disputeKey(disputeId: string): string {
  return `dispute:${disputeId}`;
}

/** A party as it appears in keys: `region/MT`, `2380`. */
export function partyKey(p: Pick<Party, 'id' | 'unit'>): string {
  return p.unit === undefined ? p.id : `${p.id}/${p.unit}`;
}

/** The key prefix every line of one allocation pair of a flow and period starts with. */
export function allocationPairPrefix(
  flow: string,
  period: string,
  seller: Pick<Party, 'id' | 'unit'>,
  buyer: Pick<Party, 'id' | 'unit'>,
): string {
  return `alloc:${flow}:${period}:${partyKey(seller)}:${partyKey(buyer)}:`;
}

/** One line of an allocation pair (one per category, and per part such as an area when a pair has several). */
export function allocationKey(
  flow: string,
  period: string,
  seller: Pick<Party, 'id' | 'unit'>,
  buyer: Pick<Party, 'id' | 'unit'>,
  category: string,
  part?: string,
): string {
  return `${allocationPairPrefix(flow, period, seller, buyer)}${category}${part === undefined ? '' : `:${part}`}`;
}

/** Of `keys`, those already claimed by a line of a non-credited basis. */
export async function claimedKeys(db: Kysely<Database>, keys: readonly string[]): Promise<Set<string>> {
  const claimed = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('invoice_lines')
      .select('billing_key')
      .where('billing_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.billing_key !== null) claimed.add(r.billing_key);
  }
  return claimed;
}

/** The claimed keys that start with `prefix` (an allocation flow's period). */
export async function claimedWithPrefix(db: Kysely<Database>, prefix: string): Promise<string[]> {
  // substr rather than LIKE: area names may hold '%' or '_', and both databases have substr.
  const rows = await db
    .selectFrom('invoice_lines')
    .select('billing_key')
    .where(sql<SqlBool>`substr(billing_key, 1, ${prefix.length}) = ${prefix}`)
    .execute();
  return rows.flatMap((r) => (r.billing_key === null ? [] : [r.billing_key]));
}
