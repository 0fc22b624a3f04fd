/**
 * Owners of obligations that are parties rather than forums. An obligation's `owner` is either a
 * forum id from forums.yaml or one of these ids.
 */
import type { Agreement } from './load.js';

/** Party ids and their Swedish names. */
export const partyNames = {
  region: 'Regionen',
  kommun: 'Kommunen',
  'region-och-kommun': 'Regionen och kommunen',
} as const satisfies Record<string, string>;

/** A party id. */
export type PartyId = keyof typeof partyNames;

/** True when `id` names a party. */
export function isPartyId(id: string): id is PartyId {
  return Object.hasOwn(partyNames, id);
}

/** The Swedish display name of an owner id (a forum or a party); the id itself if unknown. */
export function ownerName(agreement: Pick<Agreement, 'forums'>, owner: string): string {
  if (isPartyId(owner)) return partyNames[owner];
  return agreement.forums.find((f) => f.id === owner)?.name ?? owner;
}
