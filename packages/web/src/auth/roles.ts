/**
 * What each role may see (docs/api.md, Roles). The server enforces access in its queries; the web
 * app mirrors it so that a page and its navigation link appear only for the roles that may use
 * them (issue 4: "Each page shows only what the signed-in role may see"). Mirrors the policy table
 * of packages/server/src/auth/roles.ts: managers and viewers read; economists also change.
 */

/** The roles of the service. */
export type Role = 'admin' | 'region_economist' | 'municipality_economist' | 'manager' | 'viewer';

/** The signed-in user as the API returns it. */
export interface User {
  readonly id: string | number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** Municipality code for a municipality economist, otherwise null. */
  readonly municipality: string | null;
}

/** Things a person can do; each page and button asks for one. */
export type Permission =
  | 'guide'
  | 'agreements.read'
  | 'agreements.terminate'
  | 'calendar.read'
  | 'disputes.read'
  | 'disputes.change'
  /** Propose a decision for one's own party, confirm the other party's (economists; decision 0071). */
  | 'disputes.propose'
  /** Record a forum's decision from its minutes (the administrator). */
  | 'disputes.record-decision'
  | 'economy.read'
  | 'economy.import'
  | 'economy.billing'
  | 'economy.development.change'
  | 'admin';

const everyone: readonly Permission[] = ['guide', 'agreements.read', 'calendar.read'];
const signedIn: readonly Permission[] = [...everyone, 'disputes.read', 'economy.read'];

const byRole: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [
    ...signedIn,
    'agreements.terminate',
    'disputes.change',
    'disputes.record-decision',
    'economy.import',
    'economy.billing',
    'economy.development.change',
    'admin',
  ],
  region_economist: [...signedIn, 'disputes.change', 'disputes.propose', 'economy.import', 'economy.billing', 'economy.development.change'],
  // Development budgets concern the whole county, so a municipality economist does not enter them.
  municipality_economist: [...signedIn, 'disputes.change', 'disputes.propose', 'economy.import', 'economy.billing'],
  manager: signedIn,
  viewer: signedIn,
};

/** True when a user (or nobody, for `undefined`) has `permission`. */
export function can(user: User | undefined, permission: Permission): boolean {
  return (user ? byRole[user.role] : everyone).includes(permission);
}

/** Swedish name of a role, for the header and the user list. */
export function roleName(role: Role): string {
  switch (role) {
    case 'admin':
      return 'Administratör';
    case 'region_economist':
      return 'Ekonom, regionen';
    case 'municipality_economist':
      return 'Ekonom, kommun';
    case 'manager':
      return 'Chef/strateg';
    case 'viewer':
      return 'Läsbehörighet';
  }
}

/** All roles in display order. */
export const ROLES: readonly Role[] = ['admin', 'region_economist', 'municipality_economist', 'manager', 'viewer'];
