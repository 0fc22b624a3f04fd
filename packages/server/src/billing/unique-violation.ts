/** Whether a database error is a unique-constraint violation, on either database. */

/** True for PostgreSQL's 23505 and SQLite's SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY. */
export function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== 'object' || e === null || !('code' in e)) return false;
  const code = e.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** True when the lock triggers of migration 0002 refused a change to an approved basis. */
export function isLockViolation(e: unknown): boolean {
  return e instanceof Error && e.message.includes('SAMV_LOCKED');
}
