/**
 * Population per municipality (I10 default key for joint development funds): `municipality,
 * population[,source]`. Municipality by name, code, or "code name" as in Statistics Sweden's
 * exports ("2380 Östersund"). A source containing "exempel" marks the file as an example.
 */
import { findMunicipality, type Municipality, type PopulationKey } from '@samverkan/core';
import { countCell, optionalCell, requiredCell } from './cell.js';
import { parseCsv } from './csv.js';

/** Read a population file into a population key. */
export function readPopulationCsv(bytes: Uint8Array, file: string, municipalities: readonly Municipality[]): PopulationKey {
  const rows = parseCsv(bytes, file, ['municipality', 'population'], ['source']);
  const counts = rows.map((r) => {
    const m = findMunicipality(municipalities, requiredCell(r, 'municipality', file), { file, line: r.line, field: 'municipality' });
    return { municipality: m.code, population: countCell(r, 'population', file), file, line: r.line };
  });
  const example = rows.some((r) => /exempel/i.test(optionalCell(r, 'source') ?? ''));
  return { counts, example, source: file };
}
