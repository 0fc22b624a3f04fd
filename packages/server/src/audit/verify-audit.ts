/**
 * Verify the audit trail (decision 0100) and name the first thing that does not fit:
 * - the chain: a missing sequence number (a deleted row), a row whose hash does not match its
 *   contents (edited), a row whose hash was computed without the audit key (recomputed when a
 *   checkpoint had already seen that row, otherwise forged), a `prev_hash` that does not link to
 *   the row before (relinked);
 * - the checkpoints outside the database: fewer rows than a checkpoint saw (the newest rows or
 *   all rows deleted), a row whose hash differs from the one a checkpoint recorded (rewritten),
 *   a checkpoint line that is not signed with the key;
 * - the sealed objects: a user, import or invoice basis whose content differs from its last
 *   audited state, one without any audit row, or one deleted without one (changed outside the
 *   service).
 * Rows before the `introduce-audit-key` row are plain SHA-256 (written before the key existed).
 */
import type { Kysely } from 'kysely';
import type { Database, AuditRow } from '../store/schema.js';
import { auditHash, auditMac, GENESIS_HASH } from './audit-hash.js';
import { auditSettingsOf } from './chain-context.js';
import { appendCheckpoint, readCheckpoints, signCheckpoint, type Checkpoint, type ReadCheckpoint } from './checkpoints.js';
import { INTRODUCE_KEY_ACTION } from './introduce-key.js';
import { verifyObjects, type SealIndex } from './verify-objects.js';
import { sealTables, type SealTable } from './object-digests.js';

/** What is wrong with the first bad row or object. */
export type AuditProblem =
  | 'missing'
  | 'edited'
  | 'relinked'
  | 'recomputed'
  | 'forged'
  | 'truncated'
  | 'emptied'
  | 'rewritten'
  | 'checkpoint'
  | 'changed-outside'
  | 'added-outside'
  | 'deleted-outside'
  | 'no-key';

/** Result of a verification. */
export type AuditVerification =
  | {
      readonly ok: true;
      readonly rows: number;
      readonly lastSeq: number;
      readonly lastHash: string;
      readonly keyId: string;
      /** Rows written before the key (plain SHA-256), protected by the row that introduced it. */
      readonly legacyRows: number;
      /** Signed checkpoints compared with the chain. */
      readonly checkpoints: number;
      /** Sealed objects compared with their last audited state. */
      readonly objects: Readonly<Record<SealTable, number>>;
      /** The checkpoint written now (keep a copy elsewhere). */
      readonly checkpoint?: Checkpoint;
    }
  | {
      readonly ok: false;
      readonly rows: number;
      readonly seq: number;
      readonly problem: AuditProblem;
      readonly message: string;
      readonly entity?: string;
      readonly entityId?: string;
      /** Every object found changed outside the service (at most 50 messages). */
      readonly findings?: readonly string[];
    };

/** Options of `verifyAudit`. */
export interface VerifyOptions {
  /** More checkpoint files (copies kept elsewhere) besides the store's own. */
  readonly checkpointFiles?: readonly string[];
  /** Append a `verify` checkpoint to the store's file when everything is intact (the CLI does). */
  readonly writeCheckpoint?: boolean;
}

type Failure = Extract<AuditVerification, { ok: false }>;

const PAGE = 1000;

function where(row: AuditRow): string {
  return `rad ${String(row.seq)} (${row.action} ${row.entity} ${row.entity_id}, ${row.at})`;
}

function cpText(c: ReadCheckpoint): string {
  return `kontrollpunkten från ${c.checkpoint.at} (${c.file} rad ${String(c.line)})`;
}

/** Whether `row` is the keyed row that introduced the key after `legacyRows` rows ending in `legacyHead`. */
function introducesKey(row: AuditRow, legacyRows: number, legacyHead: string): boolean {
  if (row.action !== INTRODUCE_KEY_ACTION || row.entity !== 'audit_log' || row.after_json === null) return false;
  const after = JSON.parse(row.after_json) as { legacyRows?: unknown; legacyHead?: unknown };
  return after.legacyRows === legacyRows && after.legacyHead === legacyHead;
}

function collectSeals(seals: SealIndex, row: AuditRow): void {
  if (row.state_json === null) return;
  const state = JSON.parse(row.state_json) as Partial<Record<SealTable, Record<string, string | null>>>;
  for (const table of sealTables) {
    for (const [id, digest] of Object.entries(state[table] ?? {})) seals[table].set(id, { digest, seq: row.seq });
  }
}

function badHash(row: AuditRow, newestCheckpoint: ReadCheckpoint | undefined, rows: number): Failure {
  const base = { ok: false as const, rows, seq: row.seq, entity: row.entity, entityId: row.entity_id };
  // Every committed row is checkpointed; a bad row newer than every checkpoint was never committed by the service.
  const beyondCheckpoints = newestCheckpoint !== undefined && row.seq > newestCheckpoint.checkpoint.seq;
  if (beyondCheckpoints || auditHash(row) === row.hash) {
    if (newestCheckpoint !== undefined && row.seq <= newestCheckpoint.checkpoint.seq) {
      return {
        ...base,
        problem: 'recomputed',
        message: `Granskningsloggen är bruten: ${where(row)} har ändrats och hashkedjan räknats om utan granskningsnyckeln (${cpText(newestCheckpoint)} visar ${String(newestCheckpoint.checkpoint.count)} rader).`,
      };
    }
    return {
      ...base,
      problem: 'forged',
      message: `Granskningsloggen är bruten: ${where(row)} är inte skriven av tjänsten; hashen är beräknad utan granskningsnyckeln (förfalskad rad).`,
    };
  }
  return { ...base, problem: 'edited', message: `Granskningsloggen är bruten: ${where(row)} har ändrats efter att den skrevs.` };
}

/** Verify the chain, the checkpoints and the sealed objects of the store `db` belongs to. */
export async function verifyAudit(db: Kysely<Database>, options: VerifyOptions = {}): Promise<AuditVerification> {
  const settings = auditSettingsOf(db);
  if (settings === undefined) {
    return {
      ok: false,
      rows: 0,
      seq: 0,
      problem: 'no-key',
      message: 'Granskningsloggen kan inte kontrolleras utan granskningsnyckeln (SAMVERKAN_AUDIT_KEY).',
    };
  }
  const key = settings.key;
  const files = [...(settings.checkpointFile === undefined ? [] : [settings.checkpointFile]), ...(options.checkpointFiles ?? [])];
  const read = files.map((f) => readCheckpoints(f, key));
  const checkpoints = read.flatMap((r) => r.checkpoints);
  const fileProblems = read.flatMap((r) => r.problems);
  const bySeq = new Map<number, ReadCheckpoint[]>();
  let newest: ReadCheckpoint | undefined;
  for (const c of checkpoints) {
    bySeq.set(c.checkpoint.seq, [...(bySeq.get(c.checkpoint.seq) ?? []), c]);
    if (newest === undefined || c.checkpoint.seq > newest.checkpoint.seq) newest = c;
  }

  const seals: SealIndex = { users: new Map(), imports: new Map(), invoice_bases: new Map(), parties: new Map() };
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  let mode: 'start' | 'legacy' | 'keyed' = 'start';
  let legacyRows = 0;
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(PAGE).execute();
    for (const row of page) {
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          rows,
          seq: expectedSeq,
          problem: 'missing',
          message: `Granskningsloggen är bruten: rad ${String(expectedSeq)} saknas (raderad). Nästa rad är ${String(row.seq)}.`,
        };
      }
      const keyed = auditMac(key, row) === row.hash;
      if (mode === 'start') mode = !keyed && row.state_json === null && auditHash(row) === row.hash ? 'legacy' : 'keyed';
      if (mode === 'legacy' && !(row.state_json === null && auditHash(row) === row.hash)) {
        if (keyed && introducesKey(row, expectedSeq - 1, prevHash)) mode = 'keyed';
        else if (keyed && row.action === INTRODUCE_KEY_ACTION) {
          return {
            ok: false,
            rows,
            seq: row.seq,
            problem: 'relinked',
            message: `Granskningsloggen är bruten: rad ${String(row.seq)}, där nyckeln infördes, stämmer inte med raderna före den: någon av raderna 1–${String(row.seq - 1)} har skrivits om.`,
          };
        } else if (keyed)
          return {
            ok: false,
            rows,
            seq: row.seq,
            problem: 'edited',
            entity: row.entity,
            entityId: row.entity_id,
            message: `Granskningsloggen är bruten: ${where(row)} följer på rader utan nyckel utan att nyckeln införts.`,
          };
        else return badHash(row, newest, rows);
      } else if (mode === 'keyed' && !keyed) return badHash(row, newest, rows);
      if (row.prev_hash !== prevHash) {
        return {
          ok: false,
          rows,
          seq: row.seq,
          problem: 'relinked',
          message: `Granskningsloggen är bruten: rad ${String(row.seq)} pekar inte på rad ${String(row.seq - 1)}; någon av raderna har bytts ut.`,
        };
      }
      for (const c of bySeq.get(row.seq) ?? []) {
        if (c.checkpoint.hash !== row.hash) {
          return {
            ok: false,
            rows,
            seq: row.seq,
            problem: 'rewritten',
            message: `Granskningsloggen är bruten: rad ${String(row.seq)} har inte den hash som ${cpText(c)} anger; kedjan har skrivits om från rad ${String(row.seq)} eller tidigare, eller de senaste raderna har raderats och ersatts.`,
          };
        }
      }
      if (mode === 'legacy') legacyRows += 1;
      else collectSeals(seals, row);
      prevHash = row.hash;
      expectedSeq += 1;
      rows += 1;
    }
    if (page.length < PAGE) break;
  }

  if (newest !== undefined && rows < newest.checkpoint.count) {
    if (rows === 0) {
      return {
        ok: false,
        rows,
        seq: 1,
        problem: 'emptied',
        message: `Granskningsloggen är tom men ${cpText(newest)} visar ${String(newest.checkpoint.count)} rader: alla rader har raderats.`,
      };
    }
    return {
      ok: false,
      rows,
      seq: rows + 1,
      problem: 'truncated',
      message: `Granskningsloggen är bruten: rad ${String(rows + 1)}–${String(newest.checkpoint.count)} saknas; de senaste raderna har raderats (${cpText(newest)} visar ${String(newest.checkpoint.count)} rader, databasen har ${String(rows)}).`,
    };
  }
  const badLine = fileProblems[0];
  if (badLine !== undefined)
    return { ok: false, rows, seq: 0, problem: 'checkpoint', message: `Kontrollpunkterna är inte att lita på: ${badLine.message}` };

  const objects = await verifyObjects(db, seals);
  if (!objects.ok) return { ...objects.failure, rows };

  const ok: AuditVerification = {
    ok: true,
    rows,
    lastSeq: expectedSeq - 1,
    lastHash: prevHash,
    keyId: key.id,
    legacyRows,
    checkpoints: checkpoints.length,
    objects: objects.counts,
  };
  if (options.writeCheckpoint === true && settings.checkpointFile !== undefined && rows > 0) {
    const checkpoint = signCheckpoint(key, 'verify', { seq: expectedSeq - 1, hash: prevHash });
    appendCheckpoint(settings.checkpointFile, checkpoint);
    return { ...ok, checkpoint };
  }
  return ok;
}
