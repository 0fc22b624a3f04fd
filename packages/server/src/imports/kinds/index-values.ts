/**
 * `index-values` — Indexvärden (economy.md, Price indices): one SKR index value per row (VPI, OPI,
 * LPIK; yearly percentage change, outcome or forecast, with its source). Reference data: only the
 * administrator imports it. Each value becomes a new version of its series and year unless it
 * equals the current version (then it is a duplicate); the import is audited once, not per value.
 */
import { randomUUID } from 'node:crypto';
import { buildIndexSeries, indexUse, isSamverkanError, type IndexPoint } from '@samverkan/core';
import type { Transaction } from 'kysely';
import type { Database } from '../../store/schema.js';
import { toFlag } from '../../store/flag.js';
import type { ColumnSpec } from '../columns.js';
import { formats, choice } from '../column-formats.js';
import type { RowProblem } from '../row-problems.js';
import type { ImportKind } from './kind.js';

/** One index value as read. */
interface IndexValueRow {
  readonly point: IndexPoint;
  readonly percent: string;
  readonly source: string;
  readonly published: string | null;
  readonly decisionRef: string | null;
}

const columns: readonly ColumnSpec[] = [
  {
    key: 'series',
    sv: 'serie',
    aliases: ['index', 'indexserie'],
    required: true,
    description: 'VPI, OPI eller LPIK',
    format: choice(['VPI', 'OPI', 'LPIK']),
  },
  { key: 'year', sv: 'år', aliases: ['ar'], required: true, description: 'året förändringen avser, ÅÅÅÅ', format: formats.year },
  {
    key: 'percent',
    sv: 'procent',
    aliases: ['förändring', 'forandring', 'procentuell_forandring'],
    required: true,
    description: 'årlig förändring i procent, t.ex. 2,9',
    format: {
      unit: 'procent',
      forms: 'årlig förändring i procent som decimaltal med komma eller punkt, t.ex. 2,9 eller -0,4',
      example: '2,9',
    },
  },
  {
    key: 'kind',
    sv: 'typ',
    aliases: ['utfall_prognos'],
    required: false,
    description: 'utfall eller prognos (tomt = utfall)',
    format: choice(['utfall', 'prognos'], 'tomt = utfall'),
  },
  {
    key: 'source',
    sv: 'källa',
    aliases: ['kalla'],
    required: true,
    description: 'källa, t.ex. SKR cirkulär 25:12',
    format: { ...formats.text, example: 'SKR cirkulär 25:12' },
  },
  {
    key: 'published',
    sv: 'publicerad',
    aliases: ['publiceringsdatum', 'published_on'],
    required: false,
    description: 'publiceringsdatum ÅÅÅÅ-MM-DD',
    format: { ...formats.date, forms: `${formats.date.forms}; tomt = okänt`, example: '' },
  },
  {
    key: 'decision_ref',
    sv: 'beslut',
    aliases: ['beslutsreferens', 'decision'],
    required: false,
    description: 'beslutsreferens',
    format: formats.text,
  },
];

/** Index values. */
export const indexValuesKind: ImportKind<IndexValueRow> = {
  kind: 'index-values',
  title: 'Indexvärden',
  description: 'Ett indexvärde per rad (VPI, OPI, LPIK): årlig förändring i procent med källa.',
  columns,
  action: 'reference:change',
  countyWide: true,
  open() {
    const seen = new Map<string, number>();
    return {
      read(row) {
        const source = row.text('source', 'källan (t.ex. SKR:s cirkulär)');
        const published = row.raw('published') === '' ? null : (row.date('published') ?? null);
        let point: IndexPoint | undefined;
        try {
          const kind = row.optionalText('kind');
          point = [
            ...buildIndexSeries([
              { series: row.raw('series'), year: row.raw('year'), percent: row.raw('percent'), ...(kind === undefined ? {} : { kind }) },
            ]).points.values(),
          ][0];
        } catch (e) {
          if (!isSamverkanError(e)) throw e;
          const field = e.location.field ?? 'series';
          row.fail(field, e.message, row.raw(field));
        }
        if (point) {
          const key = `${point.series}:${String(point.year)}`;
          const earlier = seen.get(key);
          if (earlier !== undefined)
            row.fail('year', `${point.series} ${String(point.year)} förekommer redan på rad ${String(earlier)}.`, row.raw('year'));
          else seen.set(key, row.line);
        }
        if (!row.ok || point === undefined || source === undefined) return undefined;
        return { point, percent: indexUse(point).percent, source, published, decisionRef: row.optionalText('decision_ref') ?? null };
      },
      parties: () => [],
      finish: (): readonly RowProblem[] => [],
    };
  },
  writer(w) {
    let inserted = 0;
    let duplicates = 0;
    // A few values per series and year: kept until the import becomes visible, then written in
    // that one transaction (reference data is not staged, decision 0131).
    const values: IndexValueRow[] = [];
    const write = async (trx: Transaction<Database>, v: IndexValueRow): Promise<void> => {
      const current = await trx
        .selectFrom('index_values')
        .selectAll()
        .where('series', '=', v.point.series)
        .where('year', '=', v.point.year)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (
        current &&
        current.percent === v.percent &&
        current.kind === v.point.kind &&
        current.source === v.source &&
        current.published_on === v.published &&
        current.decision_ref === v.decisionRef
      ) {
        duplicates += 1;
        return;
      }
      await trx
        .insertInto('index_values')
        .values({
          id: randomUUID(),
          series: v.point.series,
          year: v.point.year,
          percent: v.percent,
          kind: v.point.kind,
          published_on: v.published,
          source: v.source,
          decision_ref: v.decisionRef,
          version: (current?.version ?? 0) + 1,
          example: toFlag(/exempel/i.test(v.source)),
          demo: toFlag(w.demo),
          recorded_at: w.recordedAt,
          recorded_by: w.actor,
        })
        .execute();
      inserted += 1;
    };
    return {
      add(v) {
        values.push(v);
        return Promise.resolve();
      },
      async finish(trx) {
        for (const v of values) await write(trx, v);
        return { inserted, duplicates };
      },
    };
  },
};
