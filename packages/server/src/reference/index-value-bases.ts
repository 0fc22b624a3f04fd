/**
 * Which invoice bases were computed with each version of one index value (series and year), read
 * from the bases' own traces (`trace.indexValues`): after a value is replaced, the bases that
 * still carry the old one can be found and credited. A trace records the value it used (percent,
 * source), not the version's id, so a basis is put under the version it matches — the newest
 * matching version recorded before the basis was created (percent and source first, then percent
 * alone). A basis matching no stored version (the value was given on the command line) is listed
 * apart. The caller sees only bases where they may see the parties (auth/scope.ts).
 */
import type { Kysely } from 'kysely';
import type { Agreement, Trace } from '@samverkan/core';
import type { Database } from '../store/schema.js';
import type { SessionUser } from '../auth/session-user.js';
import { listBases } from '../billing/basis-store.js';
import { basisView, type InvoiceBasisView } from '../billing/basis-view.js';
import { listIndexValues, type IndexValueView } from './index-values.js';

/** A version with the bases computed with it. */
export interface IndexVersionBases {
  readonly version: IndexValueView;
  readonly current: boolean;
  readonly invoiceBases: readonly InvoiceBasisView[];
}

/** The answer of `GET /api/v1/index-values/:series/:year/bases`. */
export interface IndexValueBases {
  readonly series: string;
  readonly year: number;
  readonly versions: readonly IndexVersionBases[];
  /** Bases that used this series and year with a value no stored version has. */
  readonly unmatched: readonly InvoiceBasisView[];
}

/** "2,90" and "2.9" are the same value. */
function samePercent(a: string, b: string): boolean {
  const norm = (p: string): string => {
    const t = p.trim().replace(',', '.').replace(/^\+/, '');
    return t.includes('.') ? t.replace(/0+$/, '').replace(/\.$/, '') : t;
  };
  return norm(a) === norm(b);
}

function versionFor(
  versions: readonly IndexValueView[],
  used: { percent: string; source?: string | undefined },
  createdAt: string,
): IndexValueView | undefined {
  const byPercent = versions.filter((v) => samePercent(v.percent, used.percent));
  const bySource = byPercent.filter((v) => used.source !== undefined && v.source === used.source);
  const pool = bySource.length > 0 ? bySource : byPercent;
  const before = pool.filter((v) => v.recordedAt <= createdAt);
  return (before.length > 0 ? before : pool).reduce<IndexValueView | undefined>(
    (best, v) => (best === undefined || (before.length > 0 ? v.version > best.version : v.version < best.version) ? v : best),
    undefined,
  );
}

/** The bases computed with each version of `series` `year`, newest version first. */
export async function indexValueBases(
  db: Kysely<Database>,
  agreement: Agreement,
  user: SessionUser,
  series: string,
  year: number,
): Promise<IndexValueBases> {
  const versions = (await listIndexValues(db, { series, history: true })).filter((v) => v.year === year);
  const latest = versions.reduce((m, v) => Math.max(m, v.version), 0);
  const byVersion = new Map<number, InvoiceBasisView[]>(versions.map((v) => [v.version, []]));
  const unmatched: InvoiceBasisView[] = [];
  // A cheap text test first: most traces never mention the series.
  const rows = (await listBases(db, user, {})).filter((r) => r.trace_json.includes(`"${series}"`));
  for (const r of rows) {
    const trace = JSON.parse(r.trace_json) as Trace;
    const used = trace.indexValues.find((u) => u.series === series && u.year === year);
    if (used === undefined) continue;
    const view = basisView(agreement, r, null);
    const v = versionFor(versions, used, r.created_at);
    if (v === undefined) unmatched.push(view);
    else byVersion.get(v.version)?.push(view);
  }
  return {
    series,
    year,
    versions: [...versions]
      .sort((a, b) => b.version - a.version)
      .map((v) => ({ version: v, current: v.version === latest, invoiceBases: byVersion.get(v.version) ?? [] })),
    unmatched,
  };
}
