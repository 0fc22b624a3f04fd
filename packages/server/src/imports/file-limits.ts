/**
 * The stated limits of an import file (decision 0110), checked while the file is read so that no
 * file can make the service hold more than a bounded amount: the upload itself, the inflated size
 * of a workbook, its shared strings, cells per row, rows, and the length of one cell or CSV row.
 * Breaking one refuses the whole file (nothing is stored) with a Swedish message naming the limit.
 */
import { SamverkanError } from '@samverkan/core';

/** Limits of one import file. */
export interface FileLimits {
  /** Bytes of the upload as sent (CSV or .xlsx). */
  readonly maxUploadBytes: number;
  /** Inflated bytes of all parts of a workbook (declared and actually inflated). */
  readonly maxUncompressedBytes: number;
  /** Strings in a workbook's shared-strings part. */
  readonly maxSharedStrings: number;
  /** Inflated bytes of a workbook's shared-strings part (all of it is held while the sheet is read). */
  readonly maxSharedStringsBytes: number;
  /** Cells in one row (for Excel also the highest column). */
  readonly maxCellsPerRow: number;
  /** Data rows in a file. */
  readonly maxRows: number;
  /** Characters in one cell (Excel's own maximum is 32 767). */
  readonly maxCellChars: number;
  /** Bytes of one CSV row (a record; quoted line breaks included). */
  readonly maxRowBytes: number;
}

const MiB = 1024 * 1024;

/** The limits used unless configured otherwise. */
export const DEFAULT_FILE_LIMITS: FileLimits = {
  maxUploadBytes: 200 * MiB,
  maxUncompressedBytes: 1024 * MiB,
  maxSharedStrings: 2_000_000,
  maxSharedStringsBytes: 100 * MiB,
  maxCellsPerRow: 1000,
  maxRows: 2_000_000,
  maxCellChars: 32_767,
  maxRowBytes: MiB,
};

/** `limits` with anything not given taken from the defaults. */
export function fileLimits(limits: Partial<FileLimits> = {}): FileLimits {
  return { ...DEFAULT_FILE_LIMITS, ...limits };
}

const nf = new Intl.NumberFormat('sv-SE');

/** A byte count as a person reads it: "200 MB", "1 GB", "512 kB", "900 byte". */
export function formatBytes(n: number): string {
  if (n >= 1024 * MiB && n % (1024 * MiB) === 0) return `${nf.format(n / (1024 * MiB))} GB`;
  if (n >= MiB && n % MiB === 0) return `${nf.format(n / MiB)} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${nf.format(n / 1024)} kB`;
  return `${nf.format(n)} byte`;
}

/** The count as written in Swedish ("2 000 000"). */
export function formatCount(n: number): string {
  return nf.format(n);
}

/** The upload is larger than `maxUploadBytes` (413). */
export function uploadTooLarge(maxBytes: number): SamverkanError {
  return new SamverkanError(
    'SAMV_ERR_TOO_LARGE',
    `Filen är större än den största tillåtna storleken för en import (${formatBytes(maxBytes)}); inget har sparats. Dela upp filen och importera delarna var för sig.`,
    {
      field: 'fil',
      value: maxBytes,
    },
  );
}

/** A file limit was broken at `where` (e.g. "Excelfilen", "CSV-filen rad 12"); nothing is stored (422). */
export function fileLimitBroken(where: string, what: string, limit: string, line?: number): SamverkanError {
  return new SamverkanError(
    'SAMV_ERR_FILE_LIMIT',
    `${where}: ${what} (gränsen är ${limit}); inget har sparats. Dela upp filen eller rätta raden och importera den igen.`,
    line === undefined ? { field: 'fil' } : { field: 'fil', line },
  );
}
