/** Shapes of the agreement endpoints the Avtal page reads (docs/api.md; same JSON as the CLI). */

/** A part (del) of the agreement with its colour. */
export interface Part {
  readonly part: number;
  readonly colour: string;
  readonly title: string;
  readonly decided: boolean;
}

/** One of the eight documents. */
export interface AgreementDocument {
  readonly id: string;
  readonly title: string;
  readonly shortTitle?: string;
  readonly part: number;
  readonly validFrom: string;
  readonly validTo: string;
  readonly renewal: { readonly kind: string; readonly extensionYears?: number; readonly noticeMonths?: number; readonly note?: string; readonly clause?: string };
}

/** `GET /documents`. */
export interface DocumentsResponse {
  readonly parts: readonly Part[];
  readonly documents: readonly AgreementDocument[];
}

/** Status of a document on a date (packages/core/src/lifecycle/status.ts). */
export type DocumentStatus = 'not_started' | 'active' | 'terminated' | 'expired';

/** A document's lifecycle on a date (`GET /agreements?on=`; same JSON as `samverkan agreements --json`). */
export interface DocumentLifecycle {
  readonly id: string;
  readonly title: string;
  readonly part: number;
  readonly status: DocumentStatus;
  readonly periodStart: string;
  /** End of the current period; once terminated, the final end. */
  readonly periodEnd: string;
  readonly noticeDeadline: string | null;
  readonly autoRenews: boolean;
}

/** `GET /agreements`. */
export interface AgreementsResponse {
  readonly on: string;
  readonly agreements: readonly DocumentLifecycle[];
}

/** A clause with its short verbatim quote. */
export interface Clause {
  readonly id: string;
  readonly document: string;
  readonly heading: string;
  readonly quote: string;
}

/** A decision of the history. */
export interface Decision {
  readonly id: string;
  readonly date: string;
  readonly body: string;
  readonly reference?: string;
  readonly decision: string;
  readonly documents: readonly string[];
}
