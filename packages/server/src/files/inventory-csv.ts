/**
 * Device inventory CSV (MT Bilaga 1): `municipality,devices` — one row per municipality, named by
 * name or Statistics Sweden code (case-insensitive, Swedish letters; "2380 Östersund" also works).
 * An unknown municipality is an error naming the file and line.
 */
import { findMunicipality, type DeviceCount, type Municipality } from '@samverkan/core';
import { countCell, requiredCell } from './cell.js';
import { parseCsv } from './csv.js';

/** Read an inventory file into device counts (with file and line for later errors). */
export function readInventoryCsv(bytes: Uint8Array, file: string, municipalities: readonly Municipality[]): DeviceCount[] {
  return parseCsv(bytes, file, ['municipality', 'devices']).map((r) => {
    const m = findMunicipality(municipalities, requiredCell(r, 'municipality', file), { file, line: r.line, field: 'municipality' });
    return { municipality: m.code, devices: countCell(r, 'devices', file), file, line: r.line };
  });
}
