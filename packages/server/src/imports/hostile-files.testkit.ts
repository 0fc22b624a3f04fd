/**
 * Test support: hostile import files, generated (never committed). Workbooks are zips written
 * here byte by byte so a part's declared size can be honest or a lie, and a part can inflate to
 * gigabytes from a few megabytes: deflate blocks of one repeated mebibyte, each compressed on its
 * own (full flush), are simply repeated — generating a 3.5 GB bomb costs a millisecond.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One zip entry: its raw deflate data and what the directory says about it. */
export interface ZipPart {
  readonly name: string;
  readonly deflated: Buffer;
  /** Inflated size as the headers declare it (may lie). */
  readonly declaredSize: number;
  readonly crc: number;
}

const FLUSH = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
const MiB = 1024 * 1024;

/** A part holding `text`, honestly declared. */
export function textPart(name: string, text: string): ZipPart {
  const bytes = Buffer.from(text, 'utf8');
  return { name, deflated: deflateRawSync(bytes), declaredSize: bytes.length, crc: crc32(bytes) };
}

/**
 * A part of `prefix`, then `unit` repeated to fill `mebibytes` MiB (rounded down to whole units per
 * MiB), then `suffix`; declared as `declaredSize` (default: the true size). CRC is not checked by
 * the reader, so it is left 0 for large parts.
 */
export function repeatedPart(
  name: string,
  prefix: string,
  unit: string,
  mebibytes: number,
  suffix: string,
  declaredSize?: number,
): ZipPart {
  const perBlock = Math.floor(MiB / Buffer.byteLength(unit));
  const block = Buffer.from(unit.repeat(perBlock));
  const head = deflateRawSync(Buffer.from(prefix), FLUSH);
  const body = deflateRawSync(block, FLUSH);
  const tail = deflateRawSync(Buffer.from(suffix));
  const size = Buffer.byteLength(prefix) + block.length * mebibytes + Buffer.byteLength(suffix);
  const deflated = Buffer.concat([head, ...(Array.from({ length: mebibytes }, () => body) as Buffer[]), tail]);
  return { name, deflated, declaredSize: declaredSize ?? size, crc: 0 };
}

/** The zip file of `parts` (deflate, no data descriptors, one disk). */
export function zipOf(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(p.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, p.deflated);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(p.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + p.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every workbook has besides its sheet and shared strings. */
export function workbookFrame(withSharedStrings: boolean): ZipPart[] {
  return [
    textPart(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    textPart(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    textPart(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} xmlns:r="${RELS}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    textPart(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/>${withSharedStrings ? `<Relationship Id="rId2" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    ),
  ];
}

/** A sheet part of `rows`, each cell an inline string. */
export function sheetPart(rows: readonly (readonly string[])[]): ZipPart {
  const xml = rows
    .map(
      (cells, r) =>
        `<row r="${String(r + 1)}">${cells.map((c) => `<c t="inlineStr"><is><t>${c.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`).join('')}</row>`,
    )
    .join('');
  return textPart(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${xml}</sheetData></worksheet>`,
  );
}

/** A workbook whose shared-strings part inflates to `mebibytes` MiB of short strings (declared as `declaredSize`, default honest). */
export function sharedStringsBomb(mebibytes: number, declaredSize?: number): Buffer {
  const strings = repeatedPart(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>`,
    '<si><t>aaaaaaaaaaaaaaaaaaaaaa</t></si>',
    mebibytes,
    '</sst>',
    declaredSize,
  );
  const sheet = textPart(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
  );
  return zipOf([...workbookFrame(true), sheet, strings]);
}

/** A small workbook whose first sheet holds one cell of `mebibytes` MiB (an inline string). */
export function hugeCellWorkbook(mebibytes: number): Buffer {
  const sheet = repeatedPart(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`,
    'A',
    mebibytes,
    '</t></is></c></row></sheetData></worksheet>',
  );
  return zipOf([...workbookFrame(false), sheet]);
}
