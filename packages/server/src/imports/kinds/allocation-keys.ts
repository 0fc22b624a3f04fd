/**
 * `allocation-keys` — Fördelningsnycklar (PRINC.tillaggsbelopp, TILL.bakgrund.fordelning): one
 * factor per row (andel äldre, glesbygd, socioekonomi …) with its weight, what is measured, the
 * source, and one column per municipality (header = name or code) holding the measure. All rows
 * with the same key id and start date form one key; its weights must sum to exactly 1 and every
 * municipality needs a value (the same checks as `POST /api/v1/allocation-keys`). Reference data:
 * administrator only. A key equal to its current version is a duplicate; otherwise a new version.
 */
import { randomUUID } from 'node:crypto';
import { findMunicipality, isSamverkanError } from '@samverkan/core';
import { canonicalJson } from '../../audit/canonical-json.js';
import { checkFactors, type StoredAllocationFactor } from '../../reference/allocation-keys.js';
import { toFlag, flag } from '../../store/flag.js';
import type { ColumnSpec } from '../columns.js';
import { formats } from '../column-formats.js';
import type { RowProblem } from '../row-problems.js';
import type { RowReader } from '../row-reader.js';
import type { ImportKind, KindContext } from './kind.js';

/** One factor row. */
interface FactorRow {
  readonly name: string;
  readonly title: string;
  readonly validFrom: string;
  readonly example: boolean;
  readonly decisionRef: string | null;
  readonly factor: StoredAllocationFactor;
}

/** A whole key, gathered from its rows. */
interface KeyDraft {
  readonly name: string;
  readonly title: string;
  readonly validFrom: string;
  readonly example: boolean;
  readonly decisionRef: string | null;
  readonly firstLine: number;
  readonly factors: StoredAllocationFactor[];
}

const MUNICIPALITY_PREFIX = 'kommun:';

const columns: readonly ColumnSpec[] = [
  {
    key: 'key',
    sv: 'nyckel',
    aliases: ['nyckel_id', 'name'],
    required: true,
    description: 'nyckelns id, t.ex. resursfordelning-2027 (små bokstäver, siffror, punkt, bindestreck)',
    format: {
      unit: 'id',
      forms: 'små bokstäver, siffror, punkt och bindestreck, t.ex. resursfordelning-2027',
      example: 'resursfordelning-2027',
    },
  },
  {
    key: 'title',
    sv: 'titel',
    aliases: ['benamning'],
    required: true,
    description: 'nyckelns namn',
    format: { ...formats.text, example: 'Resursfördelning 2027' },
  },
  {
    key: 'valid_from',
    sv: 'gäller från',
    aliases: ['galler_fran', 'giltig_fran', 'from'],
    required: true,
    description: 'första dag nyckeln gäller, ÅÅÅÅ-MM-DD',
    format: { ...formats.date, example: '2027-01-01' },
  },
  {
    key: 'factor',
    sv: 'faktor',
    aliases: ['faktor_id', 'factor_id'],
    required: true,
    description: 'faktorns id, t.ex. andel-aldre',
    format: { unit: 'id', forms: 'små bokstäver, siffror, punkt och bindestreck, t.ex. andel-aldre', example: 'andel-aldre' },
  },
  {
    key: 'factor_name',
    sv: 'faktornamn',
    aliases: ['faktorns_namn'],
    required: true,
    description: 'faktorns namn, t.ex. Andel äldre',
    format: { ...formats.text, example: 'Andel äldre' },
  },
  {
    key: 'weight',
    sv: 'vikt',
    required: true,
    description: 'faktorns vikt som exakt decimaltal; vikterna summerar till 1',
    format: { unit: 'decimaltal', forms: 'exakt decimaltal med komma eller punkt, t.ex. 0,5; vikterna summerar till 1', example: '1' },
  },
  {
    key: 'measure',
    sv: 'mått',
    aliases: ['matt'],
    required: true,
    description: 'vad som mäts, t.ex. Invånare 80 år och äldre',
    format: { ...formats.text, example: 'Invånare 80 år och äldre' },
  },
  {
    key: 'source',
    sv: 'källa',
    aliases: ['kalla'],
    required: true,
    description: 'källa för måtten',
    format: { ...formats.text, example: 'SCB' },
  },
  {
    key: 'decision_ref',
    sv: 'beslut',
    aliases: ['beslutsreferens'],
    required: false,
    description: 'beslut som antog nyckeln',
    format: formats.text,
  },
  {
    key: 'example',
    sv: 'exempel',
    required: false,
    description: 'ja om värdena är ett exempel (märks i alla utdata)',
    format: formats.yesNo,
  },
];

function municipalityColumn(header: string, ctx: KindContext): string | undefined {
  try {
    return `${MUNICIPALITY_PREFIX}${findMunicipality(ctx.agreement.municipalities, header).code}`;
  } catch (e) {
    if (isSamverkanError(e)) return undefined;
    throw e;
  }
}

function readFactor(row: RowReader, ctx: KindContext): FactorRow | undefined {
  const name = row.text('key', 'nyckelns id');
  if (name !== undefined && !/^[a-z0-9][a-z0-9._-]*$/.test(name))
    row.fail('key', 'nyckelns id ska bestå av små bokstäver, siffror, punkt och bindestreck (t.ex. resursfordelning-2027).', name);
  const title = row.text('title', 'nyckelns namn');
  const validFrom = row.date('valid_from');
  const id = row.text('factor', 'faktorns id');
  const factorName = row.text('factor_name', 'faktorns namn');
  const weight = row.decimal('weight', 'faktorns vikt');
  const measure = row.text('measure', 'vad som mäts');
  const source = row.text('source', 'källan för måtten');
  const example = row.yesNo('example');
  const values: Record<string, string> = {};
  for (const m of ctx.agreement.municipalities) {
    const key = `${MUNICIPALITY_PREFIX}${m.code}`;
    if (row.raw(key) === '') {
      row.fail(key, `mått saknas för ${m.name}; ange ett värde per kommun (kolumn med kommunens namn eller kod).`);
      continue;
    }
    const v = row.decimal(key, `måttet för ${m.name}`);
    if (v !== undefined) values[m.code] = v;
  }
  if (
    !row.ok ||
    name === undefined ||
    title === undefined ||
    validFrom === undefined ||
    id === undefined ||
    factorName === undefined ||
    weight === undefined ||
    measure === undefined ||
    source === undefined ||
    example === undefined
  )
    return undefined;
  return {
    name,
    title,
    validFrom,
    example,
    decisionRef: row.optionalText('decision_ref') ?? null,
    factor: { id, name: factorName, weight, measure, source, values },
  };
}

/** Gather factor rows into keys (per id and start date); problems for rows that disagree on the key's fields. */
class KeyGatherer {
  readonly keys = new Map<string, KeyDraft>();
  readonly problems: RowProblem[] = [];

  add(f: FactorRow, line: number): void {
    const id = `${f.name}@${f.validFrom}`;
    const k = this.keys.get(id);
    if (!k) {
      this.keys.set(id, {
        name: f.name,
        title: f.title,
        validFrom: f.validFrom,
        example: f.example,
        decisionRef: f.decisionRef,
        firstLine: line,
        factors: [f.factor],
      });
      return;
    }
    if (k.title !== f.title || k.example !== f.example || k.decisionRef !== f.decisionRef) {
      this.problems.push({
        line,
        field: 'titel',
        reason: `nyckeln ${f.name} (från ${f.validFrom}) har annan titel, beslut eller exempelmarkering än på rad ${String(k.firstLine)}; de ska vara lika på nyckelns alla rader.`,
      });
      return;
    }
    if (k.factors.some((x) => x.id === f.factor.id)) {
      this.problems.push({
        line,
        field: 'faktor',
        reason: `faktorn ${f.factor.id} förekommer redan i nyckeln ${f.name}.`,
        value: f.factor.id,
      });
      return;
    }
    k.factors.push(f.factor);
  }
}

function checkKey(ctx: KindContext, k: KeyDraft): StoredAllocationFactor[] | RowProblem {
  try {
    return checkFactors(ctx.agreement, k.factors);
  } catch (e) {
    if (!isSamverkanError(e)) throw e;
    return { line: k.firstLine, field: 'vikt', reason: `nyckeln ${k.name} (från ${k.validFrom}): ${e.message}` };
  }
}

/** Allocation keys. */
export const allocationKeysKind: ImportKind<FactorRow> = {
  kind: 'allocation-keys',
  title: 'Fördelningsnycklar',
  description: 'En faktor per rad med vikt, mått, källa och ett värde per kommun (en kolumn per kommun).',
  columns,
  action: 'reference:change',
  countyWide: true,
  extraColumn: municipalityColumn,
  templateColumns: (ctx) =>
    ctx.agreement.municipalities.map((m) => ({
      key: `${MUNICIPALITY_PREFIX}${m.code}`,
      sv: m.name,
      required: true,
      description: `faktorns mått för ${m.name} (kolumnen kan också heta ${m.code})`,
      format: { unit: 'decimaltal', forms: 'exakt decimaltal med komma eller punkt, t.ex. 1 234 eller 0,25', example: '100' },
    })),
  open(ctx) {
    const gather = new KeyGatherer();
    return {
      read(row) {
        const f = readFactor(row, ctx);
        if (f) gather.add(f, row.line);
        return f;
      },
      parties: () => [],
      finish() {
        const problems = [...gather.problems];
        for (const k of gather.keys.values()) {
          const checked = checkKey(ctx, k);
          if (!Array.isArray(checked)) problems.push(checked);
        }
        return problems;
      },
    };
  },
  writer(w) {
    const gather = new KeyGatherer();
    return {
      add(f, line) {
        gather.add(f, line);
        return Promise.resolve();
      },
      async finish(trx) {
        let inserted = 0;
        let duplicates = 0;
        for (const k of gather.keys.values()) {
          const factors = checkKey(w, k);
          // Pass 1 validated the same rows; a failure here means the file changed under us.
          if (!Array.isArray(factors)) throw new Error(`allocation key ${k.name} failed its check in pass 2`);
          const current = await trx
            .selectFrom('allocation_keys')
            .selectAll()
            .where('name', '=', k.name)
            .where('valid_from', '=', k.validFrom)
            .orderBy('version', 'desc')
            .limit(1)
            .executeTakeFirst();
          const same =
            current !== undefined &&
            current.title === k.title &&
            flag(current.example) === k.example &&
            current.decision_ref === k.decisionRef &&
            canonicalJson(JSON.parse(current.factors_json)) === canonicalJson(factors);
          if (same) {
            duplicates += 1;
            continue;
          }
          await trx
            .insertInto('allocation_keys')
            .values({
              id: randomUUID(),
              name: k.name,
              title: k.title,
              note: k.example ? 'Exempel: påhittade värden, inte ett beslutat underlag.' : null,
              valid_from: k.validFrom,
              valid_to: null,
              factors_json: JSON.stringify(factors),
              source: `import av ${w.filename}`,
              decision_ref: k.decisionRef,
              example: toFlag(k.example),
              demo: toFlag(w.demo),
              version: (current?.version ?? 0) + 1,
              recorded_at: w.recordedAt,
              recorded_by: w.actor,
            })
            .execute();
          inserted += 1;
        }
        return { inserted, duplicates };
      },
    };
  },
};
