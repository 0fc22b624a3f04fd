/**
 * Passwords are hashed with argon2id (the @node-rs/argon2 default algorithm, OWASP's first
 * choice) at its default cost (19 MiB, 2 passes); the PHC string keeps salt and parameters.
 */
import { hash, verify } from '@node-rs/argon2';
import { invalidInput } from '@samverkan/core';

/** Shortest accepted password. */
export const MIN_PASSWORD_LENGTH = 12;

/** Refuse passwords too short to be safe (Swedish message naming the field). */
export function checkPasswordStrength(password: string, field = 'password'): void {
  // Count what a person sees as characters (å typed as a + ring counts once).
  if ([...new Intl.Segmenter('sv').segment(password)].length < MIN_PASSWORD_LENGTH) {
    throw invalidInput(field, `${field}: lösenordet måste vara minst ${MIN_PASSWORD_LENGTH} tecken långt.`);
  }
}

/** argon2id hash of `password` as a PHC string (`$argon2id$v=19$…`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** True when `password` matches the stored hash; a malformed hash counts as no match. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
