/**
 * Index values (VPI, OPI, LPIK) in the store, versioned: a change never overwrites, it records a
 * new version for the series and year with its source and decision reference, audited in the
 * same transaction. The highest version is current; calculations read the current set.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { buildIndexSeries, indexUse, type IndexRow, type IndexSeries } from '@samverkan/core';
import type { Store } from '../store/db.js';
import type { Database, IndexValueRow } from '../store/schema.js';
import { flag, toFlag } from '../store/flag.js';
import { nowIso } from '../store/clock.js';
import { appendAudit } from '../audit/append-audit.js';

/** An index value as the API shows it. */
export interface IndexValueView {
  readonly id: string;
  readonly series: string;
  readonly year: number;
  /** Percent change as an exact decimal with a point, e.g. "2.9". */
  readonly percent: string;
  readonly kind: string;
  readonly publishedOn: string | null;
  readonly source: string;
  readonly decisionRef: string | null;
  readonly version: number;
  /** Shipped example value, not a published one: every output that uses it says so. */
  readonly example: boolean;
  readonly demo: boolean;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** A new index value. */
export interface IndexValueInput {
  readonly series: string;
  readonly year: number;
  readonly percent: string;
  readonly kind?: string | undefined;
  readonly publishedOn?: string | undefined;
  readonly source: string;
  readonly decisionRef?: string | undefined;
  readonly example?: boolean;
  readonly demo?: boolean;
}

function view(r: IndexValueRow): IndexValueView {
  return {
    id: r.id,
    series: r.series,
    year: r.year,
    percent: r.percent,
    kind: r.kind,
    publishedOn: r.published_on,
    source: r.source,
    decisionRef: r.decision_ref,
    version: r.version,
    example: flag(r.example),
    demo: flag(r.demo),
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  };
}

/** Record a new version of an index value (validated by core's index rules; audited). */
export async function recordIndexValue(store: Store, input: IndexValueInput, actor: string): Promise<IndexValueView> {
  const row: IndexRow = {
    series: input.series,
    year: input.year,
    percent: input.percent,
    source: input.source,
    ...(input.kind === undefined ? {} : { kind: input.kind }),
    ...(input.publishedOn === undefined ? {} : { published: input.publishedOn }),
  };
  const point = [...buildIndexSeries([row]).points.values()][0];
  if (point === undefined) throw new Error('buildIndexSeries returned no point');
  return store.transaction(async (trx) => {
    const previous = await trx
      .selectFrom('index_values')
      .selectAll()
      .where('series', '=', point.series)
      .where('year', '=', point.year)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const next: IndexValueRow = {
      id: randomUUID(),
      series: point.series,
      year: point.year,
      percent: indexUse(point).percent,
      kind: point.kind,
      published_on: input.publishedOn ?? null,
      source: input.source.trim(),
      decision_ref: input.decisionRef?.trim() || null,
      version: (previous?.version ?? 0) + 1,
      example: toFlag(input.example ?? false),
      demo: toFlag(input.demo ?? false),
      recorded_at: nowIso(),
      recorded_by: actor,
    };
    await trx
      .insertInto('index_values')
      .values({ ...next, example: toFlag(input.example ?? false), demo: toFlag(input.demo ?? false) })
      .execute();
    const after = view(next);
    await appendAudit(trx, {
      actor,
      action: previous ? 'new-version' : 'create',
      entity: 'index_values',
      entityId: `${point.series}:${String(point.year)}`,
      before: previous ? view(previous) : null,
      after,
    });
    return after;
  });
}

/** Current values (highest version per series and year), or every version with `history`. */
export async function listIndexValues(
  db: Kysely<Database>,
  filter: { series?: string | undefined; history?: boolean | undefined } = {},
): Promise<IndexValueView[]> {
  let q = db.selectFrom('index_values').selectAll().orderBy('series').orderBy('year').orderBy('version');
  if (filter.series !== undefined) q = q.where('series', '=', filter.series.toUpperCase());
  const rows = await q.execute();
  if (filter.history === true) return rows.map(view);
  const current = new Map<string, IndexValueRow>();
  for (const r of rows) current.set(`${r.series}:${String(r.year)}`, r);
  return [...current.values()].map(view);
}

/**
 * The current values as core's `IndexSeries` (what the calculations take). Example values are
 * marked `example`, so every trace that uses one says so.
 */
export async function currentIndexSeries(db: Kysely<Database>): Promise<IndexSeries> {
  const rows = await listIndexValues(db);
  return buildIndexSeries(
    rows.map((r) => ({
      series: r.series,
      year: r.year,
      percent: r.percent,
      kind: r.kind,
      source: r.source,
      ...(r.publishedOn === null ? {} : { published: r.publishedOn }),
      // Carried into every trace that uses the value (IndexUse.example), so a basis says so.
      ...(r.example ? { example: true } : {}),
    })),
  );
}
