/**
 * The first look at an import file, in one streaming read: its size, SHA-256 (whole-file
 * idempotency and the audit), whether it is an Excel workbook (a zip: `PK\x03\x04`) or text, and
 * for text its encoding: a UTF-8 byte-order mark, else valid UTF-8 anywhere in the file, else
 * Windows-1252 (which maps every byte) — the same rule as files/decode.ts, but for files too large
 * to hold in memory. Deciding over the whole file, not the first chunk, matters: a Windows-1252
 * export can be plain ASCII for its first megabytes.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { SamverkanError } from '@samverkan/core';
import type { TextEncodingName } from '../files/decode.js';
import { Utf8Check } from './utf8-check.js';

/** What the scan found. */
export interface ScannedFile {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly format: 'csv' | 'xlsx';
  /** Text encoding (csv only). */
  readonly encoding: TextEncodingName | undefined;
}

/** Feed chunks, then `result()`. Used by the file scan and by the upload spool alike. */
export class FileScanner {
  private readonly hash: Hash = createHash('sha256');
  private readonly utf8 = new Utf8Check();
  private head = Buffer.alloc(0);
  private size = 0;

  /** Take the next chunk. */
  update(chunk: Buffer): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.head.length < 4) this.head = Buffer.concat([this.head, chunk.subarray(0, 4 - this.head.length)]);
    this.utf8.update(chunk);
  }

  /** Refuse at once what the first bytes already show cannot be read (the .xls signature). */
  checkHead(): void {
    const h = this.head;
    if (h.length >= 4 && h[0] === 0xd0 && h[1] === 0xcf && h[2] === 0x11 && h[3] === 0xe0) {
      // The binary Excel 97–2003 format (.xls) is not read; saying so beats parsing bytes as text.
      throw new SamverkanError(
        'SAMV_ERR_FILE_FORMAT',
        'Filen är i det gamla Excelformatet (.xls). Spara den som Excel-arbetsbok (.xlsx) eller som CSV och försök igen.',
        { field: 'fil' },
      );
    }
  }

  /** Bytes seen so far. */
  get bytes(): number {
    return this.size;
  }

  /** The result for the file at `path`. */
  result(path: string): ScannedFile {
    this.checkHead();
    const h = this.head;
    const xlsx = h.length >= 4 && h[0] === 0x50 && h[1] === 0x4b && h[2] === 0x03 && h[3] === 0x04;
    const bom = h.length >= 3 && h[0] === 0xef && h[1] === 0xbb && h[2] === 0xbf;
    const validUtf8 = this.utf8.valid();
    const encoding: TextEncodingName | undefined = xlsx ? undefined : bom && validUtf8 ? 'utf-8-bom' : validUtf8 ? 'utf-8' : 'windows-1252';
    return { path, bytes: this.size, sha256: this.hash.digest('hex'), format: xlsx ? 'xlsx' : 'csv', encoding };
  }
}

/** Scan a file on disk; `onBytes` is told how many bytes were read. */
export async function scanFile(path: string, onBytes?: (n: number) => void): Promise<ScannedFile> {
  const scanner = new FileScanner();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const b = chunk as Buffer;
    scanner.update(b);
    onBytes?.(b.length);
  }
  return scanner.result(path);
}
