/**
 * Roles and what each may do: the ONE policy table. Routes ask `requireAction(user, action)`;
 * rows that belong to municipalities are additionally filtered by `scope.ts` for
 * municipality economists, in the query itself.
 */
import { SamverkanError } from '@samverkan/core';

/** The five roles. */
export const roles = ['admin', 'region_economist', 'municipality_economist', 'manager', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** Swedish names for messages and the UI. */
export const roleLabels: Readonly<Record<Role, string>> = {
  admin: 'administratör',
  region_economist: 'regionekonom',
  municipality_economist: 'kommunekonom',
  manager: 'chef/strateg',
  viewer: 'läsare',
};

/** Everything a signed-in user may be allowed to do. Public routes need no action. */
export const actions = [
  'calculations:run',
  'reference:read',
  'reference:change',
  'records:read',
  'records:change',
  'billing:run',
  'invoices:decide',
  'disputes:read',
  'disputes:change',
  'disputes:record-decision',
  'users:manage',
  'audit:read',
  'terminations:record',
] as const;
export type Action = (typeof actions)[number];

/** Swedish descriptions used in "not allowed" messages: "Rollen X får inte <description>." */
export const actionLabels: Readonly<Record<Action, string>> = {
  'calculations:run': 'göra beräkningar',
  'reference:read': 'läsa parametrar, indexvärden och fördelningsnycklar',
  'reference:change': 'ändra parametrar, indexvärden och fördelningsnycklar',
  'records:read': 'läsa underlag och fakturaunderlag',
  'records:change': 'importera eller ändra underlag',
  'billing:run': 'starta faktureringskörningar',
  'invoices:decide': 'godkänna, skicka eller kreditera fakturaunderlag',
  'disputes:read': 'läsa tvister',
  'disputes:change': 'registrera eller ändra tvister',
  'disputes:record-decision': 'registrera ett forums beslut i en tvist enligt forumets protokoll',
  'users:manage': 'hantera användare',
  'audit:read': 'läsa granskningsloggen',
  'terminations:record': 'registrera uppsägningar av avtalet',
};

const READ: readonly Action[] = ['calculations:run', 'reference:read', 'records:read', 'disputes:read'];
const ECONOMIST: readonly Action[] = [...READ, 'records:change', 'billing:run', 'invoices:decide', 'disputes:change'];

/**
 * The policy: role × action. Managers and viewers read; economists change (a municipality
 * economist only rows where their municipality is a party, see scope.ts); the administrator
 * may do everything, and is the only one who changes reference data, users, records terminations
 * (PRINC.giltighet), reads the audit and records a dispute decision from a forum's minutes alone
 * (economists propose and confirm decisions between the parties; decision 0071).
 */
export const policy: Readonly<Record<Role, ReadonlySet<Action>>> = {
  admin: new Set(actions),
  region_economist: new Set(ECONOMIST),
  municipality_economist: new Set(ECONOMIST),
  manager: new Set(READ),
  viewer: new Set(READ),
};

/** True when `role` may perform `action`. */
export function can(role: Role, action: Action): boolean {
  return policy[role].has(action);
}

/** Narrow a stored role string (the database has a CHECK constraint; this is the type guard). */
export function isRole(text: string): text is Role {
  return (roles as readonly string[]).includes(text);
}

/** Throw SAMV_ERR_FORBIDDEN (Swedish, naming role and action) unless `role` may `action`. */
export function requireAction(role: Role, action: Action): void {
  if (!can(role, action)) {
    throw new SamverkanError('SAMV_ERR_FORBIDDEN', `Rollen ${roleLabels[role]} får inte ${actionLabels[action]}.`, {
      field: 'role',
      value: role,
    });
  }
}
