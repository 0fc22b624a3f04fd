/**
 * Append one row to the audit trail, inside the transaction of the change it records and after
 * the change (use `store.transaction`, which serialises writers of the chain and knows the audit
 * key). The row is keyed with HMAC-SHA-256 and seals the current digests of the objects the
 * change concerns (audit/object-digests.ts), so changes made beside the service show up in
 * `audit verify`. Secrets never enter the trail: password and hash fields are replaced before
 * the row is written.
 */
import type { Transaction } from 'kysely';
import { SamverkanError } from '@samverkan/core';
import type { Database } from '../store/schema.js';
import { nowIso } from '../store/clock.js';
import { canonicalJson } from './canonical-json.js';
import { auditMac, GENESIS_HASH } from './audit-hash.js';
import { chainContextOf } from './chain-context.js';
import { sealFor, type SealedState } from './object-digests.js';

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
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, secretKeys.test(k) ? '[dolt]' : redactSecrets(v)]),
    );
  }
  return value;
}

function jsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : canonicalJson(redactSecrets(value));
}

/** Append `entry` to the hash chain; returns the new row's sequence number and hash. */
export async function appendAudit(trx: Transaction<Database>, entry: AuditEntry): Promise<{ seq: number; hash: string }> {
  return appendChainRow(trx, entry, await sealFor(trx, entry.entity, entry.entityId));
}

/** Append a row with an explicit sealed state (the row that introduces the key seals everything). */
export async function appendChainRow(
  trx: Transaction<Database>,
  entry: AuditEntry,
  state: SealedState | null,
): Promise<{ seq: number; hash: string }> {
  const ctx = chainContextOf(trx);
  const key = ctx?.settings?.key;
  if (ctx === undefined || key === undefined) {
    throw new SamverkanError(
      'SAMV_ERR_INTERNAL',
      'Granskningsloggen kan bara skrivas i en transaktion från store.transaction med granskningsnyckeln (SAMVERKAN_AUDIT_KEY).',
    );
  }
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
    state_json: state === null ? null : canonicalJson(state),
  };
  const hash = auditMac(key, row);
  await trx
    .insertInto('audit_log')
    .values({ ...row, hash })
    .execute();
  ctx.head = { seq: row.seq, hash };
  return { seq: row.seq, hash };
}
