/**
 * Content digests of the objects whose changes must go through the service (decision 0100):
 * a user with its OIDC identities, an import with all its rows, an invoice basis with its lines,
 * a version of the party register.
 * Each audit row seals the digests of the objects its change concerns (`state_json`, covered by
 * the row's HMAC); `audit verify` recomputes them and names an object that differs from its last
 * audited state, one that has no audit row at all, and one deleted without one.
 *
 * The digests cover a fixed list of columns, not `select *`: a later migration that adds a column
 * must not make every sealed object look changed. Rows inside an object are hashed one by one and
 * the sorted row hashes hashed again, so the digest does not depend on the database's collation
 * (a dump restored under another locale gives the same digests).
 */
import { createHash, hash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { flag } from '../store/flag.js';
import { canonicalJson } from './canonical-json.js';
import { legacyDataText } from '../imports/record-codec.js';

/** The sealed tables. */
export const sealTables = ['users', 'imports', 'invoice_bases', 'parties'] as const;
export type SealTable = (typeof sealTables)[number];

/** Object id → digest (null: the object does not exist), per table. */
export type SealedState = Partial<Record<SealTable, Record<string, string | null>>>;

type Db = Kysely<Database>;
type Value = string | number | boolean | null;

const ID_CHUNK = 400;
/** Rows per page when hashing one import: small, so other requests' queries get their turn between pages. */
const ROW_PAGE = 2000;

function sha256(text: string): string {
  // One-shot: no Hash object per call (a billing run hashes one line per record).
  return hash('sha256', text, 'hex');
}

function flagValue(v: boolean | number): boolean {
  return flag(v);
}

/**
 * Digests of users and invoice bases since 0009's columns were sealed (decision 0170) begin with
 * this tag; a seal without it was made over the column list of 0008 and is checked against that
 * list (`legacyDigestsOf`), so a database sealed before keeps verifying.
 */
export const DIGEST_V2 = 'v2:';

/** An object's digest over today's columns, and over the 0008 column list (what older seals hold). */
interface Digests {
  readonly current: string;
  readonly legacy: string;
}

function combine(head: readonly Value[], rowHashes: string[]): string {
  rowHashes.sort();
  return sha256(canonicalJson({ head, rows: rowHashes }));
}

/**
 * `combine` for many rows, fed to the hash piece by piece: the same bytes as
 * canonicalJson({ head, rows }) ("head" sorts before "rows"), without a string of the whole
 * import (a million rows would make it 67 MB). `sortedRaw` are the row digests as latin1 strings
 * (one char per byte, so their order is the order of the hex text), sorted.
 */
function combineSorted(head: readonly Value[], sortedRaw: readonly string[]): string {
  return combineSortedHex(head, sortedRaw.length, (i) => Buffer.from(sortedRaw[i] ?? '', 'latin1').toString('hex'));
}

/** `combineSorted` over `n` row digests given as hex in sorted order by `hexAt`. */
function combineSortedHex(head: readonly Value[], n: number, hexAt: (i: number) => string): string {
  const h = createHash('sha256');
  h.update(`{"head":${canonicalJson(head)},"rows":[`, 'utf8');
  let part = '';
  for (let i = 0; i < n; i++) {
    part += `${i === 0 ? '' : ','}"${hexAt(i)}"`;
    if (part.length > 65_536) {
      h.update(part, 'latin1');
      part = '';
    }
  }
  h.update(`${part}]}`, 'latin1');
  return h.digest('hex');
}

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');

/**
 * `combineSorted` over `n` packed 32-byte digests, sorted here: their hex is written straight into
 * a reused buffer (the same bytes as the strings `combineSorted` joins, without a million of them).
 */
function combineSortedDigests(head: readonly Value[], digests: Buffer, n: number): string {
  const order = digestOrder(digests, n);
  const h = createHash('sha256');
  h.update(`{"head":${canonicalJson(head)},"rows":[`, 'utf8');
  const out = Buffer.allocUnsafe(64 * 1024);
  let p = 0;
  for (let i = 0; i < n; i++) {
    if (p + 2 * DIGEST_BYTES + 3 > out.length) {
      h.update(out.subarray(0, p));
      p = 0;
    }
    if (i > 0) out[p++] = 0x2c; // ,
    out[p++] = 0x22; // "
    const at = (order[i] ?? 0) * DIGEST_BYTES;
    for (let j = at; j < at + DIGEST_BYTES; j++) {
      const b = digests[j] ?? 0;
      out[p++] = HEX_DIGITS[b >> 4] ?? 0;
      out[p++] = HEX_DIGITS[b & 15] ?? 0;
    }
    out[p++] = 0x22;
  }
  h.update(out.subarray(0, p));
  h.update(']}', 'latin1');
  return h.digest('hex');
}

/** Bytes of one row digest. */
const DIGEST_BYTES = 32;

/**
 * The order of `n` 32-byte digests packed in `digests` (ascending bytes, which is the order of
 * their hex text): a native sort of 64-bit keys (first 4 bytes, then the index), with the rare
 * runs of equal first bytes ordered by their whole digest.
 */
function digestOrder(digests: Buffer, n: number): Uint32Array {
  const keys = new BigUint64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (BigInt(digests.readUInt32BE(i * DIGEST_BYTES)) << 32n) | BigInt(i);
  keys.sort();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = Number((keys[i] ?? 0n) & 0xffffffffn);
  const at = (i: number) => (order[i] ?? 0) * DIGEST_BYTES;
  for (let start = 0; start < n;) {
    let end = start + 1;
    while (end < n && digests.readUInt32BE(at(end)) === digests.readUInt32BE(at(start))) end += 1;
    if (end - start > 1) {
      const run = Array.from(order.subarray(start, end)).sort((a, b) =>
        digests.compare(digests, a * DIGEST_BYTES, (a + 1) * DIGEST_BYTES, b * DIGEST_BYTES, (b + 1) * DIGEST_BYTES),
      );
      order.set(run, start);
    }
    start = end;
  }
  return order;
}

/** The columns of `import_rows` a seal covers, as stored (what `importDigest` reads back). */
export interface SealedImportRow {
  readonly id: string;
  readonly import_id: string;
  readonly line: number;
  readonly kind: string;
  readonly period: string;
  readonly seller_code: string | null;
  readonly buyer_code: string | null;
  readonly municipality_code: string | null;
  readonly amount_ore: number | null;
  readonly data_json: string;
  readonly demo: boolean | number;
  readonly natural_key: string | null;
  readonly identity_key: string | null;
  /** Set on rows migration 0010 re-encoded: they are hashed as they were stored before it. */
  readonly legacy_natural_key?: string | null;
}

/** The text a row's digest is the SHA-256 of. */
function rowText(r: SealedImportRow): string {
  // A row re-encoded by migration 0010 is hashed in the form it had when it was sealed (decision 0210).
  const legacy = r.legacy_natural_key !== undefined && r.legacy_natural_key !== null;
  // An array of strings, numbers, booleans and nulls: JSON.stringify is already canonical, and fast.
  return JSON.stringify([
    r.id,
    r.import_id,
    r.line,
    r.kind,
    r.period,
    r.seller_code,
    r.buyer_code,
    r.municipality_code,
    r.amount_ore,
    legacy ? legacyDataText(r.kind, r.data_json) : r.data_json,
    flagValue(r.demo),
    legacy ? r.legacy_natural_key : r.natural_key,
    r.identity_key,
  ]);
}

/** One row's digest as a latin1 string of its 32 bytes (half the memory of hex, same order). */
function rowDigest(r: SealedImportRow): string {
  // One-shot hash straight to latin1 (no Hash object and Buffer per row: a million rows per import).
  return hash('sha256', rowText(r), 'binary');
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ID_CHUNK) out.push(items.slice(i, i + ID_CHUNK));
  return out;
}

/** Digests of the given users (with their identities). */
async function userDigests(db: Db, ids: readonly string[]): Promise<Map<string, Digests>> {
  const out = new Map<string, Digests>();
  for (const part of chunks(ids)) {
    const users = await db
      .selectFrom('users')
      .select([
        'id',
        'username',
        'display_name',
        'role',
        'municipality_code',
        'password_hash',
        'email',
        'active',
        'demo',
        'created_at',
        'must_change_password',
      ])
      .where('id', 'in', part)
      .execute();
    const identities = await db
      .selectFrom('user_identities')
      .select(['user_id', 'issuer', 'subject', 'created_at'])
      .where('user_id', 'in', part)
      .execute();
    for (const u of users) {
      const own = identities.filter((i) => i.user_id === u.id).map((i) => sha256(canonicalJson([i.issuer, i.subject, i.created_at])));
      const head: Value[] = [
        u.id,
        u.username,
        u.display_name,
        u.role,
        u.municipality_code,
        u.password_hash,
        u.email,
        flagValue(u.active),
        flagValue(u.demo),
        u.created_at,
      ];
      out.set(u.id, { legacy: combine(head, [...own]), current: DIGEST_V2 + combine([...head, flagValue(u.must_change_password)], own) });
    }
  }
  return out;
}

/**
 * Digests of imports computed ahead of their publishing transaction (`precomputeImportSeal`), with
 * the row count they saw: hashing 300 000 rows inside that transaction would hold the chain lock
 * (and SQLite's only connection) for seconds.
 */
const precomputed = new Map<string, { readonly rows: number; readonly digest: string }>();

/**
 * Hash a staged import's rows before the transaction that publishes it (imports/run-import.ts),
 * outside any transaction and in small pages, so other requests keep being answered. The seal in
 * the publishing transaction then only checks that the row count is unchanged.
 */
export async function precomputeImportSeal(db: Db, id: string): Promise<void> {
  const digest = await importDigest(db, id);
  const n = await db
    .selectFrom('import_rows')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('import_id', '=', id)
    .executeTakeFirstOrThrow();
  if (digest !== undefined) precomputed.set(id, { rows: Number(n.n), digest });
}

/**
 * The seal of an import computed while it is staged: each row is hashed as it is written (the
 * values as stored), so neither a read-back of every row nor hashing in the publishing
 * transaction is needed. `finish` hashes the header (as it will be published) with the rows; the
 * publishing transaction then only checks the row count, as for `precomputeImportSeal`.
 */
export class StagedImportSeal {
  /** The row digests, 32 bytes each, packed (a million rows: 32 MB outside the heap, not a million strings). */
  private digests = Buffer.allocUnsafe(DIGEST_BYTES * 4096);
  private count = 0;

  constructor(private readonly importId: string) {}

  /** A row that was written (not one the database skipped as a duplicate). */
  add(row: SealedImportRow): void {
    if ((this.count + 1) * DIGEST_BYTES > this.digests.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.digests.length * 2, DIGEST_BYTES * 4096));
      this.digests.copy(grown, 0, 0, this.count * DIGEST_BYTES);
      this.digests = grown;
    }
    // As a latin1 string (young-generation garbage), not a Buffer: a native allocation per row for a
    // million rows churned malloc beside SQLite's own.
    this.digests.write(hash('sha256', rowText(row), 'binary'), this.count * DIGEST_BYTES, DIGEST_BYTES, 'latin1');
    this.count += 1;
  }

  /** Rows hashed so far. */
  get rows(): number {
    return this.count;
  }

  /** Hash the header with the rows and keep the digest for the publishing transaction. */
  async finish(db: Db): Promise<void> {
    const head = await db
      .selectFrom('imports')
      .select(['id', 'kind', 'filename', 'content_sha256', 'municipality_code', 'row_count', 'uploaded_by', 'uploaded_at', 'demo'])
      .where('id', '=', this.importId)
      .executeTakeFirst();
    if (!head) return;
    const digest = combineSortedDigests(
      [
        head.id,
        head.kind,
        head.filename,
        head.content_sha256,
        head.municipality_code,
        head.row_count,
        head.uploaded_by,
        head.uploaded_at,
        flagValue(head.demo),
      ],
      this.digests,
      this.count,
    );
    precomputed.set(this.importId, { rows: this.count, digest });
    this.digests = Buffer.alloc(0);
    this.count = 0;
  }
}

async function sealedImportDigest(db: Db, id: string): Promise<string | undefined> {
  const ahead = precomputed.get(id);
  precomputed.delete(id);
  if (ahead !== undefined) {
    const n = await db
      .selectFrom('import_rows')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('import_id', '=', id)
      .executeTakeFirstOrThrow();
    if (Number(n.n) === ahead.rows) return ahead.digest;
  }
  return importDigest(db, id);
}

/** Digest of one import's header and rows (read in pages, so a 300 000-row import fits). */
async function importDigest(db: Db, id: string): Promise<string | undefined> {
  const head = await db
    .selectFrom('imports')
    .select(['id', 'kind', 'filename', 'content_sha256', 'municipality_code', 'row_count', 'uploaded_by', 'uploaded_at', 'demo'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!head) return undefined;
  const digests: string[] = [];
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('import_rows')
      .select([
        'id',
        'import_id',
        'line',
        'kind',
        'period',
        'seller_code',
        'buyer_code',
        'municipality_code',
        'amount_ore',
        'data_json',
        'demo',
        'natural_key',
        'identity_key',
        'legacy_natural_key',
      ])
      .where('import_id', '=', id)
      .where('id', '>', after)
      .orderBy('id')
      .limit(ROW_PAGE)
      .execute();
    for (const r of rows) digests.push(rowDigest(r));
    const last = rows.at(-1);
    if (last === undefined || rows.length < ROW_PAGE) break;
    after = last.id;
    // Hashing is synchronous: let the event loop answer other requests between pages.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  digests.sort();
  return combineSorted(
    [
      head.id,
      head.kind,
      head.filename,
      head.content_sha256,
      head.municipality_code,
      head.row_count,
      head.uploaded_by,
      head.uploaded_at,
      flagValue(head.demo),
    ],
    digests,
  );
}

/** The columns of `invoice_lines` a basis's seal covers, as stored (what `basisDigests` reads back). */
export interface SealedLine {
  readonly id: string;
  readonly invoice_basis_id: string;
  readonly line_no: number;
  readonly description: string;
  readonly quantity: string;
  readonly unit: string;
  readonly unit_price_ore: number;
  readonly amount_ore: number;
  readonly steps_json: string;
  readonly category: string | null;
  readonly base_quantity: number | null;
  readonly clause: string | null;
  readonly line_date: string | null;
  readonly reference: string | null;
  readonly credits_line_id: string | null;
}

/** One line's digest (hex). */
function lineDigest(l: SealedLine): string {
  const values: Value[] = [
    l.id,
    l.invoice_basis_id,
    l.line_no,
    l.description,
    l.quantity,
    l.unit,
    l.unit_price_ore,
    l.amount_ore,
    l.steps_json,
    l.category,
    l.base_quantity,
    l.clause,
    l.line_date,
    l.reference,
    l.credits_line_id,
  ];
  // Strings, finite numbers and nulls only: JSON.stringify gives canonicalJson's text, without its per-value walk.
  for (const v of values) if (typeof v === 'number' && !Number.isFinite(v)) return sha256(canonicalJson(values));
  return sha256(JSON.stringify(values));
}

/**
 * Line digests of bases written in the open transaction, hashed from the values as they were
 * inserted (`noteInsertedLines`), so sealing a billing run of 100 000 lines does not read them
 * all back (issue 11). Kept per transaction object: a rolled-back transaction's digests go with it.
 */
const insertedLines = new WeakMap<object, Map<string, string[]>>();

/**
 * Record the lines just inserted for basis `basisId` in transaction `trx` (values exactly as
 * written). The seal of that transaction uses these digests after checking that the basis still
 * has exactly this many lines; `audit verify` always reads the lines back.
 */
export function noteInsertedLines(trx: Db, basisId: string, lines: readonly SealedLine[]): void {
  let byBasis = insertedLines.get(trx);
  if (byBasis === undefined) {
    byBasis = new Map();
    insertedLines.set(trx, byBasis);
  }
  const list = byBasis.get(basisId) ?? [];
  for (const l of lines) list.push(lineDigest(l));
  byBasis.set(basisId, list);
}

/** Of `ids`, the bases whose inserted lines this transaction hashed and whose line count still matches. */
async function aheadLineDigests(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  const noted = insertedLines.get(db);
  const out = new Map<string, string[]>();
  if (noted === undefined) return out;
  const wanted = ids.filter((id) => noted.has(id));
  for (const part of chunks(wanted)) {
    const counts = await db
      .selectFrom('invoice_lines')
      .select(['invoice_basis_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('invoice_basis_id', 'in', part)
      .groupBy('invoice_basis_id')
      .execute();
    const n = new Map(counts.map((c) => [c.invoice_basis_id, Number(c.n)]));
    for (const id of part) {
      const digests = noted.get(id);
      if (digests !== undefined && digests.length === (n.get(id) ?? 0)) out.set(id, digests);
    }
  }
  return out;
}

/** Digests of the given invoice bases (with their lines). */
async function basisDigests(db: Db, ids: readonly string[], useAhead = false): Promise<Map<string, Digests>> {
  const out = new Map<string, Digests>();
  const ahead = useAhead ? await aheadLineDigests(db, ids) : new Map<string, string[]>();
  for (const part of chunks(ids)) {
    const bases = await db
      .selectFrom('invoice_bases')
      .select([
        'id',
        'billing_run_id',
        'flow',
        'period',
        'seller_code',
        'buyer_code',
        'status',
        'total_ore',
        'trace_json',
        'credit_of',
        'created_at',
        'approved_by',
        'approved_at',
        'sent_at',
        'demo',
        'seller_unit',
        'buyer_unit',
        'buyer_reference',
        'note',
        'replaces_id',
        'inputs_json',
        'credited_at',
        'credit_reason',
        'invoice_series',
        'invoice_number',
        'issue_date',
        'due_date',
        'payment_terms_days',
      ])
      .where('id', 'in', part)
      .execute();
    const toRead = part.filter((id) => !ahead.has(id));
    const lines = await db
      .selectFrom('invoice_lines')
      .select([
        'id',
        'invoice_basis_id',
        'line_no',
        'description',
        'quantity',
        'unit',
        'unit_price_ore',
        'amount_ore',
        'steps_json',
        'category',
        'base_quantity',
        'clause',
        'line_date',
        'reference',
        'credits_line_id',
      ])
      .where('invoice_basis_id', 'in', toRead.length === 0 ? ['-'] : toRead)
      .execute();
    const byBasis = new Map<string, string[]>();
    for (const id of part) {
      const known = ahead.get(id);
      if (known !== undefined) byBasis.set(id, known);
    }
    for (const l of lines) {
      const list = byBasis.get(l.invoice_basis_id);
      if (list === undefined) byBasis.set(l.invoice_basis_id, [lineDigest(l)]);
      else list.push(lineDigest(l));
    }
    for (const b of bases) {
      const head: Value[] = [
        b.id,
        b.billing_run_id,
        b.flow,
        b.period,
        b.seller_code,
        b.buyer_code,
        b.status,
        b.total_ore,
        b.trace_json,
        b.credit_of,
        b.created_at,
        b.approved_by,
        b.approved_at,
        b.sent_at,
        flagValue(b.demo),
        b.seller_unit,
        b.buyer_unit,
        b.buyer_reference,
        b.note,
        b.replaces_id,
        b.inputs_json,
      ];
      const since0009: Value[] = [
        b.credited_at,
        b.credit_reason,
        b.invoice_series,
        b.invoice_number,
        b.issue_date,
        b.due_date,
        b.payment_terms_days,
      ];
      out.set(b.id, {
        legacy: combine(head, [...(byBasis.get(b.id) ?? [])]),
        current: DIGEST_V2 + combine([...head, ...since0009], byBasis.get(b.id) ?? []),
      });
    }
  }
  return out;
}

/** Digests of the given party register versions (0009): every column, so a bankgiro changed by SQL is named. */
async function partyDigests(db: Db, ids: readonly string[]): Promise<Map<string, Digests>> {
  const out = new Map<string, Digests>();
  for (const part of chunks(ids)) {
    const rows = await db.selectFrom('parties').selectAll().where('id', 'in', part).execute();
    for (const p of rows) {
      const d =
        DIGEST_V2 +
        combine(
          [
            p.id,
            p.party_code,
            p.unit_key,
            p.valid_from,
            p.version,
            p.legal_name,
            p.organisation_number,
            p.endpoint_scheme,
            p.endpoint_id,
            p.street,
            p.postal_code,
            p.city,
            p.vat_number,
            p.payment_kind,
            p.payment_account,
            p.payment_terms_days,
            p.buyer_reference,
            p.flow_references_json,
            p.invoice_prefix,
            p.placeholder_fields_json,
            flagValue(p.demo),
            p.recorded_at,
            p.recorded_by,
          ],
          [],
        );
      out.set(p.id, { current: d, legacy: d });
    }
  }
  return out;
}

/** Current digests of `ids` in `table`; a missing object maps to null. */
export async function digestsOf(
  db: Db,
  table: SealTable,
  ids: readonly string[],
  useAhead = false,
): Promise<Record<string, string | null>> {
  return digestsIn(db, table, ids, useAhead, 'current');
}

/** Digests of `ids` over the 0008 column list, to check seals made before `DIGEST_V2`. */
export async function legacyDigestsOf(db: Db, table: SealTable, ids: readonly string[]): Promise<Record<string, string | null>> {
  return digestsIn(db, table, ids, false, 'legacy');
}

async function digestsIn(
  db: Db,
  table: SealTable,
  ids: readonly string[],
  useAhead: boolean,
  which: keyof Digests,
): Promise<Record<string, string | null>> {
  const found = new Map<string, string>();
  if (table === 'users') for (const [k, v] of await userDigests(db, ids)) found.set(k, v[which]);
  else if (table === 'invoice_bases') for (const [k, v] of await basisDigests(db, ids, useAhead)) found.set(k, v[which]);
  else if (table === 'parties') for (const [k, v] of await partyDigests(db, ids)) found.set(k, v[which]);
  else {
    for (const id of ids) {
      const d = useAhead ? await sealedImportDigest(db, id) : await importDigest(db, id);
      if (d !== undefined) found.set(id, d);
    }
  }
  return Object.fromEntries([...new Set(ids)].sort().map((id) => [id, found.get(id) ?? null]));
}

/** Every id of `table`, in pages (for sealing a whole database and for verifying it). */
export async function* allIds(db: Db, table: SealTable, page = 1000): AsyncGenerator<string[]> {
  let after = '';
  for (;;) {
    const rows = await db.selectFrom(table).select('id').where('id', '>', after).orderBy('id').limit(page).execute();
    if (rows.length > 0) yield rows.map((r) => r.id);
    const last = rows.at(-1);
    if (last === undefined || rows.length < page) return;
    after = last.id;
  }
}

/**
 * The objects an audit entry's change concerns, by the entry's entity: a user (also when an
 * identity was linked to it), an import, the bases a billing run created, or a basis together
 * with the credit note and corrected draft made from it. Other entities seal nothing.
 */
export async function sealScope(db: Db, entity: string, entityId: string): Promise<Partial<Record<SealTable, string[]>>> {
  switch (entity) {
    case 'users':
      return { users: [entityId] };
    case 'user_identities': {
      const rows = await db
        .selectFrom('user_identities')
        .select('user_id')
        .where(sql<string>`issuer || '#' || subject`, '=', entityId)
        .execute();
      return { users: rows.map((r) => r.user_id) };
    }
    case 'imports':
      return { imports: [entityId] };
    case 'billing_runs': {
      const rows = await db.selectFrom('invoice_bases').select('id').where('billing_run_id', '=', entityId).execute();
      return { invoice_bases: rows.map((r) => r.id) };
    }
    case 'invoice_bases': {
      const rows = await db
        .selectFrom('invoice_bases')
        .select('id')
        .where((eb) => eb.or([eb('credit_of', '=', entityId), eb('replaces_id', '=', entityId)]))
        .execute();
      return { invoice_bases: [entityId, ...rows.map((r) => r.id)] };
    }
    case 'parties': {
      // `<code>[/<unit>]@<valid-from>`: every version recorded for that party and date.
      const m = /^([^/@]+)(?:\/([^@]+))?@(.+)$/.exec(entityId);
      if (m === null) return {};
      const rows = await db
        .selectFrom('parties')
        .select('id')
        .where('party_code', '=', m[1] ?? '')
        .where('unit_key', '=', m[2] ?? '')
        .where('valid_from', '=', m[3] ?? '')
        .execute();
      return { parties: rows.map((r) => r.id) };
    }
    default:
      return {};
  }
}

/** The sealed state for an audit entry, or null when it concerns no sealed object. */
export async function sealFor(db: Db, entity: string, entityId: string): Promise<SealedState | null> {
  const scope = await sealScope(db, entity, entityId);
  const state: SealedState = {};
  for (const table of sealTables) {
    const ids = scope[table];
    if (ids !== undefined && ids.length > 0) state[table] = await digestsOf(db, table, ids, true);
  }
  return Object.keys(state).length === 0 ? null : state;
}

/** The sealed state of every object in the database (the row that introduces the key). */
export async function sealEverything(db: Db): Promise<SealedState> {
  const state: SealedState = {};
  for (const table of sealTables) {
    const all: Record<string, string | null> = {};
    for await (const ids of allIds(db, table)) Object.assign(all, await digestsOf(db, table, ids));
    state[table] = all;
  }
  return state;
}
