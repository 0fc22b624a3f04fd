/**
 * Password sign-in. Unknown user, inactive user and wrong password give the same answer, and an
 * unknown user still costs one hash verification, so neither the message nor the timing tells
 * which user names exist.
 */
import type { Kysely } from 'kysely';
import { SamverkanError } from '@samverkan/core';
import type { Database } from '../store/schema.js';
import { flag } from '../store/flag.js';
import { hashPassword, verifyPassword } from './password.js';
import { isRole } from './roles.js';
import type { LiveSession } from './sessions.js';

let dummyHash: Promise<string> | undefined;

/** The user whose password matches (and whether they must change it), or SAMV_ERR_UNAUTHENTICATED. */
export async function checkCredentials(db: Kysely<Database>, username: string, password: string): Promise<LiveSession> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username.trim().toLowerCase()).executeTakeFirst();
  const storedHash = row?.password_hash ?? (await (dummyHash ??= hashPassword('ingen-anvandare-har-detta-losenord')));
  const ok = await verifyPassword(storedHash, password);
  if (!row || row.password_hash === null || !ok || !flag(row.active) || !isRole(row.role)) {
    throw new SamverkanError('SAMV_ERR_UNAUTHENTICATED', 'Fel användarnamn eller lösenord.', { field: 'password' });
  }
  return {
    user: { id: row.id, username: row.username, displayName: row.display_name, role: row.role, municipality: row.municipality_code },
    mustChangePassword: flag(row.must_change_password),
  };
}
