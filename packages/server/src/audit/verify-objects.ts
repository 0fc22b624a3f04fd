/**
 * Compare the sealed objects (users, imports, invoice bases) with their last audited state
 * (decision 0100): recompute each object's digest and look it up among the seals the verified
 * chain carries. Differences mean a change made beside the service (SQL, a restored table, a
 * script): the object is named with the audit row that last sealed it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { allIds, DIGEST_V2, digestsOf, legacyDigestsOf, sealTables, type SealTable } from './object-digests.js';

/** The newest seal of every object, per table. */
export type SealIndex = Record<SealTable, Map<string, { readonly digest: string | null; readonly seq: number }>>;

/** A problem found among the objects. */
export interface ObjectFailure {
  readonly ok: false;
  readonly seq: number;
  readonly problem: 'changed-outside' | 'added-outside' | 'deleted-outside';
  readonly message: string;
  readonly entity: SealTable;
  readonly entityId: string;
  readonly findings: readonly string[];
}

const label: Record<SealTable, string> = {
  users: 'användaren',
  imports: 'importen',
  invoice_bases: 'fakturaunderlaget',
  parties: 'partsregistrets version',
};
const MAX_FINDINGS = 50;

/** Import statuses (0007) under which rows are not yet visible: such an import is audited when it completes. */
async function stagingImports(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
  const rows = await db.selectFrom('imports').selectAll().where('id', 'in', ids).execute();
  // `status` exists from migration 0007 on; read it by name so an older schema reads as complete.
  return new Set(rows.filter((r) => (r as Record<string, unknown>)['status'] === 'staging').map((r) => r.id));
}

/** Verify every sealed table; the first failure carries up to 50 findings. */
export async function verifyObjects(
  db: Kysely<Database>,
  seals: SealIndex,
): Promise<{ ok: true; counts: Record<SealTable, number> } | { ok: false; failure: ObjectFailure }> {
  const counts: Record<SealTable, number> = { users: 0, imports: 0, invoice_bases: 0, parties: 0 };
  const failures: Omit<ObjectFailure, 'findings' | 'ok'>[] = [];
  const note = (f: Omit<ObjectFailure, 'findings' | 'ok'>): void => {
    failures.push(f);
  };
  for (const table of sealTables) {
    const sealed = seals[table];
    const seen = new Set<string>();
    for await (const ids of allIds(db, table)) {
      const current = await digestsOf(db, table, ids);
      // Seals made before the digests' second column list are checked against the first (decision 0170).
      const olderSeals = ids.filter((id) => !(sealed.get(id)?.digest ?? DIGEST_V2).startsWith(DIGEST_V2));
      const legacy = olderSeals.length === 0 ? {} : await legacyDigestsOf(db, table, olderSeals);
      const staging = table === 'imports' ? await stagingImports(db, ids) : new Set<string>();
      for (const id of ids) {
        seen.add(id);
        counts[table] += 1;
        const seal = sealed.get(id);
        const name = `${label[table]} ${id}`;
        if (seal === undefined) {
          if (staging.has(id)) continue;
          note({
            seq: 0,
            problem: 'added-outside',
            entity: table,
            entityId: id,
            message: `${name} finns i databasen men har ingen granskningsrad: den har lagts till utanför tjänsten.`,
          });
        } else if (seal.digest === null) {
          note({
            seq: seal.seq,
            problem: 'added-outside',
            entity: table,
            entityId: id,
            message: `${name} raderades enligt granskningsrad ${String(seal.seq)} men finns i databasen igen: den har lagts tillbaka utanför tjänsten.`,
          });
        } else if (seal.digest !== (seal.digest.startsWith(DIGEST_V2) ? current[id] : legacy[id])) {
          note({
            seq: seal.seq,
            problem: 'changed-outside',
            entity: table,
            entityId: id,
            message: `${name} har ändrats utanför tjänsten: innehållet stämmer inte med granskningsrad ${String(seal.seq)}.`,
          });
        } else if (staging.has(id)) {
          note({
            seq: seal.seq,
            problem: 'changed-outside',
            entity: table,
            entityId: id,
            message: `${name} har ändrats utanför tjänsten: den är granskad som klar (rad ${String(seal.seq)}) men markerad som pågående.`,
          });
        }
      }
    }
    for (const [id, seal] of sealed) {
      if (!seen.has(id) && seal.digest !== null) {
        note({
          seq: seal.seq,
          problem: 'deleted-outside',
          entity: table,
          entityId: id,
          message: `${label[table]} ${id} saknas i databasen men raderades aldrig genom tjänsten (senast granskad på rad ${String(seal.seq)}): den har raderats utanför tjänsten.`,
        });
      }
    }
  }
  const first = failures[0];
  if (first === undefined) return { ok: true, counts };
  const more = failures.length > 1 ? ` (${String(failures.length)} avvikelser totalt.)` : '';
  return {
    ok: false,
    failure: {
      ...first,
      ok: false,
      message: `Tabellerna stämmer inte med granskningsloggen: ${first.message}${more}`,
      findings: failures.slice(0, MAX_FINDINGS).map((f) => f.message),
    },
  };
}
