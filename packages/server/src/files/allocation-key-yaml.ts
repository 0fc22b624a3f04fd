/**
 * Allocation-key files (YAML; format in core `economy/allocation-key-file.ts` and the README):
 * decoded like every input (UTF-8, BOM, Windows-1252), refused if any line holds a personnummer,
 * then validated strictly by the core parser.
 */
import { parseAllocationKey, refusePersonnummer, type AllocationKey, type Municipality } from '@samverkan/core';
import { decodeText } from './decode.js';

/** Read and validate an allocation key file. */
export function readAllocationKeyFile(bytes: Uint8Array, file: string, municipalities: readonly Municipality[]): AllocationKey {
  const { text } = decodeText(bytes);
  text.split(/\r?\n/).forEach((line, i) => {
    refusePersonnummer(line, { file, line: i + 1 });
  });
  return parseAllocationKey(text, file, municipalities);
}
