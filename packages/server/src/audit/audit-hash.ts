/**
 * The hash of one audit row, over the canonical JSON of all its fields (the before/after texts
 * exactly as stored) together with the previous row's hash, so changing, deleting or reordering
 * any row breaks the chain from that row on.
 * - `auditMac`: HMAC-SHA-256 with the audit key (decision 0100), also covering the sealed state.
 *   Without the key nobody can write a row that verifies, so a recomputed chain is detected.
 * - `auditHash`: the plain SHA-256 of rows written before the key existed (migration 0008); such
 *   rows are accepted only before the row that introduced the key (audit/introduce-key.ts).
 */
import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { AuditKey } from './audit-key.js';

/** `prev_hash` of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hashed fields of an audit row. */
export interface AuditHashInput {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entity: string;
  readonly entity_id: string;
  readonly before_json: string | null;
  readonly after_json: string | null;
  readonly prev_hash: string;
}

/** A keyed row also carries its sealed state. */
export interface AuditMacInput extends AuditHashInput {
  readonly state_json: string | null;
}

function fields(row: AuditHashInput): Record<string, unknown> {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before_json,
    after: row.after_json,
    prevHash: row.prev_hash,
  };
}

/** Hex SHA-256 of the row's canonical JSON (rows written before the key). */
export function auditHash(row: AuditHashInput): string {
  return createHash('sha256')
    .update(canonicalJson(fields(row)), 'utf8')
    .digest('hex');
}

/** Hex HMAC-SHA-256 of the row's canonical JSON with the audit key. */
export function auditMac(key: AuditKey, row: AuditMacInput): string {
  const text = canonicalJson({ v: 2, ...fields(row), state: row.state_json });
  return createHmac('sha256', key.secret).update(text, 'utf8').digest('hex');
}
