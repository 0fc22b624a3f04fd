/**
 * What a workbook's rows need before the first sheet is read: where that sheet is (the first one
 * of `<sheets>`, through the workbook's relationships), its date system, which cell styles are
 * dates (built-in date formats and custom codes with y/m/d/h/s outside quotes and brackets, as
 * exceljs decided), and the shared strings — counted and measured while read, refused at the
 * stated limits, since all of them are held while the sheet is read.
 */
import { SamverkanError } from '@samverkan/core';
import { fileLimitBroken, formatCount, type FileLimits } from './file-limits.js';
import type { WorkbookZip, XmlEvent } from './xlsx-zip.js';

/** The parts of a workbook the rows are read with. */
export interface WorkbookParts {
  readonly sheetPath: string;
  readonly date1904: boolean;
  /** Per cell style (`s`), whether its number format is a date or time. */
  readonly dateStyles: readonly boolean[];
  readonly sharedStrings: readonly string[];
}

/** Metadata parts (relationships, workbook, styles) are small; more than this is not a workbook we read. */
const MAX_METADATA_BYTES = 16 * 1024 * 1024;

/** Built-in number formats that are dates or times (ECMA-376 18.8.30 and the East Asian ids). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** True when an Excel format code shows a date or time. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** `_x000D_` and friends: OOXML's escape for characters XML cannot carry. */
export function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

async function each(zip: WorkbookZip, name: string, what: string, maxBytes: number, on: (e: XmlEvent) => void): Promise<void> {
  for await (const batch of zip.events(name, maxBytes, what)) for (const e of batch) on(e);
}

function resolveTarget(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `${base}${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i + 1);
}

/** Relationships of a part: id → target path, and type suffix → target path. */
async function relationships(
  zip: WorkbookZip,
  relsPath: string,
  base: string,
): Promise<{ byId: Map<string, string>; byType: Map<string, string> }> {
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  await each(zip, relsPath, 'relationerna', MAX_METADATA_BYTES, (e) => {
    if (e.type !== 'open' || e.name !== 'Relationship' || e.attrs['TargetMode'] === 'External') return;
    const id = e.attrs['Id'];
    const target = e.attrs['Target'];
    if (id === undefined || target === undefined) return;
    const path = resolveTarget(base, target);
    byId.set(id, path);
    const type = (e.attrs['Type'] ?? '').split('/').pop() ?? '';
    if (!byType.has(type)) byType.set(type, path);
  });
  return { byId, byType };
}

async function dateStyles(zip: WorkbookZip, path: string): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  await each(zip, path, 'formatmallarna', MAX_METADATA_BYTES, (e) => {
    if (e.type === 'open' && e.name === 'numFmt') custom.set(Number(e.attrs['numFmtId']), e.attrs['formatCode'] ?? '');
    else if (e.type === 'open' && e.name === 'cellXfs') inCellXfs = true;
    else if (e.type === 'close' && e.name === 'cellXfs') inCellXfs = false;
    else if (e.type === 'open' && e.name === 'xf' && inCellXfs) {
      const id = Number(e.attrs['numFmtId'] ?? '0');
      const code = custom.get(id);
      styles.push(code === undefined ? BUILTIN_DATE_FORMATS.has(id) : isDateFormat(code));
    }
  });
  return styles;
}

async function sharedStrings(zip: WorkbookZip, path: string, limits: FileLimits): Promise<string[]> {
  const strings: string[] = [];
  let current: string[] | undefined;
  let length = 0;
  let inT = false;
  let phonetic = 0;
  await each(zip, path, 'de delade texterna', limits.maxSharedStringsBytes, (e) => {
    if (e.type === 'open') {
      if (e.name === 'si') {
        if (strings.length >= limits.maxSharedStrings) {
          throw fileLimitBroken(
            'Excelfilen',
            `filen har fler än ${formatCount(limits.maxSharedStrings)} delade texter`,
            `${formatCount(limits.maxSharedStrings)} delade texter`,
          );
        }
        current = [];
        length = 0;
      } else if (e.name === 'rPh') phonetic += 1;
      else if (e.name === 't' && phonetic === 0) inT = true;
    } else if (e.type === 'close') {
      if (e.name === 't') inT = false;
      else if (e.name === 'rPh') phonetic -= 1;
      else if (e.name === 'si' && current !== undefined) {
        strings.push(unescapeOoxml(current.join('')));
        current = undefined;
      }
    } else if (inT && current !== undefined) {
      length += e.text.length;
      if (length > limits.maxCellChars)
        throw fileLimitBroken(
          'Excelfilen',
          `en text har fler än ${formatCount(limits.maxCellChars)} tecken`,
          `${formatCount(limits.maxCellChars)} tecken per cell`,
        );
      current.push(e.text);
    }
  });
  return strings;
}

/** Read what the first sheet's rows need (see the file comment). */
export async function readWorkbookParts(zip: WorkbookZip, limits: FileLimits): Promise<WorkbookParts> {
  const root = await relationships(zip, '_rels/.rels', '');
  const workbookPath = root.byType.get('officeDocument') ?? 'xl/workbook.xml';
  if (!zip.has(workbookPath)) {
    throw new SamverkanError(
      'SAMV_ERR_FILE_FORMAT',
      'Filen är ingen Excel-arbetsbok (xl/workbook.xml saknas). Spara den som .xlsx eller som CSV och försök igen.',
      { field: 'fil' },
    );
  }
  const base = folderOf(workbookPath);
  const rels = await relationships(zip, `${base}_rels/${workbookPath.slice(base.length)}.rels`, base);
  let firstSheetId: string | undefined;
  let date1904 = false;
  await each(zip, workbookPath, 'arbetsboken', MAX_METADATA_BYTES, (e) => {
    if (e.type !== 'open') return;
    if (e.name === 'workbookPr') date1904 = e.attrs['date1904'] === '1' || e.attrs['date1904'] === 'true';
    if (e.name === 'sheet' && firstSheetId === undefined) firstSheetId = e.attrs['id'];
  });
  const sheetPath = (firstSheetId === undefined ? undefined : rels.byId.get(firstSheetId)) ?? `${base}worksheets/sheet1.xml`;
  if (!zip.has(sheetPath)) {
    throw new SamverkanError(
      'SAMV_ERR_FILE_FORMAT',
      'Excelfilen har inget kalkylblad att läsa. Spara den som .xlsx eller som CSV och försök igen.',
      { field: 'fil' },
    );
  }
  const stylesPath = rels.byType.get('styles');
  const stringsPath = rels.byType.get('sharedStrings');
  return {
    sheetPath,
    date1904,
    dateStyles: stylesPath === undefined ? [] : await dateStyles(zip, stylesPath),
    sharedStrings: stringsPath === undefined ? [] : await sharedStrings(zip, stringsPath, limits),
  };
}
