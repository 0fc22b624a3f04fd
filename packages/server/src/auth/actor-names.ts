/**
 * Readable names for the actors the store records (`user:<username>`, `oidc:<username>`,
 * `cli:<os user>`, `system:<what>`, or a bare user id where a row points at a user). Stored actor ids are never rewritten: names are looked up
 * when a view is read, one query per batch of views, so a renamed user shows the new name
 * everywhere and the audit trail keeps the id it was written with.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** Actor id → readable Swedish name (the id itself when nothing better is known). */
export type ActorNames = (actor: string) => string;

const USER_PREFIXES = ['user:', 'oidc:'] as const;

function usernameOf(actor: string): string | undefined {
  const prefix = USER_PREFIXES.find((p) => actor.startsWith(p));
  return prefix === undefined ? undefined : actor.slice(prefix.length);
}

/** The name of an actor that is not a user account. */
function nonUserName(actor: string): string | undefined {
  if (actor.startsWith('cli:')) return `kommandoraden (${actor.slice('cli:'.length)})`;
  if (actor === 'system') return 'systemet';
  if (actor === 'system:demo') return 'systemet (demodata)';
  if (actor.startsWith('system:')) return `systemet (${actor.slice('system:'.length)})`;
  return undefined;
}

/** Look up the names of `actors` (nulls ignored), at most one query per kind and 500 ids; the answer names any of them. */
export async function actorNames(db: Kysely<Database>, actors: Iterable<string | null | undefined>): Promise<ActorNames> {
  const usernames = new Set<string>();
  const ids = new Set<string>();
  for (const a of actors) {
    if (a === null || a === undefined) continue;
    const u = usernameOf(a);
    if (u !== undefined) usernames.add(u);
    else if (!a.includes(':')) ids.add(a);
  }
  const byUsername = new Map<string, string>();
  const byId = new Map<string, string>();
  for (const [column, keys, into] of [['username', [...usernames], byUsername] as const, ['id', [...ids], byId] as const]) {
    for (let i = 0; i < keys.length; i += 500) {
      const rows = await db
        .selectFrom('users')
        .select(['id', 'username', 'display_name'])
        .where(column, 'in', keys.slice(i, i + 500))
        .execute();
      for (const r of rows) into.set(r[column], r.display_name);
    }
  }
  return (actor) => {
    const u = usernameOf(actor);
    if (u !== undefined) return byUsername.get(u) ?? u;
    return byId.get(actor) ?? nonUserName(actor) ?? actor;
  };
}
