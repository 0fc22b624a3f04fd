/**
 * An uploaded file is written to a spool file while it arrives (and scanned on the way), so it can
 * be read twice — pass 1 validates, pass 2 writes — without ever being held in memory, and so a
 * slow upload never holds a database transaction open.
 *
 * The spool is owned by the process (decision 0110): uploads live in `<root>/p<pid>-<random>/`;
 * a spool file is removed on every exit path (too large, the old .xls signature, a client that
 * aborts, any error, and after the import), the folder when the server closes, and at start every
 * folder whose process is no longer alive — a killed server — is swept. A live process's folder
 * is left alone, so two servers (or a CLI beside a server) never remove each other's uploads.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileScanner, type ScannedFile } from './file-scan.js';
import { uploadTooLarge } from './file-limits.js';

/** A spooled upload; `remove()` deletes the spool file. */
export interface SpooledFile extends ScannedFile {
  remove(): Promise<void>;
}

const OWNED = /^p(\d+)-[0-9a-f]+$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove the folders under `root` of processes that are no longer alive; returns their names. */
export async function sweepSpool(root: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return [];
  }
  const swept: string[] = [];
  for (const name of names) {
    const m = OWNED.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === process.pid || alive(pid)) continue;
    await rm(join(root, name), { recursive: true, force: true });
    swept.push(name);
  }
  return swept;
}

/** This process's spool folder. */
export class UploadSpool {
  private constructor(readonly dir: string) {}

  /** Sweep stale folders under `root` and create this process's folder. */
  static async open(root: string): Promise<{ spool: UploadSpool; swept: string[] }> {
    await mkdir(root, { recursive: true, mode: 0o700 });
    const swept = await sweepSpool(root);
    const dir = join(root, `p${String(process.pid)}-${randomBytes(6).toString('hex')}`);
    await mkdir(dir, { mode: 0o700 });
    return { spool: new UploadSpool(dir), swept };
  }

  /** Write `body` to a spool file, scanning it; refuses more than `maxBytes` (413) and the .xls signature at once. */
  async receive(body: Readable, maxBytes: number): Promise<SpooledFile> {
    const path = join(this.dir, `upload-${randomUUID()}`);
    const remove = (): Promise<void> => rm(path, { force: true });
    const scanner = new FileScanner();
    const tap = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        scanner.update(chunk);
        if (scanner.bytes > maxBytes) {
          cb(uploadTooLarge(maxBytes));
          return;
        }
        try {
          scanner.checkHead();
        } catch (e) {
          cb(e as Error);
          return;
        }
        cb(null, chunk);
      },
    });
    try {
      await pipeline(body, tap, createWriteStream(path, { mode: 0o600 }));
      return { ...scanner.result(path), remove };
    } catch (e) {
      await remove();
      throw e;
    }
  }

  /** Remove this process's folder (the server is closing). */
  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
