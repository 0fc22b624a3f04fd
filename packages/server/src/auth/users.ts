/**
 * Users in the store: creation (CLI, API, demo seed) and the views the API returns. Every change
 * is audited in the same transaction; the password hash never leaves this module.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { invalidInput, SamverkanError } from '@samverkan/core';
import type { Store } from '../store/db.js';
import type { Database, UserRow } from '../store/schema.js';
import { flag, toFlag } from '../store/flag.js';
import { nowIso } from '../store/clock.js';
import { appendAudit } from '../audit/append-audit.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password.js';
import { isRole, roleLabels, roles, type Role } from './roles.js';
import { forgetUserSessions } from './session-cache.js';
import { normaliseEmail } from './email.js';

/** A user as the API shows it (never the hash). */
export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly municipality: string | null;
  readonly email: string | null;
  readonly active: boolean;
  readonly demo: boolean;
  readonly hasPassword: boolean;
  /** The password was chosen by an administrator and must be changed at sign-in. */
  readonly mustChangePassword: boolean;
  readonly createdAt: string;
}

/** What it takes to create a user. */
export interface NewUserInput {
  readonly username: string;
  readonly displayName?: string | undefined;
  readonly role: string;
  readonly municipality?: string | undefined;
  readonly email?: string | undefined;
  /** Omit for accounts that sign in only with OIDC. */
  readonly password?: string | undefined;
  readonly demo?: boolean;
  /** The person must choose their own password at first sign-in (an administrator chose this one). */
  readonly mustChangePassword?: boolean;
}

const usernamePattern = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

/** The API view of a stored user. */
export function userView(row: UserRow): UserView {
  if (!isRole(row.role)) throw new SamverkanError('SAMV_ERR_INTERNAL', `Okänd roll i databasen för ${row.username}.`);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    municipality: row.municipality_code,
    email: row.email,
    active: flag(row.active),
    demo: flag(row.demo),
    hasPassword: row.password_hash !== null,
    mustChangePassword: flag(row.must_change_password),
    createdAt: row.created_at,
  };
}

async function resolveMunicipality(db: Kysely<Database>, role: Role, municipality: string | undefined): Promise<string | null> {
  if (role !== 'municipality_economist') {
    if (municipality !== undefined && municipality !== '') {
      throw invalidInput(
        'municipality',
        `municipality: bara rollen ${roleLabels.municipality_economist} är knuten till en kommun (rollen var ${roleLabels[role]}).`,
        municipality,
      );
    }
    return null;
  }
  if (municipality === undefined || municipality === '') {
    throw invalidInput(
      'municipality',
      `municipality: rollen ${roleLabels.municipality_economist} måste knytas till en kommun (kommunkod eller namn).`,
    );
  }
  const wanted = municipality.trim().toLowerCase();
  const all = await db.selectFrom('municipalities').select(['code', 'name']).execute();
  const hit = all.find((m) => m.code === wanted || m.name.toLowerCase() === wanted);
  if (!hit) {
    throw new SamverkanError(
      'SAMV_ERR_UNKNOWN_MUNICIPALITY',
      `municipality: "${municipality}" är ingen av avtalets kommuner (${all.map((m) => `${m.name} ${m.code}`).join(', ')}).`,
      { field: 'municipality', value: municipality },
    );
  }
  return hit.code;
}

/** Create a user (validated, password hashed, audited as `actor`). */
export async function createUser(store: Store, input: NewUserInput, actor: string): Promise<UserView> {
  const username = input.username.trim().toLowerCase();
  if (!usernamePattern.test(username)) {
    throw invalidInput(
      'username',
      `username: "${input.username}" är inget giltigt användarnamn (2–64 tecken: a–z, 0–9, punkt, bindestreck, understreck, @).`,
      input.username,
    );
  }
  if (!isRole(input.role)) throw invalidInput('role', `role: "${input.role}" är ingen roll. Välj en av: ${roles.join(', ')}.`, input.role);
  const role = input.role;
  if (input.password !== undefined) checkPasswordStrength(input.password);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return store.transaction(async (trx) => {
    const municipality = await resolveMunicipality(trx, role, input.municipality);
    const existing = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (existing)
      throw new SamverkanError('SAMV_ERR_CONFLICT', `username: användaren "${username}" finns redan.`, {
        field: 'username',
        value: username,
      });
    const row: UserRow = {
      id: randomUUID(),
      username,
      display_name: input.displayName?.trim() || username,
      role,
      municipality_code: municipality,
      password_hash: passwordHash,
      email: normaliseEmail(input.email),
      active: 1,
      demo: toFlag(input.demo ?? false),
      created_at: nowIso(),
      must_change_password: toFlag(passwordHash !== null && input.mustChangePassword === true),
    };
    await trx
      .insertInto('users')
      .values({ ...row, active: 1, demo: toFlag(input.demo ?? false), must_change_password: toFlag(flag(row.must_change_password)) })
      .execute();
    const view = userView(row);
    await appendAudit(trx, { actor, action: 'create', entity: 'users', entityId: row.id, before: null, after: view });
    return view;
  });
}

/** Changes an administrator may make to a user. */
export interface UserChange {
  readonly displayName?: string | undefined;
  readonly role?: string | undefined;
  readonly municipality?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly active?: boolean | undefined;
  readonly password?: string | undefined;
}

/** Update a user (audited; ending all sessions when deactivated or re-roled). */
export async function updateUser(store: Store, id: string, change: UserChange, actor: string): Promise<UserView> {
  if (change.password !== undefined) checkPasswordStrength(change.password);
  const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
  // Cached sessions carry the user's name, role and municipality: forget them once committed.
  return afterCommitForget(
    id,
    store.transaction(async (trx) => {
      const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new SamverkanError('SAMV_ERR_NOT_FOUND', `Användaren ${id} finns inte.`, { field: 'id', value: id });
      const before = userView(row);
      const roleText = change.role ?? row.role;
      if (!isRole(roleText)) throw invalidInput('role', `role: "${roleText}" är ingen roll. Välj en av: ${roles.join(', ')}.`, roleText);
      const municipalityInput =
        change.municipality === undefined
          ? change.role === undefined
            ? (row.municipality_code ?? undefined)
            : undefined
          : (change.municipality ?? undefined);
      const municipality = await resolveMunicipality(trx, roleText, municipalityInput);
      const next: UserRow = {
        ...row,
        display_name: change.displayName?.trim() || row.display_name,
        role: roleText,
        municipality_code: municipality,
        email: change.email === undefined ? row.email : normaliseEmail(change.email),
        active: change.active === undefined ? row.active : toFlag(change.active),
        password_hash: passwordHash ?? row.password_hash,
        must_change_password: passwordHash === undefined ? row.must_change_password : 1,
      };
      await trx
        .updateTable('users')
        .set({
          display_name: next.display_name,
          role: next.role,
          municipality_code: next.municipality_code,
          email: next.email,
          active: toFlag(flag(next.active)),
          password_hash: next.password_hash,
          // A password an administrator sets is temporary: the person chooses their own at sign-in.
          must_change_password: toFlag(flag(next.must_change_password)),
        })
        .where('id', '=', id)
        .execute();
      const after = userView(next);
      if (!after.active || after.role !== before.role || after.municipality !== before.municipality || passwordHash !== undefined) {
        await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      }
      await appendAudit(trx, {
        actor,
        action: passwordHash === undefined ? 'update' : 'update-password',
        entity: 'users',
        entityId: id,
        before,
        after,
      });
      return after;
    }),
  );
}

/** All users, by username. */
export async function listUsers(db: Kysely<Database>): Promise<UserView[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(userView);
}

/** A person's own password change: the current password, then the new one (audited). */
export async function changeOwnPassword(
  store: Store,
  userId: string,
  currentPassword: string,
  newPassword: string,
  actor: string,
): Promise<UserView> {
  const row = await store.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!row) throw new SamverkanError('SAMV_ERR_NOT_FOUND', `Användaren ${userId} finns inte.`, { field: 'id', value: userId });
  if (row.password_hash === null) {
    throw new SamverkanError(
      'SAMV_ERR_CONFLICT',
      'Kontot loggar in via regionens identitetsleverantör (OIDC) och har inget lösenord här; byt lösenordet där.',
      { field: 'currentPassword' },
    );
  }
  if (!(await verifyPassword(row.password_hash, currentPassword))) {
    throw new SamverkanError('SAMV_ERR_INVALID_INPUT', 'currentPassword: det nuvarande lösenordet stämmer inte.', {
      field: 'currentPassword',
    });
  }
  checkPasswordStrength(newPassword, 'newPassword');
  if (newPassword === currentPassword)
    throw invalidInput('newPassword', 'newPassword: det nya lösenordet måste skilja sig från det nuvarande.');
  const passwordHash = await hashPassword(newPassword);
  return afterCommitForget(
    userId,
    store.transaction(async (trx) => {
      const current = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
      // Changed by someone else between the check and now: let the person start over.
      if (current.password_hash !== row.password_hash)
        throw new SamverkanError('SAMV_ERR_CONFLICT', 'Lösenordet ändrades nyss på annat håll. Logga in igen och försök på nytt.', {
          field: 'currentPassword',
        });
      const before = userView(current);
      await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: 0 }).where('id', '=', userId).execute();
      // Every session of the account ends; the caller starts a fresh one for this browser.
      await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
      const after = userView({ ...current, password_hash: passwordHash, must_change_password: 0 });
      await appendAudit(trx, { actor, action: 'change-password', entity: 'users', entityId: userId, before, after });
      return after;
    }),
  );
}

/** Forget the user's cached sessions when the change has committed (or failed: forgetting is always safe). */
async function afterCommitForget<T>(userId: string, change: Promise<T>): Promise<T> {
  forgetUserSessions(userId);
  try {
    return await change;
  } finally {
    forgetUserSessions(userId);
  }
}
