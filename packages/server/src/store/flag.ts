/**
 * Booleans are written as 0/1 and come back as 0/1 (SQLite) or true/false (PostgreSQL); these two
 * helpers are the only place that knows.
 */

/** Read a flag column as a boolean. */
export function flag(value: boolean | number): boolean {
  return value === true || value === 1;
}

/** Write a boolean to a flag column. */
export function toFlag(value: boolean): 0 | 1 {
  return value ? 1 : 0;
}
