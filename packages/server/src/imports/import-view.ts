/** An `imports` row as the API and the CLI show it. */
import type { Selectable } from 'kysely';
import type { ImportsTable } from '../store/schema.js';
import { flag } from '../store/flag.js';

/** One stored import. */
export interface ImportView {
  readonly id: string;
  readonly kind: string;
  readonly filename: string;
  readonly sha256: string;
  /** The municipality the file concerns, when it concerns one. */
  readonly municipality: string | null;
  /** Data rows in the file. */
  readonly rowCount: number;
  readonly uploadedBy: string;
  readonly uploadedAt: string;
  readonly demo: boolean;
}

/** The view of an `imports` row. */
export function importView(r: Selectable<ImportsTable>): ImportView {
  return {
    id: r.id,
    kind: r.kind,
    filename: r.filename,
    sha256: r.content_sha256,
    municipality: r.municipality_code,
    rowCount: r.row_count,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at,
    demo: flag(r.demo),
  };
}
