/** The signed-in user as the rest of the server sees it. */
import type { Role } from './roles.js';

/** A signed-in user. */
export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** Municipality code for municipality economists, otherwise null. */
  readonly municipality: string | null;
  /** The audit name when it is not a signed-in user (the CLI's `cli:<os user>`). */
  readonly actor?: string;
}

/** How the user is named in the audit trail. */
export function actorOf(user: SessionUser): string {
  return user.actor ?? `user:${user.username}`;
}
