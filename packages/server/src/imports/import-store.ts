/**
 * Reading imports and their records back, scoped in SQL: a municipality economist sees the
 * imports of their municipality and the records where their municipality is a party (seller,
 * buyer or the municipality the record concerns); everyone else with `records:read` sees all.
 * Only complete imports are read: a staging import's rows are not visible yet (decision 0131).
 */
import type { Kysely } from 'kysely';
import { flag } from '../store/flag.js';
import type { Database } from '../store/schema.js';
import { municipalityScope, partyScope } from '../auth/scope.js';
import type { SessionUser } from '../auth/session-user.js';
import { importView, type ImportView } from './import-view.js';
import { decodeRecordData } from './record-codec.js';

/** Imports the user may see, newest first. */
export async function listImports(
  db: Kysely<Database>,
  user: SessionUser,
  filter: { kind?: string | undefined; limit: number },
): Promise<ImportView[]> {
  let q = db.selectFrom('imports').selectAll().where('status', '=', 'complete').orderBy('uploaded_at', 'desc').limit(filter.limit);
  const own = municipalityScope(user);
  if (own !== undefined) q = q.where('municipality_code', '=', own);
  if (filter.kind !== undefined) q = q.where('kind', '=', filter.kind);
  return (await q.execute()).map(importView);
}

/** One imported record. */
export interface RecordView {
  readonly id: string;
  readonly importId: string;
  readonly line: number;
  readonly kind: string;
  readonly period: string;
  readonly seller: string | null;
  readonly buyer: string | null;
  readonly municipality: string | null;
  readonly amountOre: number | null;
  readonly data: unknown;
  readonly demo: boolean;
}

/** Records the user may see. */
export async function listRecords(
  db: Kysely<Database>,
  user: SessionUser,
  filter: { kind?: string | undefined; period?: string | undefined; importId?: string | undefined; limit: number; offset: number },
): Promise<RecordView[]> {
  let q = db
    .selectFrom('import_rows')
    .selectAll('import_rows')
    .where('import_rows.import_id', 'in', (eb) => eb.selectFrom('imports').select('imports.id').where('imports.status', '=', 'complete'))
    .where(partyScope(user, ['seller_code', 'buyer_code', 'municipality_code']))
    .orderBy('period')
    .orderBy('import_id')
    .orderBy('line')
    .limit(filter.limit)
    .offset(filter.offset);
  if (filter.kind !== undefined) q = q.where('kind', '=', filter.kind);
  if (filter.period !== undefined) q = q.where('period', '=', filter.period);
  if (filter.importId !== undefined) q = q.where('import_id', '=', filter.importId);
  return (await q.execute()).map((r) => ({
    id: r.id,
    importId: r.import_id,
    line: r.line,
    kind: r.kind,
    period: r.period,
    seller: r.seller_code,
    buyer: r.buyer_code,
    municipality: r.municipality_code,
    amountOre: r.amount_ore,
    data: decodeRecordData(r.kind, r.data_json),
    demo: flag(r.demo),
  }));
}
