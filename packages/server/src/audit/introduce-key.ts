/**
 * Bring a chain written before the audit key existed (plain SHA-256, before migration 0008)
 * under the key: one keyed row, `introduce-audit-key`, records how many rows were unkeyed and
 * the hash of the last of them, and seals the state of every user, import and invoice basis as
 * it is now. Its HMAC covers that link, so the old rows cannot be rewritten afterwards either.
 * A `legacy` checkpoint outside the database records the same boundary.
 *
 * It is not done when the checkpoint file already holds checkpoints: then the chain was keyed
 * before, and a head that looks unkeyed is a rewrite for `audit verify` to report, not to bless.
 */
import { existsSync, statSync } from 'node:fs';
import type { Store } from '../store/db.js';
import { auditHash, auditMac } from './audit-hash.js';
import { appendChainRow } from './append-audit.js';
import { appendCheckpoint, signCheckpoint } from './checkpoints.js';
import { sealEverything } from './object-digests.js';

/** What `introduceAuditKey` found. */
export type KeyIntroduction =
  | { readonly introduced: true; readonly legacyRows: number }
  | { readonly introduced: false; readonly reason: 'empty' | 'keyed' | 'not-a-legacy-head' | 'checkpoints-exist' | 'no-key' };

/** Audit action of the row that introduces the key. */
export const INTRODUCE_KEY_ACTION = 'introduce-audit-key';

/** Introduce the key into a legacy chain (see the file comment); also write a `start` checkpoint. */
export async function introduceAuditKey(store: Store): Promise<KeyIntroduction> {
  const settings = store.audit;
  if (settings === undefined) return { introduced: false, reason: 'no-key' };
  const last = await store.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (last === undefined) return { introduced: false, reason: 'empty' };
  const file = settings.checkpointFile;
  if (auditMac(settings.key, last) === last.hash) {
    if (file !== undefined) appendCheckpoint(file, signCheckpoint(settings.key, 'start', last));
    return { introduced: false, reason: 'keyed' };
  }
  if (last.state_json !== null || auditHash(last) !== last.hash) return { introduced: false, reason: 'not-a-legacy-head' };
  if (file !== undefined && existsSync(file) && statSync(file).size > 0) return { introduced: false, reason: 'checkpoints-exist' };
  const legacy = await store.transaction(async (trx) => {
    // Under the chain lock: another process may have introduced the key meanwhile.
    const head = await trx.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    if (auditMac(settings.key, head) === head.hash) return undefined;
    await appendChainRow(
      trx,
      {
        actor: 'system',
        action: INTRODUCE_KEY_ACTION,
        entity: 'audit_log',
        entityId: String(head.seq),
        before: null,
        after: { legacyRows: head.seq, legacyHead: head.hash, algorithm: 'HMAC-SHA-256', keyId: settings.key.id },
      },
      await sealEverything(trx),
    );
    return head;
  });
  if (legacy === undefined) return { introduced: false, reason: 'keyed' };
  if (file !== undefined) appendCheckpoint(file, signCheckpoint(settings.key, 'legacy', legacy));
  return { introduced: true, legacyRows: legacy.seq };
}
