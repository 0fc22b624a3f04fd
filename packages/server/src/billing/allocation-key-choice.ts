/**
 * Which stored allocation key a yearly run uses: the one named in the run's options, or — when
 * none is named — the only key valid on 1 January of the year. Several candidates is an error
 * naming them, never a silent pick.
 */
import type { Kysely } from 'kysely';
import { invalidInput, SamverkanError } from '@samverkan/core';
import type { Database } from '../store/schema.js';
import { allocationKeyOn, listAllocationKeys, type AllocationKeyView } from '../reference/allocation-keys.js';

/** The key for `year`. */
export async function allocationKeyForYear(db: Kysely<Database>, year: number, name: string | undefined): Promise<AllocationKeyView> {
  const on = `${String(year)}-01-01`;
  if (name !== undefined) {
    const key = await allocationKeyOn(db, name, on);
    if (!key)
      throw new SamverkanError(
        'SAMV_ERR_NOT_FOUND',
        `allocationKey: fördelningsnyckeln "${name}" gäller inte ${on} (se GET /api/v1/allocation-keys).`,
        { field: 'allocationKey', value: name },
      );
    return key;
  }
  const names = [
    ...new Set(
      (await listAllocationKeys(db)).filter((k) => k.validFrom <= on && (k.validTo === null || k.validTo >= on)).map((k) => k.name),
    ),
  ];
  const only = names.length === 1 ? names[0] : undefined;
  if (only === undefined) {
    if (names.length === 0)
      throw new SamverkanError(
        'SAMV_ERR_NOT_FOUND',
        `Ingen fördelningsnyckel gäller ${on}; lägg in en (POST /api/v1/allocation-keys eller import allocation-keys).`,
        { field: 'allocationKey' },
      );
    throw invalidInput(
      'allocationKey',
      `allocationKey: flera fördelningsnycklar gäller ${on} (${names.join(', ')}); ange vilken körningen ska använda.`,
      names,
    );
  }
  const key = await allocationKeyOn(db, only, on);
  if (!key) throw new Error(`key ${only} vanished`);
  return key;
}

/** How the trace and the inputs name a stored key. */
export function keyNote(k: AllocationKeyView): string {
  return `Fördelningsnyckel ${k.name} version ${String(k.version)} (gäller från ${k.validFrom})${k.example ? ', EXEMPEL' : ''}`;
}
