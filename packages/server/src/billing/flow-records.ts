/**
 * The imported records a billing flow reads: every event record of a kind in a period (in import
 * order), or for state records the newest value of each identity (a later import of the same
 * inventory date, year or area replaces the earlier one).
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../store/schema.js';
import { decodeRecordData } from '../imports/record-codec.js';
import type { BasisInputs } from './basis-draft.js';

/** One stored record with where it came from. */
export interface StoredRecord {
  readonly id: string;
  readonly importId: string;
  readonly filename: string;
  readonly sha256: string;
  readonly line: number;
  readonly kind: string;
  readonly period: string;
  readonly identity: string | null;
  /** The record's fields as the importer wrote them (JSON). */
  readonly data: unknown;
}

function query(db: Kysely<Database>, kind: string) {
  return (
    db
      .selectFrom('import_rows')
      .innerJoin('imports', 'imports.id', 'import_rows.import_id')
      .select([
        'import_rows.id',
        'import_rows.import_id',
        'imports.filename',
        'imports.content_sha256',
        'imports.uploaded_at',
        'import_rows.line',
        'import_rows.kind',
        'import_rows.period',
        'import_rows.identity_key',
        'import_rows.data_json',
      ])
      .where('import_rows.kind', '=', kind)
      // A staging import's rows are not visible until it completes (decision 0131).
      .where('imports.status', '=', 'complete')
  );
}

type Row = Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number];

function toRecord(r: Row): StoredRecord {
  return {
    id: r.id,
    importId: r.import_id,
    filename: r.filename,
    sha256: r.content_sha256,
    line: r.line,
    kind: r.kind,
    period: r.period,
    identity: r.identity_key,
    data: decodeRecordData(r.kind, r.data_json),
  };
}

/**
 * Which event records a flow computes from: every record of the period, those that no line of a
 * non-credited basis bills yet (a run), or the given ones (the records a credit released).
 */
export type RecordSelection =
  { readonly kind: 'all' } | { readonly kind: 'unclaimed' } | { readonly kind: 'ids'; readonly ids: readonly string[] };

/** SQL: no line of a non-credited basis bills the record `import_rows.id` (credited lines have no key). */
export const notClaimed = sql<SqlBool>`not exists (select 1 from invoice_lines l where l.record_id = import_rows.id and l.billing_key is not null)`;

/** Event records of `kind` in `period` (all, or `selection`), oldest import first, then by line. */
export async function eventRecords(
  db: Kysely<Database>,
  kind: string,
  period: string,
  selection: RecordSelection = { kind: 'all' },
): Promise<StoredRecord[]> {
  let q = query(db, kind).where('import_rows.period', '=', period);
  if (selection.kind === 'unclaimed') q = q.where(notClaimed);
  if (selection.kind === 'ids') {
    if (selection.ids.length === 0) return [];
    const wanted = new Set(selection.ids);
    // Filtered in memory: a credited basis may name thousands of records (more than one IN list holds).
    const rows = await q.orderBy('imports.uploaded_at').orderBy('import_rows.line').execute();
    return rows.filter((r) => wanted.has(r.id)).map(toRecord);
  }
  const rows = await q.orderBy('imports.uploaded_at').orderBy('import_rows.line').execute();
  return rows.map(toRecord);
}

/** The newest record of each identity of `kind` among records whose period is one of `periods`. */
export async function latestStateRecords(db: Kysely<Database>, kind: string, periods: readonly string[]): Promise<StoredRecord[]> {
  if (periods.length === 0) return [];
  const rows = await query(db, kind)
    .where('import_rows.period', 'in', periods)
    .orderBy('imports.uploaded_at')
    .orderBy('import_rows.line')
    .execute();
  const latest = new Map<string, Row>();
  for (const r of rows) latest.set(r.identity_key ?? r.id, r);
  return [...latest.values()].map(toRecord);
}

/** The inputs entry naming `records` and their imports. */
export function inputsOf(records: readonly StoredRecord[], notes: readonly string[] = []): BasisInputs {
  const imports = new Map<string, BasisInputs['imports'][number]>();
  for (const r of records) imports.set(r.importId, { id: r.importId, kind: r.kind, filename: r.filename, sha256: r.sha256 });
  return { imports: [...imports.values()], records: records.map((r) => r.id), ...(notes.length > 0 ? { notes } : {}) };
}

/** The step that names a line's record: file, line and record id. */
export function sourceStep(r: StoredRecord): { id: string; description: string; inputs: Record<string, string | number>; result: null } {
  return {
    id: `underlag:${r.id}`,
    description: `Importerad post: ${r.filename}, rad ${String(r.line)}`,
    inputs: { fil: r.filename, rad: r.line, post: r.id, import: r.importId },
    result: null,
  };
}
