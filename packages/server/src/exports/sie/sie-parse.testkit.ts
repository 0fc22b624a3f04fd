/**
 * Test support: a small SIE 4 reader, written from the format's rules rather than from our
 * writer, to read our files back — CP437 decoded, records split into fields (quotes with \"
 * and \\, object lists in braces), vouchers with their rows, amounts parsed from their decimal
 * text into öre without floats.
 */
import iconv from 'iconv-lite';

/** One #TRANS row. */
export interface ParsedTrans {
  readonly account: string;
  readonly objects: readonly string[];
  readonly amountOre: bigint;
  readonly date: string | null;
  readonly text: string | null;
}

/** One #VER with its rows. */
export interface ParsedVoucher {
  readonly series: string;
  readonly number: string;
  readonly date: string;
  readonly text: string;
  readonly rows: readonly ParsedTrans[];
}

/** A parsed file: the records outside vouchers, and the vouchers. */
export interface ParsedSie {
  readonly text: string;
  readonly records: readonly (readonly string[])[];
  readonly vouchers: readonly ParsedVoucher[];
}

/** The fields of one record line. */
export function fields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line.charAt(i);
    if (ch === ' ' || ch === '\t') {
      i++;
    } else if (ch === '"') {
      let v = '';
      i++;
      while (i < line.length && line.charAt(i) !== '"') {
        if (line.charAt(i) === '\\' && i + 1 < line.length) i++;
        v += line.charAt(i);
        i++;
      }
      i++;
      out.push(v);
    } else if (ch === '{') {
      const end = line.indexOf('}', i);
      if (end < 0) throw new Error(`unclosed object list: ${line}`);
      out.push(line.slice(i, end + 1));
      i = end + 1;
    } else {
      let v = '';
      while (i < line.length && line.charAt(i) !== ' ' && line.charAt(i) !== '\t') v += line.charAt(i++);
      out.push(v);
    }
  }
  return out;
}

/** `-1234.5` → -123450n öre; more than two decimals is an error. */
export function amountOre(text: string): bigint {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (m === null) throw new Error(`not a SIE amount: ${text}`);
  const v = BigInt(m[2] ?? '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -v : v;
}

/** Parse a SIE file's bytes (CP437, CRLF). */
export function parseSie(bytes: Buffer): ParsedSie {
  const text = iconv.decode(bytes, 'cp437');
  if (!text.endsWith('\r\n') || /[^\r]\n/.test(text)) throw new Error('records must end with CRLF');
  const records: string[][] = [];
  const vouchers: ParsedVoucher[] = [];
  let open: { head: string[]; rows: ParsedTrans[] } | null = null;
  for (const raw of text.split('\r\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line === '{') continue;
    if (line === '}') {
      if (open === null) throw new Error('} without #VER');
      vouchers.push({
        series: open.head[1] ?? '',
        number: open.head[2] ?? '',
        date: open.head[3] ?? '',
        text: open.head[4] ?? '',
        rows: open.rows,
      });
      open = null;
      continue;
    }
    const f = fields(line);
    if (f[0] === '#VER') open = { head: f, rows: [] };
    else if (f[0] === '#TRANS') {
      if (open === null) throw new Error('#TRANS outside a voucher');
      const objs = (f[2] ?? '{}').slice(1, -1).trim();
      open.rows.push({
        account: f[1] ?? '',
        objects: objs === '' ? [] : fields(objs),
        amountOre: amountOre(f[3] ?? ''),
        date: f[4] ?? null,
        text: f[5] ?? null,
      });
    } else records.push(f);
  }
  if (open !== null) throw new Error('voucher not closed');
  return { text, records, vouchers };
}
