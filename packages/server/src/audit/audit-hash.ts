/**
 * The hash of one audit row: SHA-256 over the canonical JSON of all its fields (the before/after
 * texts exactly as stored) together with the previous row's hash. Changing, deleting or
 * reordering any row therefore breaks the chain from that row on.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

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

/** Hex SHA-256 of the row's canonical JSON. */
export function auditHash(row: AuditHashInput): string {
  const text = canonicalJson({
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before_json,
    after: row.after_json,
    prevHash: row.prev_hash,
  });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
