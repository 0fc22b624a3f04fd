/**
 * `pg` returns BIGINT (int8) as a string because it can exceed 2^53. Money is BIGINT öre, so the
 * parser is registered once, process-wide, to return numbers through the `ore()` guard: a value
 * that is not a safe integer is an error, never a silently rounded float.
 */
import pg from 'pg';
import { ore } from '@samverkan/core';

let registered = false;

/** Parse an int8 column value as a checked safe integer. */
export function parseBigint(text: string): number {
  return ore(BigInt(text), 'databasvärde');
}

/** Register the int8 parser (idempotent). */
export function registerBigintParser(): void {
  if (registered) return;
  pg.types.setTypeParser(pg.types.builtins.INT8, parseBigint);
  registered = true;
}
