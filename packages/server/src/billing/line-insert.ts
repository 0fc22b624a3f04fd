/**
 * Invoice lines written in multi-row INSERTs whose SQL text is built once per dialect and row
 * count, the values bound as parameters. A billing run writes one line per record (100 000 in a
 * month of a large county); through the query builder every value became a node that was parsed,
 * compiled and collected again, about a tenth of the run (issue 11). The statement is the one
 * Kysely would compile (`insertInto('invoice_lines').values(rows)`): the same columns, bound the
 * same way, so the database checks it exactly as before (unique billing keys, lock triggers).
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** One line as stored: every column `insertBasis` writes. */
export interface NewLineRow {
  readonly id: string;
  readonly invoice_basis_id: string;
  readonly line_no: number;
  readonly description: string;
  readonly quantity: string;
  readonly unit: string;
  readonly unit_price_ore: number;
  readonly amount_ore: number;
  readonly base_quantity: number;
  readonly category: string | null;
  readonly clause: string | null;
  readonly line_date: string | null;
  readonly reference: string | null;
  readonly credits_line_id: string | null;
  readonly steps_json: string;
  readonly billing_key: string | null;
  readonly record_id: string | null;
}

const COLUMNS = [
  'id',
  'invoice_basis_id',
  'line_no',
  'description',
  'quantity',
  'unit',
  'unit_price_ore',
  'amount_ore',
  'base_quantity',
  'category',
  'clause',
  'line_date',
  'reference',
  'credits_line_id',
  'steps_json',
  'billing_key',
  'record_id',
] as const satisfies readonly (keyof NewLineRow)[];

/** Rows per statement: 17 columns × 500 = 8 500 parameters, below SQLite's 32 766 and PostgreSQL's 65 535. */
export const LINES_PER_INSERT = 500;

/** SQL text of a full chunk by placeholder style (other row counts are built when needed). */
const texts = new Map<string, string>();

/**
 * The INSERT for `n` rows in the dialect of `db`: the builder compiles one row (so quoting and
 * the placeholder style are the dialect's own), the other rows repeat its tuple.
 */
function insertText(one: CompiledQuery, n: number): string {
  const numbered = one.sql.includes('$1');
  const key = `${numbered ? '$' : '?'}:${String(n)}`;
  const known = n === LINES_PER_INSERT ? texts.get(key) : undefined;
  if (known !== undefined) return known;
  const at = one.sql.lastIndexOf(' values ');
  if (at < 0 || one.parameters.length !== COLUMNS.length) throw new Error(`unexpected INSERT for invoice_lines: ${one.sql}`);
  const head = one.sql.slice(0, at + ' values '.length);
  const tuples: string[] = [];
  for (let r = 0; r < n; r++) {
    const marks = COLUMNS.map((_c, c) => (numbered ? `$${String(r * COLUMNS.length + c + 1)}` : '?'));
    tuples.push(`(${marks.join(', ')})`);
  }
  const text = head + tuples.join(', ');
  if (n === LINES_PER_INSERT) texts.set(key, text);
  return text;
}

/** Insert `rows` (any number) in statements of at most `LINES_PER_INSERT` rows. */
export async function insertLines(db: Kysely<Database>, rows: readonly NewLineRow[]): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  // Columns in COLUMNS order, so the compiled tuple and the bound values agree.
  const one = db
    .insertInto('invoice_lines')
    .values(Object.fromEntries(COLUMNS.map((c) => [c, first[c]])) as unknown as NewLineRow)
    .compile();
  for (let i = 0; i < rows.length; i += LINES_PER_INSERT) {
    const chunk = rows.slice(i, i + LINES_PER_INSERT);
    const params: unknown[] = [];
    for (const r of chunk) for (const c of COLUMNS) params.push(r[c]);
    await db.executeQuery(CompiledQuery.raw(insertText(one, chunk.length), params));
  }
}
