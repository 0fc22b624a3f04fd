/**
 * Row scoping, enforced in SQL: a municipality economist sees and changes only rows where their
 * municipality is a party (seller, buyer, municipality, or a dispute party). Everyone else who
 * passed the policy check sees all rows. Use `partyScope` in `.where(...)` of every select,
 * update and delete on a municipality-scoped table.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool, type StringReference } from 'kysely';
import { SamverkanError } from '@samverkan/core';
import type { Database } from '../store/schema.js';
import type { SessionUser } from './session-user.js';

/** The municipality code a user is limited to, or undefined when not limited. */
export function municipalityScope(user: SessionUser): string | undefined {
  if (user.role !== 'municipality_economist') return undefined;
  if (user.municipality === null) {
    // Fail closed: the CHECK constraint on users makes this impossible, but never widen access.
    throw new SamverkanError('SAMV_ERR_FORBIDDEN', `Användaren ${user.username} är kommunekonom men saknar kommun.`, {
      field: 'municipality',
    });
  }
  return user.municipality;
}

/** True when `user` may see a row whose parties are `codes`. */
export function isPartyOf(user: SessionUser, codes: readonly (string | null)[]): boolean {
  const own = municipalityScope(user);
  return own === undefined || codes.includes(own);
}

/**
 * A WHERE condition: `(col1 = own OR col2 = own …)` for a municipality economist, `1 = 1`
 * otherwise. Example: `db.selectFrom('invoice_bases').where(partyScope(user, ['seller_code', 'buyer_code']))`.
 */
export function partyScope<TB extends keyof Database>(
  user: SessionUser,
  columns: readonly StringReference<Database, TB>[],
): (eb: ExpressionBuilder<Database, TB>) => Expression<SqlBool> {
  const own = municipalityScope(user);
  return (eb) => {
    if (own === undefined) return sql<SqlBool>`1 = 1`;
    return eb.or(columns.map((c) => sql<SqlBool>`${sql.ref(c)} = ${own}`));
  };
}
