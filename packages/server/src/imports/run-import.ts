/**
 * One import, all or nothing, with flat memory:
 *   0. the same file (kind + SHA-256) imported before → nothing to do;
 *   1. ONE pass streams the file, parses and validates every row once (decision 0176) and stages
 *      the valid rows in chunks, each chunk its own short transaction, under an `imports` row
 *      that no reader sees yet (import-staging.ts, decision 0131): the database is never held for
 *      the whole file, so other requests (and other processes on the same SQLite file) keep being
 *      answered. The audit seal of the rows (decision 0100) is hashed as they are staged. Any
 *      problem → staging stops, the rows staged so far are removed, and SAMV_ERR_IMPORT_REJECTED
 *      lists every bad row; nothing was ever visible;
 *   2. one short transaction makes the import visible, with ONE audit row (counts and file hash,
 *      not per row). Records already stored are skipped (natural keys); when nothing at all is
 *      new, or anything fails, the staged rows are removed, so a repeated import adds nothing —
 *      not even an `imports` row — and a failed one leaves nothing visible.
 */
import { randomUUID } from 'node:crypto';
import { findMunicipality, refusePersonnummer, SamverkanError, type Agreement } from '@samverkan/core';
import type { Store } from '../store/db.js';
import { toFlag } from '../store/flag.js';
import { appendAudit } from '../audit/append-audit.js';
import { precomputeImportSeal, StagedImportSeal } from '../audit/object-digests.js';
import type { FileLimits } from './file-limits.js';
import type { ScannedFile } from './file-scan.js';
import type { ImportKind, KindWriter, WriteCounts } from './kinds/kind.js';
import { problemCount, problemMessage, type ProblemList } from './row-problems.js';
import { passOverFile, type ImportScope } from './validate-file.js';
import { importView, type ImportView } from './import-view.js';
import { beginStaging } from './import-staging.js';

/** One import to run. */
export interface ImportRequest {
  readonly kind: ImportKind<unknown>;
  readonly file: ScannedFile;
  /** The name the user gave the file (shown in reports, the history and the audit). */
  readonly filename: string;
  readonly actor: string;
  /** A municipality economist's municipality; undefined for everyone else. */
  readonly municipality: string | undefined;
  readonly demo?: boolean;
  /** Progress of the pass over the file, in bytes (`write`: checked and staged; `validate` is no longer reported). */
  readonly onProgress?: (phase: 'validate' | 'write', bytes: number) => void;
  /** The file limits (decision 0110); the defaults unless configured. */
  readonly limits?: FileLimits;
}

/** The answer to an accepted import. */
export interface ImportReport {
  readonly kind: string;
  readonly filename: string;
  readonly sha256: string;
  readonly format: 'csv' | 'xlsx';
  readonly encoding: string | null;
  readonly bytes: number;
  /** Data rows in the file. */
  readonly rows: number;
  /** Records written now. */
  readonly inserted: number;
  /** Records that were already stored. */
  readonly duplicates: number;
  /** True when nothing new was written (the same file or the same records). */
  readonly alreadyImported: boolean;
  /** The stored import (the earlier one when the same file was imported before), or null. */
  readonly import: ImportView | null;
}

class NothingNew extends Error {
  constructor(
    readonly counts: WriteCounts,
    readonly rows: number,
  ) {
    super('nothing new');
  }
}

function rejected(filename: string, problems: ProblemList): SamverkanError {
  const more =
    problems.unlisted > 0
      ? ` De första ${String(problems.problems.length)} problemen listas; ${String(problems.unlisted)} till finns.`
      : '';
  return new SamverkanError(
    'SAMV_ERR_IMPORT_REJECTED',
    `${filename}: ${problemCount(problems.count, problems.badRows)}, inget har sparats. Rätta felen nedan och importera filen igen.${more}`,
    { file: filename },
    problems.problems.map((p) => ({ ...p, message: problemMessage(p) })),
  );
}

/** Run an import (see the file comment). Throws SAMV_ERR_IMPORT_REJECTED with every bad row. */
export async function runImport(store: Store, agreement: Agreement, req: ImportRequest): Promise<ImportReport> {
  refusePersonnummer(req.filename, { field: 'filename' });
  const ctx = { agreement, filename: req.filename };
  const scope: ImportScope = {
    municipality: req.municipality,
    ...(req.municipality === undefined ? {} : { municipalityName: findMunicipality(agreement.municipalities, req.municipality).name }),
  };
  const base = {
    kind: req.kind.kind,
    filename: req.filename,
    sha256: req.file.sha256,
    format: req.file.format,
    encoding: req.file.encoding ?? null,
    bytes: req.file.bytes,
  };

  let earlierQuery = store.db
    .selectFrom('imports')
    .selectAll()
    .where('kind', '=', req.kind.kind)
    .where('content_sha256', '=', req.file.sha256)
    .where('status', '=', 'complete');
  if (req.municipality !== undefined) earlierQuery = earlierQuery.where('municipality_code', '=', req.municipality);
  const earlier = await earlierQuery.orderBy('uploaded_at').limit(1).executeTakeFirst();
  if (earlier)
    return {
      ...base,
      rows: earlier.row_count,
      inserted: 0,
      duplicates: earlier.row_count,
      alreadyImported: true,
      import: importView(earlier),
    };

  const importId = randomUUID();
  // row_count and the municipality are known after the pass; the staging row is invisible until then.
  const header = {
    id: importId,
    kind: req.kind.kind,
    filename: req.filename,
    content_sha256: req.file.sha256,
    municipality_code: req.municipality ?? null,
    row_count: 0,
    uploaded_by: req.actor,
    demo: toFlag(req.demo ?? false),
  };
  const { staging, uploadedAt } = await beginStaging(store, header);
  const seal = new StagedImportSeal(importId);
  let abandon: KindWriter<unknown>['abandon'];
  try {
    const writer = req.kind.writer({
      ...ctx,
      db: store.db,
      stage: (fn) => staging.transaction(fn),
      importId,
      kind: req.kind.kind,
      actor: req.actor,
      demo: req.demo ?? false,
      recordedAt: uploadedAt,
      written: (rows) => {
        for (const r of rows) seal.add(r);
      },
    });
    abandon = writer.abandon?.bind(writer);
    let read = 0;
    const pass = await passOverFile(
      req.kind,
      req.file,
      ctx,
      scope,
      (value, line) => writer.add(value, line),
      (n) => {
        read += n;
        req.onProgress?.('write', read);
      },
      req.limits,
    );
    if (!pass.problems.empty) throw rejected(req.filename, pass.problems);
    await writer.drain?.();
    const municipalityCode = req.municipality ?? (pass.municipalities.size === 1 ? [...pass.municipalities][0] : undefined) ?? null;
    const row = {
      ...header,
      municipality_code: municipalityCode,
      row_count: pass.rows,
      uploaded_at: uploadedAt,
      status: 'complete' as const,
      staged_by: null,
      heartbeat_at: null,
    };
    // The last chunk is staged before publishing, so the seal is complete outside the short publishing transaction.
    const counts = await staging.transaction(async (trx) => {
      const c = await writer.finish(trx);
      await trx
        .updateTable('imports')
        .set({ row_count: pass.rows, municipality_code: municipalityCode })
        .where('id', '=', importId)
        .execute();
      return c;
    });
    // A kind that writes its rows without telling (none today) is hashed from the database instead.
    if (counts.inserted > 0) await (seal.rows === counts.inserted ? seal.finish(store.db) : precomputeImportSeal(store.db, importId));
    return await staging.publish(async (trx) => {
      if (counts.inserted === 0) throw new NothingNew(counts, pass.rows);
      const view = importView(row);
      await appendAudit(trx, {
        actor: req.actor,
        action: 'import',
        entity: 'imports',
        entityId: importId,
        before: null,
        after: {
          ...view,
          sha256: req.file.sha256,
          format: req.file.format,
          encoding: req.file.encoding ?? null,
          bytes: req.file.bytes,
          inserted: counts.inserted,
          duplicates: counts.duplicates,
        },
      });
      return { ...base, rows: pass.rows, inserted: counts.inserted, duplicates: counts.duplicates, alreadyImported: false, import: view };
    });
  } catch (e) {
    // Nothing of a failed or empty import may stay behind, not even invisibly.
    await abandon?.();
    await staging.discard();
    if (e instanceof NothingNew)
      return { ...base, rows: e.rows, inserted: 0, duplicates: e.counts.duplicates, alreadyImported: true, import: null };
    throw e;
  }
}
