/**
 * An uploaded file is written to a temporary file while it arrives (and scanned on the way), so it
 * can be read twice — pass 1 validates, pass 2 writes — without ever being held in memory, and so
 * a slow upload never holds a database transaction open.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SamverkanError } from '@samverkan/core';
import { FileScanner, type ScannedFile } from './file-scan.js';

/** Largest accepted upload (a million-row CSV is well below this). */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024 * 1024;

/** A spooled upload; `remove()` deletes the temporary file. */
export interface SpooledFile extends ScannedFile {
  remove(): Promise<void>;
}

/** Write `body` to a temporary file, scanning it; refuses more than `maxBytes`. */
export async function spoolUpload(body: Readable, maxBytes = MAX_IMPORT_BYTES): Promise<SpooledFile> {
  const dir = await mkdtemp(join(tmpdir(), 'samverkan-import-'));
  const path = join(dir, 'upload');
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  const scanner = new FileScanner();
  const tap = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      scanner.update(chunk);
      if (scanner.bytes > maxBytes) {
        cb(new SamverkanError('SAMV_ERR_INVALID_INPUT', `Filen är större än ${String(Math.round(maxBytes / 1024 / 1024))} MB; dela upp den.`, { field: 'body' }));
        return;
      }
      cb(null, chunk);
    },
  });
  try {
    await pipeline(body, tap, createWriteStream(path));
  } catch (e) {
    await remove();
    throw e;
  }
  return { ...scanner.result(path), remove };
}
