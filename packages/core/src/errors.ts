/**
 * The one catalogue of domain errors. Every error has a stable code, a Swedish message that names
 * the field, file or value at fault, and one mapping to HTTP status and CLI exit code (here, and
 * nowhere else).
 */

/** Where an error was found: the field, the file and line, the offending value. */
export interface ErrorLocation {
  readonly field?: string;
  readonly file?: string;
  readonly line?: number;
  readonly path?: string;
  readonly value?: unknown;
}

/** Stable error codes with their HTTP status and CLI exit code. */
export const errorCatalogue = {
  /** Input that fails validation (wrong type, out of range, malformed date, unknown key). */
  SAMV_ERR_INVALID_INPUT: { httpStatus: 400, exitCode: 2 },
  /** Money that is not a safe integer number of öre. */
  SAMV_ERR_NOT_INTEGER_ORE: { httpStatus: 400, exitCode: 2 },
  /** An index series has no value for a year a calculation needs (never treated as zero). */
  SAMV_ERR_MISSING_INDEX: { httpStatus: 422, exitCode: 2 },
  /** A municipality name or code that is not one of the agreement's eight. */
  SAMV_ERR_UNKNOWN_MUNICIPALITY: { httpStatus: 400, exitCode: 2 },
  /** Input that contains something that looks like a Swedish personal identity number. */
  SAMV_ERR_PERSONNUMMER: { httpStatus: 422, exitCode: 2 },
  /** A file (CSV, YAML, Excel) whose structure is wrong: columns, encoding, syntax. */
  SAMV_ERR_FILE_FORMAT: { httpStatus: 400, exitCode: 2 },
  /** Agreement data files that do not satisfy their schema. */
  SAMV_ERR_AGREEMENT_DATA: { httpStatus: 500, exitCode: 2 },
  /** Two rules that can match the same situation without a declared priority. */
  SAMV_ERR_RULE_CONFLICT: { httpStatus: 500, exitCode: 2 },
  /** A parameter has no value valid on the requested date. */
  SAMV_ERR_MISSING_PARAMETER: { httpStatus: 422, exitCode: 2 },
  /** A file that could not be read. */
  SAMV_ERR_FILE_NOT_FOUND: { httpStatus: 404, exitCode: 2 },
  /** A requested record does not exist (or is not visible to the caller). */
  SAMV_ERR_NOT_FOUND: { httpStatus: 404, exitCode: 2 },
  /** Not signed in. */
  SAMV_ERR_UNAUTHENTICATED: { httpStatus: 401, exitCode: 2 },
  /** Signed in but not allowed. */
  SAMV_ERR_FORBIDDEN: { httpStatus: 403, exitCode: 2 },
  /** A state transition that is not allowed (e.g. editing an approved invoice basis). */
  SAMV_ERR_CONFLICT: { httpStatus: 409, exitCode: 2 },
  /** A billing run with nothing to bill in its scope (no records yet, or none where the municipality is a party). */
  SAMV_ERR_NOTHING_TO_BILL: { httpStatus: 422, exitCode: 2 },
  /** An action on provisional data (example or forecast values) that was not confirmed by naming them. */
  SAMV_ERR_CONFIRMATION_REQUIRED: { httpStatus: 409, exitCode: 2 },
  /** Too many attempts (sign-in rate limit). */
  SAMV_ERR_RATE_LIMITED: { httpStatus: 429, exitCode: 2 },
  /** An import file with one or more bad rows; nothing was written. */
  SAMV_ERR_IMPORT_REJECTED: { httpStatus: 422, exitCode: 2 },
  /** A request body or upload larger than the stated maximum (the message names the limit). */
  SAMV_ERR_TOO_LARGE: { httpStatus: 413, exitCode: 2 },
  /** An import file beyond one of the stated file limits (inflated size, rows, cells, cell length); nothing was written. */
  SAMV_ERR_FILE_LIMIT: { httpStatus: 422, exitCode: 2 },
  /** The disk or database is full (SQLITE_FULL, PostgreSQL 53100, ENOSPC): nothing was written; free space and retry. */
  SAMV_ERR_STORAGE_FULL: { httpStatus: 503, exitCode: 1 },
  /** The database accepts no writes (read-only file or mount, PostgreSQL in read-only mode): nothing was written. */
  SAMV_ERR_READ_ONLY: { httpStatus: 503, exitCode: 1 },
  /** A bug or an unavailable dependency; the message is generic, details go to the log. */
  SAMV_ERR_INTERNAL: { httpStatus: 500, exitCode: 1 },
  /** A feature that needs configuration the installation does not have (e.g. OIDC sign-in). */
  SAMV_ERR_NOT_CONFIGURED: { httpStatus: 501, exitCode: 2 },
  /** The audit trail's hash chain is broken: a row was edited, deleted or reordered (`audit verify` exits 3). */
  SAMV_ERR_AUDIT_BROKEN: { httpStatus: 409, exitCode: 3 },
} as const satisfies Record<string, { httpStatus: number; exitCode: number }>;

/** A stable error code from the catalogue. */
export type ErrorCode = keyof typeof errorCatalogue;

/** A domain error: stable code, Swedish message, location of the fault. */
export class SamverkanError extends Error {
  override readonly name = 'SamverkanError';
  readonly code: ErrorCode;
  readonly location: ErrorLocation;
  /** Further structured detail, e.g. every bad row of an import. */
  readonly details: readonly unknown[];

  constructor(code: ErrorCode, message: string, location: ErrorLocation = {}, details: readonly unknown[] = []) {
    super(message);
    this.code = code;
    this.location = location;
    this.details = details;
  }

  /** HTTP status for this error (the one mapping). */
  get httpStatus(): number {
    return errorCatalogue[this.code].httpStatus;
  }

  /** CLI exit code for this error (the one mapping). */
  get exitCode(): number {
    return errorCatalogue[this.code].exitCode;
  }

  /** A JSON-safe view for API responses and `--json` error output. */
  toJSON(): { code: ErrorCode; message: string; location: ErrorLocation; details: readonly unknown[] } {
    return { code: this.code, message: this.message, location: this.location, details: this.details };
  }
}

/** True when `e` is a domain error. */
export function isSamverkanError(e: unknown): e is SamverkanError {
  return e instanceof SamverkanError;
}

/** Shorthand for the most common error: invalid input naming its field. */
export function invalidInput(field: string, message: string, value?: unknown): SamverkanError {
  return new SamverkanError('SAMV_ERR_INVALID_INPUT', message, value === undefined ? { field } : { field, value });
}
