/**
 * Reading the cells of one import row with Swedish reasons naming the column. Every reader
 * records a problem and returns undefined instead of throwing, so one pass lists every bad field
 * of every bad row. Amounts are kronor in the file (decimal comma or point) and öre in the store.
 */
import {
  findMunicipality,
  isSamverkanError,
  parseClockTime,
  parseDate,
  parseDecimal,
  parseKronor,
  formatRational,
  type Municipality,
} from '@samverkan/core';
import type { ResolvedHeader } from './columns.js';
import type { RowProblem } from './row-problems.js';

const YES = new Set(['ja', 'j', 'yes', 'y', 'true', 'sant', '1', 'x']);
const NO = new Set(['nej', 'n', 'no', 'false', 'falskt', '0', '']);

/** What a row reader needs besides the row. */
export interface RowContext {
  readonly municipalities: readonly Municipality[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for ÅÅÅÅ-MM-DD naming a real day (years 0000–9999), as Temporal.PlainDate.from would accept it. */
function isPlainIsoDate(v: string): boolean {
  const m = ISO_DATE.exec(v);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return day <= days;
}

/** Distinct municipality texts remembered per agreement (a file names a few; a hostile one cannot grow it). */
const KNOWN_TEXTS = 1000;
const knownByList = new WeakMap<readonly Municipality[], Map<string, string>>();

/** The codes found so far for municipality texts of `list` (core's lookup folds every name on every call). */
function knownMunicipalities(list: readonly Municipality[]): Map<string, string> {
  let known = knownByList.get(list);
  if (known === undefined) {
    known = new Map();
    knownByList.set(list, known);
  }
  return known;
}

/** One row of an import file. */
export class RowReader {
  readonly problems: RowProblem[] = [];

  constructor(
    readonly line: number,
    private readonly cells: readonly string[],
    private readonly header: ResolvedHeader,
    private readonly ctx: RowContext,
  ) {}

  /** The header text the file used for `key` (or the key itself). */
  field(key: string): string {
    return this.header.names.get(key) ?? key;
  }

  /** True when no problem was recorded for this row. */
  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Record a problem for column `key`. */
  fail(key: string, reason: string, value?: string): void {
    this.problems.push({ line: this.line, field: this.field(key), reason, ...(value === undefined || value === '' ? {} : { value }) });
  }

  /** The trimmed cell text of `key` ('' when the column is absent or empty). */
  raw(key: string): string {
    const i = this.header.index.get(key);
    return i === undefined ? '' : (this.cells[i] ?? '').trim();
  }

  /** Required text. */
  text(key: string, what: string): string | undefined {
    const v = this.raw(key);
    if (v !== '') return v;
    this.fail(key, `värde saknas; ange ${what}.`);
    return undefined;
  }

  /** A year ÅÅÅÅ. */
  year(key: string): number | undefined {
    const v = this.raw(key);
    if (/^\d{4}$/.test(v)) return Number(v);
    this.fail(
      key,
      v === '' ? 'år saknas; skriv året med fyra siffror, t.ex. 2026.' : `"${v}" är inget årtal; skriv året med fyra siffror, t.ex. 2026.`,
      v,
    );
    return undefined;
  }

  /** Optional text (undefined when empty). */
  optionalText(key: string): string | undefined {
    const v = this.raw(key);
    return v === '' ? undefined : v;
  }

  /** An ISO date (ÅÅÅÅ-MM-DD). */
  date(key: string): string | undefined {
    const v = this.raw(key);
    if (v === '') {
      this.fail(key, 'datum saknas; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-03-15.');
      return undefined;
    }
    // The common case without the Temporal polyfill (decision 0176): a plain ISO date is checked with integers.
    if (isPlainIsoDate(v)) return v;
    try {
      return parseDate(v, this.field(key)).toString();
    } catch {
      this.fail(key, `"${v}" är inget giltigt datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-03-15.`, v);
      return undefined;
    }
  }

  /** A clock time TT:MM (a single-digit hour is accepted: 9:00). */
  time(key: string): string | undefined {
    const v = this.raw(key)
      .replace(/^(\d):/, '0$1:')
      .replace('.', ':');
    if (v === '') {
      this.fail(key, 'klockslag saknas; skriv det som TT:MM, t.ex. 09:30.');
      return undefined;
    }
    try {
      parseClockTime(v, this.field(key));
      return v;
    } catch {
      this.fail(key, `"${this.raw(key)}" är inget klockslag; skriv det som TT:MM, t.ex. 09:30.`, this.raw(key));
      return undefined;
    }
  }

  /** A whole number ≥ 0 ("1 234" allowed); empty gives `fallback` when one is given. */
  count(key: string, what: string, fallback?: number): number | undefined {
    const v = this.raw(key);
    if (v === '' && fallback !== undefined) return fallback;
    if (v === '') {
      this.fail(key, `värde saknas; ange ${what} som ett heltal ≥ 0.`);
      return undefined;
    }
    const cleaned = v.replace(/[\s\u00a0\u202f]/g, '');
    if (!/^\d+$/.test(cleaned) || !Number.isSafeInteger(Number(cleaned))) {
      this.fail(key, `"${v}" är inget heltal ≥ 0; ange ${what}.`, v);
      return undefined;
    }
    return Number(cleaned);
  }

  /** Kronor ("1 234,56", "1234.5") as öre; must be ≥ 0 unless `allowNegative`; empty gives `fallback` when given. */
  kronor(key: string, what: string, opts: { fallback?: number; allowNegative?: boolean } = {}): number | undefined {
    const v = this.raw(key);
    if (v === '' && opts.fallback !== undefined) return opts.fallback;
    if (v === '') {
      this.fail(key, `belopp saknas; ange ${what} i kronor, t.ex. 1 234,50.`);
      return undefined;
    }
    let o: number;
    try {
      o = parseKronor(v, this.field(key));
    } catch {
      this.fail(key, `"${v}" är inget belopp i kronor med högst två decimaler; skriv t.ex. 1 234,50.`, v);
      return undefined;
    }
    if (o < 0 && opts.allowNegative !== true) {
      this.fail(key, `beloppet får inte vara negativt (${v}).`, v);
      return undefined;
    }
    return o;
  }

  /** An exact decimal ("2,9" or "2.9") as text with a point. */
  decimal(key: string, what: string): string | undefined {
    const v = this.raw(key);
    if (v === '') {
      this.fail(key, `värde saknas; ange ${what}, t.ex. 2,9.`);
      return undefined;
    }
    try {
      return formatRational(parseDecimal(v, this.field(key)), 12);
    } catch {
      this.fail(key, `"${v}" är inget decimaltal; skriv t.ex. 2,9 eller 2.9.`, v);
      return undefined;
    }
  }

  /** ja/nej (also yes/no, 1/0, x); empty is no. */
  yesNo(key: string): boolean | undefined {
    const v = this.raw(key).toLocaleLowerCase('sv-SE');
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    this.fail(key, `"${this.raw(key)}" ska vara ja eller nej.`, this.raw(key));
    return undefined;
  }

  /** A municipality by name, code or "code name"; returns the code. */
  municipality(key: string): string | undefined {
    const v = this.raw(key);
    if (v === '') {
      this.fail(key, 'kommun saknas; ange kommunens namn eller kommunkod, t.ex. Östersund eller 2380.');
      return undefined;
    }
    return this.lookup(key, v);
  }

  /** `region` or a municipality; returns `region` or the code. */
  party(key: string): string | undefined {
    const v = this.raw(key);
    if (v === '') {
      this.fail(key, 'part saknas; ange region eller en kommun (namn eller kommunkod).');
      return undefined;
    }
    if (/^region(en)?$/i.test(v) || /^region jämtland härjedalen$/i.test(v)) return 'region';
    return this.lookup(key, v);
  }

  private lookup(key: string, v: string): string | undefined {
    const known = knownMunicipalities(this.ctx.municipalities);
    const hit = known.get(v);
    if (hit !== undefined) return hit;
    try {
      const code = findMunicipality(this.ctx.municipalities, v).code;
      if (known.size < KNOWN_TEXTS) known.set(v, code);
      return code;
    } catch (e) {
      if (!isSamverkanError(e)) throw e;
      this.fail(
        key,
        `okänd kommun "${v}"; ange en av avtalets kommuner: ${this.ctx.municipalities.map((m) => `${m.name} (${m.code})`).join(', ')}.`,
        v,
      );
      return undefined;
    }
  }
}
