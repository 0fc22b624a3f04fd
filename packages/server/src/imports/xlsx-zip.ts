/**
 * The zip side of reading a workbook, bounded (decision 0110): yauzl reads the central directory
 * of the spooled file, so parts can be read in the order we need (shared strings before the
 * sheet) and their declared sizes checked before anything is inflated; while a part is inflated
 * its actual bytes are counted against the part's and the workbook's budget (declared sizes can
 * lie; yauzl also refuses a part whose inflated size differs from the declared one), and each
 * XML part is tokenised by saxes behind a byte guard: no text or tag longer than `maxTokenBytes`,
 * no `<!` (DOCTYPE, entities, CDATA, comments: Excel writes none) and no nesting deeper than 64,
 * so the parser never accumulates anything large.
 */
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { SamverkanError } from '@samverkan/core';
import { fileLimitBroken, formatBytes, formatCount, type FileLimits } from './file-limits.js';

/** More parts than any workbook meant for an import has (each costs memory before any check). */
const MAX_ENTRIES = 10_000;
const MAX_DEPTH = 64;

/** One XML event, with the element's local name (prefixes such as `x:` dropped). */
export type XmlEvent =
  | { readonly type: 'open'; readonly name: string; readonly attrs: Readonly<Record<string, string>> }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'close'; readonly name: string };

const WHERE = 'Excelfilen';

function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** A workbook opened for reading; `close()` releases the file. */
export class WorkbookZip {
  private inflated = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: ReadonlyMap<string, yauzl.Entry>,
    private readonly limits: FileLimits,
  ) {}

  /** Open `path`, reading the central directory and checking declared sizes. */
  static async open(path: string, limits: FileLimits): Promise<WorkbookZip> {
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(path, { autoClose: false, validateEntrySizes: true, strictFileNames: false });
    } catch (e) {
      throw unreadable(e);
    }
    try {
      const entries = new Map<string, yauzl.Entry>();
      let declared = 0;
      let count = 0;
      for await (const entry of zip.eachEntry()) {
        count += 1;
        if (count > MAX_ENTRIES)
          throw fileLimitBroken(WHERE, `filen har fler än ${formatCount(MAX_ENTRIES)} delar`, `${formatCount(MAX_ENTRIES)} delar`);
        declared += entry.uncompressedSize;
        if (declared > limits.maxUncompressedBytes) {
          throw fileLimitBroken(
            WHERE,
            `filens delar är uppackade större än ${formatBytes(limits.maxUncompressedBytes)}`,
            `${formatBytes(limits.maxUncompressedBytes)} uppackat`,
          );
        }
        if (!entry.fileName.endsWith('/')) entries.set(entry.fileName, entry);
      }
      return new WorkbookZip(zip, entries, limits);
    } catch (e) {
      zip.close();
      throw e instanceof SamverkanError ? e : unreadable(e);
    }
  }

  /** True when the workbook has a part named `name`. */
  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Release the file. */
  close(): void {
    this.zip.close();
  }

  /**
   * The XML events of part `name`, in batches (one per inflated chunk). `maxPartBytes` bounds this
   * part's inflated size (`what` names the part in the message); the workbook's total always applies.
   */
  async *events(name: string, maxPartBytes = Infinity, what = 'en del av filen'): AsyncGenerator<readonly XmlEvent[]> {
    const entry = this.entries.get(name);
    if (entry === undefined) return;
    const partLimit = (): SamverkanError =>
      fileLimitBroken(WHERE, `${what} är uppackad större än ${formatBytes(maxPartBytes)}`, `${formatBytes(maxPartBytes)} uppackat`);
    const totalLimit = (): SamverkanError =>
      fileLimitBroken(
        WHERE,
        `filens delar är uppackade större än ${formatBytes(this.limits.maxUncompressedBytes)}`,
        `${formatBytes(this.limits.maxUncompressedBytes)} uppackat`,
      );
    if (entry.uncompressedSize > maxPartBytes) throw partLimit();
    if (entry.isEncrypted() || !entry.canDecodeFileData()) {
      throw new SamverkanError(
        'SAMV_ERR_FILE_FORMAT',
        'Excelfilen är krypterad eller packad på ett sätt som inte kan läsas. Spara den som .xlsx utan lösenord eller som CSV och försök igen.',
        { field: 'fil' },
      );
    }
    const maxToken = Math.max(1024 * 1024, 10 * this.limits.maxCellChars);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const parser = new SaxesParser({ position: false });
    let batch: XmlEvent[] = [];
    let depth = 0;
    parser.on('opentag', (tag) => {
      depth += 1;
      if (depth > MAX_DEPTH)
        throw fileLimitBroken(WHERE, `${what} har element nästlade djupare än ${String(MAX_DEPTH)} nivåer`, `${String(MAX_DEPTH)} nivåer`);
      const attrs: Record<string, string> = {};
      // Without xmlns processing saxes gives attribute values as plain strings.
      for (const [k, v] of Object.entries(tag.attributes as Record<string, string>)) attrs[localName(k)] = v;
      batch.push({ type: 'open', name: localName(tag.name), attrs });
    });
    parser.on('closetag', (tag) => {
      depth -= 1;
      batch.push({ type: 'close', name: localName(tag.name) });
    });
    parser.on('text', (text) => {
      batch.push({ type: 'text', text });
    });
    let sinceLt = 0;
    let afterLt = false;
    let partBytes = 0;
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (e) {
      throw unreadable(e);
    }
    try {
      for await (const raw of stream) {
        const chunk = raw as Buffer;
        partBytes += chunk.length;
        this.inflated += chunk.length;
        if (partBytes > maxPartBytes) throw partLimit();
        if (this.inflated > this.limits.maxUncompressedBytes) throw totalLimit();
        // The byte guard: every token lies between two '<' (text and attribute values cannot hold a raw '<').
        if (afterLt && chunk[0] === 0x21) throw markupRefused(what);
        afterLt = false;
        let pos = 0;
        for (;;) {
          const lt = chunk.indexOf(0x3c, pos);
          sinceLt += (lt < 0 ? chunk.length : lt) - pos;
          if (sinceLt > maxToken)
            throw fileLimitBroken(
              WHERE,
              `${what} har en text eller ett element längre än ${formatBytes(maxToken)}`,
              `${formatBytes(maxToken)} per värde`,
            );
          if (lt < 0) break;
          if (lt + 1 === chunk.length) afterLt = true;
          else if (chunk[lt + 1] === 0x21) throw markupRefused(what);
          sinceLt = 0;
          pos = lt + 1;
        }
        parser.write(decoder.decode(chunk, { stream: true }));
        if (batch.length > 0) {
          const out = batch;
          batch = [];
          yield out;
        }
      }
      parser.write(decoder.decode());
      parser.close();
      if (batch.length > 0) yield batch;
    } catch (e) {
      if (e instanceof SamverkanError) throw e;
      throw unreadable(e);
    } finally {
      stream.destroy();
    }
  }
}

function markupRefused(what: string): SamverkanError {
  return new SamverkanError(
    'SAMV_ERR_FILE_FORMAT',
    `Excelfilen: ${what} innehåller XML-konstruktioner (<!…) som Excel inte skriver; filen läses inte. Spara den på nytt i Excel eller som CSV.`,
    { field: 'fil' },
  );
}

function unreadable(e: unknown): SamverkanError {
  // yauzl's validateEntrySizes: a part inflating to more (or less) than its header says.
  if (e instanceof Error && /too (many|few) bytes in the stream/.test(e.message)) {
    return new SamverkanError(
      'SAMV_ERR_FILE_FORMAT',
      'Excelfilen är skadad: en del packas upp till en annan storlek än filen anger; inget har sparats. Spara den på nytt i Excel eller som CSV och försök igen.',
      { field: 'fil' },
    );
  }
  return new SamverkanError(
    'SAMV_ERR_FILE_FORMAT',
    `Excelfilen kunde inte läsas (${e instanceof Error ? e.message : String(e)}). Spara den som .xlsx eller som CSV och försök igen.`,
    { field: 'fil' },
  );
}
