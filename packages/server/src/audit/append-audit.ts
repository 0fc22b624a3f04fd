/**
 * Append one row to the audit trail, inside the transaction of the change it records (use
 * `store.transaction`, which also serialises writers of the chain). Secrets never enter the trail:
 * password and hash fields are replaced before the row is written.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import { nowIso } from '../store/clock.js';
import { canonicalJson } from './canonical-json.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';

/** What changed, by whom. `before` is null for a creation, `after` null for a deletion. */
export interface AuditEntry {
  /** `user:<username>`, `cli:<os user>`, `system`, or `oidc:<username>`. */
  readonly actor: string;
  /** Verb in the past tense of the change, e.g. `create`, `update`, `delete`, `login`. */
  readonly action: string;
  /** Table or concept, e.g. `users`, `index_values`. */
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

const secretKeys = /^(password|password_hash|passwordHash|secret|token|csrfToken|sessionId)$/i;

/** Replace secret-looking members (at any depth) with a marker. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, secretKeys.test(k) ? '[dolt]' : redactSecrets(v)]));
  }
  return value;
}

function jsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : canonicalJson(redactSecrets(value));
}

/** Append `entry` to the hash chain; returns the new row's sequence number and hash. */
export async function appendAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<{ seq: number; hash: string }> {
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: nowIso(),
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    before_json: jsonOrNull(entry.before),
    after_json: jsonOrNull(entry.after),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = auditHash(row);
  await trx.insertInto('audit_log').values({ ...row, hash }).execute();
  return { seq: row.seq, hash };
}
