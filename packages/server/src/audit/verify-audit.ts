/**
 * Walk the audit chain from the first row and report the first row that does not fit: a missing
 * sequence number (a deleted row), a hash that does not match the row's contents (an edited or
 * moved row) or a `prev_hash` that does not match the row before (a row replaced with a
 * recomputed hash). Deleting the newest rows leaves a shorter valid chain: compare `lastSeq` and
 * `lastHash` with a copy kept elsewhere to detect that.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';

/** What is wrong with the first bad row. */
export type AuditProblem = 'missing' | 'edited' | 'relinked';

/** Result of a verification. */
export type AuditVerification =
  | { readonly ok: true; readonly rows: number; readonly lastSeq: number; readonly lastHash: string }
  | { readonly ok: false; readonly rows: number; readonly seq: number; readonly problem: AuditProblem; readonly message: string };

const PAGE = 1000;

/** Verify the whole chain. */
export async function verifyAudit(db: Kysely<Database>): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of page) {
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          rows,
          seq: expectedSeq,
          problem: 'missing',
          message: `Granskningsloggen är bruten: rad ${expectedSeq} saknas (raderad). Nästa rad är ${row.seq}.`,
        };
      }
      if (auditHash(row) !== row.hash) {
        return {
          ok: false,
          rows,
          seq: row.seq,
          problem: 'edited',
          message: `Granskningsloggen är bruten: rad ${row.seq} (${row.entity} ${row.entity_id}, ${row.at}) har ändrats efter att den skrevs.`,
        };
      }
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          rows,
          seq: row.seq,
          problem: 'relinked',
          message: `Granskningsloggen är bruten: rad ${row.seq} pekar inte på rad ${row.seq - 1}; någon av raderna har bytts ut.`,
        };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      rows += 1;
    }
    if (page.length < PAGE) return { ok: true, rows, lastSeq: expectedSeq - 1, lastHash: prevHash };
  }
}
