/**
 * Allocation keys (economy.md, "The allocation key"; core `economy/allocation-key.ts`): factors
 * with exact weights summing to 1 and a measure per municipality, each with its source. Stored as
 * versions (key name + start date), changed only by administrators, audited. An example key says
 * so (`example`) in every output that uses it. `toAllocationKey` gives core's model, which the
 * calculations take.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  addRational,
  compareRational,
  formatRational,
  invalidInput,
  parseDate,
  parseDecimal,
  rational,
  type Agreement,
  type AllocationKey,
  type Rational,
} from '@samverkan/core';
import type { Store } from '../store/db.js';
import type { AllocationKeyRow, Database } from '../store/schema.js';
import { flag, toFlag } from '../store/flag.js';
import { nowIso } from '../store/clock.js';
import { appendAudit } from '../audit/append-audit.js';

/** One factor of a key (exact decimals as text). */
export interface StoredAllocationFactor {
  readonly id: string;
  readonly name: string;
  /** Exact decimal text; all weights of a key sum to exactly 1. */
  readonly weight: string;
  /** What is measured, e.g. "Invånare 80 år och äldre". */
  readonly measure: string;
  readonly source: string;
  readonly decision?: string | undefined;
  /** Municipality code → measure (exact decimal text, ≥ 0). */
  readonly values: Readonly<Record<string, string>>;
}

/** A key as the API shows it. */
export interface AllocationKeyView {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly note: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly factors: readonly StoredAllocationFactor[];
  readonly source: string;
  readonly decisionRef: string | null;
  readonly example: boolean;
  readonly demo: boolean;
  readonly version: number;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** A new key (or a new version of one). */
export interface AllocationKeyInput {
  readonly name: string;
  readonly title: string;
  readonly note?: string | undefined;
  readonly validFrom: string;
  readonly validTo?: string | undefined;
  readonly factors: readonly StoredAllocationFactor[];
  readonly source: string;
  readonly decisionRef?: string | undefined;
  readonly example?: boolean | undefined;
  readonly demo?: boolean | undefined;
}

function decimal(text: string, field: string): Rational {
  return parseDecimal(text.replace(',', '.'), field);
}

/** Validate and normalise the factors against the agreement's municipalities. */
export function checkFactors(agreement: Agreement, factors: readonly StoredAllocationFactor[]): StoredAllocationFactor[] {
  if (factors.length === 0) throw invalidInput('factors', 'factors: en fördelningsnyckel behöver minst en faktor.');
  const codes = agreement.municipalities.map((m) => m.code);
  let sum = rational(0n);
  const out: StoredAllocationFactor[] = [];
  factors.forEach((f, i) => {
    const at = `factors[${String(i)}]`;
    const w = decimal(f.weight, `${at}.weight`);
    if (compareRational(w, rational(0n)) < 0)
      throw invalidInput(`${at}.weight`, `${at}.weight: vikten ${f.weight} får inte vara negativ.`, f.weight);
    sum = addRational(sum, w);
    const unknown = Object.keys(f.values).filter((c) => !codes.includes(c));
    if (unknown.length > 0)
      throw invalidInput(
        `${at}.values`,
        `${at}.values: ${unknown.join(', ')} är ingen av avtalets kommunkoder (${codes.join(', ')}).`,
        unknown,
      );
    const missing = codes.filter((c) => f.values[c] === undefined);
    if (missing.length > 0) throw invalidInput(`${at}.values`, `${at}.values: mått saknas för kommunkod ${missing.join(', ')}.`, missing);
    let total = rational(0n);
    const values: Record<string, string> = {};
    for (const c of codes) {
      const m = decimal(f.values[c] ?? '', `${at}.values.${c}`);
      if (compareRational(m, rational(0n)) < 0)
        throw invalidInput(`${at}.values.${c}`, `${at}.values.${c}: måttet får inte vara negativt.`, f.values[c]);
      total = addRational(total, m);
      values[c] = formatRational(m, 12);
    }
    if (compareRational(total, rational(0n)) === 0)
      throw invalidInput(`${at}.values`, `${at}.values: summan av måtten är 0; faktorn kan inte fördela något.`);
    out.push({
      id: f.id,
      name: f.name,
      weight: formatRational(w, 12),
      measure: f.measure,
      source: f.source,
      ...(f.decision === undefined ? {} : { decision: f.decision }),
      values,
    });
  });
  if (compareRational(sum, rational(1n)) !== 0) {
    throw invalidInput(
      'factors',
      `factors: vikterna summerar till ${formatRational(sum, 12).replace('.', ',')}, men ska summera till exakt 1.`,
      formatRational(sum, 12),
    );
  }
  return out;
}

function view(r: AllocationKeyRow): AllocationKeyView {
  return {
    id: r.id,
    name: r.name,
    title: r.title,
    note: r.note,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    factors: JSON.parse(r.factors_json) as StoredAllocationFactor[],
    source: r.source,
    decisionRef: r.decision_ref,
    example: flag(r.example),
    demo: flag(r.demo),
    version: r.version,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  };
}

/** Core's model of a stored key (what `reconcileTillaggsbelopp` and other splits take). */
export function toAllocationKey(k: AllocationKeyView): AllocationKey {
  return {
    id: k.name,
    title: k.title,
    example: k.example,
    ...(k.note === null ? {} : { note: k.note }),
    ...(k.decisionRef === null ? {} : { decision: k.decisionRef }),
    factors: k.factors.map((f) => ({
      id: f.id,
      name: f.name,
      weight: decimal(f.weight, 'weight'),
      measure: f.measure,
      source: f.source,
      ...(f.decision === undefined ? {} : { decision: f.decision }),
      values: new Map(Object.entries(f.values).map(([code, v]) => [code, decimal(v, code)])),
    })),
  };
}

/** The stored form of one of core's keys (to store a key read from a YAML file). */
export function fromAllocationKey(
  key: AllocationKey,
): Pick<AllocationKeyInput, 'name' | 'title' | 'note' | 'factors' | 'example' | 'decisionRef'> {
  return {
    name: key.id,
    title: key.title,
    note: key.note,
    example: key.example,
    decisionRef: key.decision,
    factors: key.factors.map((f) => ({
      id: f.id,
      name: f.name,
      weight: formatRational(f.weight, 12),
      measure: f.measure,
      source: f.source,
      ...(f.decision === undefined ? {} : { decision: f.decision }),
      values: Object.fromEntries([...f.values].map(([code, v]) => [code, formatRational(v, 12)])),
    })),
  };
}

/** Record a key version (validated; audited). */
export async function recordAllocationKey(
  store: Store,
  agreement: Agreement,
  input: AllocationKeyInput,
  actor: string,
): Promise<AllocationKeyView> {
  const name = input.name.trim();
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name))
    throw invalidInput(
      'name',
      `name: "${input.name}" ska vara ett id med små bokstäver, siffror, punkt och bindestreck (t.ex. resursfordelning-2027).`,
      input.name,
    );
  parseDate(input.validFrom, 'validFrom');
  if (input.validTo !== undefined) parseDate(input.validTo, 'validTo');
  const factors = checkFactors(agreement, input.factors);
  return store.transaction(async (trx) => {
    const previous = await trx
      .selectFrom('allocation_keys')
      .selectAll()
      .where('name', '=', name)
      .where('valid_from', '=', input.validFrom)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const next: AllocationKeyRow = {
      id: randomUUID(),
      name,
      title: input.title.trim(),
      note: input.note?.trim() || null,
      valid_from: input.validFrom,
      valid_to: input.validTo ?? null,
      factors_json: JSON.stringify(factors),
      source: input.source.trim(),
      decision_ref: input.decisionRef?.trim() || null,
      example: toFlag(input.example ?? false),
      demo: toFlag(input.demo ?? false),
      version: (previous?.version ?? 0) + 1,
      recorded_at: nowIso(),
      recorded_by: actor,
    };
    await trx
      .insertInto('allocation_keys')
      .values({ ...next, example: toFlag(input.example ?? false), demo: toFlag(input.demo ?? false) })
      .execute();
    const after = view(next);
    await appendAudit(trx, {
      actor,
      action: previous ? 'new-version' : 'create',
      entity: 'allocation_keys',
      entityId: `${name}@${input.validFrom}`,
      before: previous ? view(previous) : null,
      after,
    });
    return after;
  });
}

/** Current keys (highest version per name and start date), or all versions with `history`. */
export async function listAllocationKeys(db: Kysely<Database>, history = false): Promise<AllocationKeyView[]> {
  const rows = await db.selectFrom('allocation_keys').selectAll().orderBy('name').orderBy('valid_from').orderBy('version').execute();
  if (history) return rows.map(view);
  const current = new Map<string, AllocationKeyRow>();
  for (const r of rows) current.set(`${r.name}@${r.valid_from}`, r);
  return [...current.values()].map(view);
}

/** The current version of key `name` valid on `date` (latest start date ≤ date, not past its end). */
export async function allocationKeyOn(db: Kysely<Database>, name: string, date: string): Promise<AllocationKeyView | undefined> {
  const keys = (await listAllocationKeys(db)).filter(
    (k) => k.name === name && k.validFrom <= date && (k.validTo === null || k.validTo >= date),
  );
  return keys.sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
}
