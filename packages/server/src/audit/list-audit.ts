/** Read the audit trail, newest first, with before/after parsed back to JSON values. */
import type { Kysely } from 'kysely';
import { parseDate } from '@samverkan/core';
import type { Database } from '../store/schema.js';

/**
 * The instant a Swedish calendar day (plus `addDays`) begins, as stored (`…T23:00:00.000Z`): a
 * day filter means the day in Stockholm, not in UTC.
 */
function startOfDay(date: string, field: string, addDays = 0): string {
  const day = parseDate(date, field).add({ days: addDays });
  return day.toZonedDateTime({ timeZone: 'Europe/Stockholm' }).toInstant().toString({ fractionalSecondDigits: 3 });
}

/** One audit row as the API returns it. */
export interface AuditView {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

/** Filters for `listAudit` (all of them must hold). */
export interface AuditFilter {
  readonly entity?: string | undefined;
  readonly entityId?: string | undefined;
  /** The stored actor id, e.g. `user:ekonom.region`. */
  readonly actor?: string | undefined;
  /** The stored action, e.g. `approve`. */
  readonly action?: string | undefined;
  /** First day (YYYY-MM-DD, Europe/Stockholm), inclusive. */
  readonly from?: string | undefined;
  /** Last day (YYYY-MM-DD, Europe/Stockholm), inclusive. */
  readonly to?: string | undefined;
  /** Only rows with a smaller sequence number (paging). */
  readonly beforeSeq?: number | undefined;
  readonly limit: number;
}

/** Newest rows first. */
export async function listAudit(db: Kysely<Database>, filter: AuditFilter): Promise<AuditView[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(filter.limit);
  if (filter.entity !== undefined) q = q.where('entity', '=', filter.entity);
  if (filter.entityId !== undefined) q = q.where('entity_id', '=', filter.entityId);
  if (filter.beforeSeq !== undefined) q = q.where('seq', '<', filter.beforeSeq);
  if (filter.actor !== undefined) q = q.where('actor', '=', filter.actor);
  if (filter.action !== undefined) q = q.where('action', '=', filter.action);
  if (filter.from !== undefined) q = q.where('at', '>=', startOfDay(filter.from, 'from'));
  if (filter.to !== undefined) q = q.where('at', '<', startOfDay(filter.to, 'to', 1));
  const rows = await q.execute();
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
    after: r.after_json === null ? null : (JSON.parse(r.after_json) as unknown),
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}
