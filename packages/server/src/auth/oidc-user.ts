/**
 * Which local user an OIDC identity signs in as. Roles always come from the local user record:
 * the identity provider proves who someone is, Samverkan decides what they may do. A known
 * `iss`+`sub` link wins; otherwise (when OIDC_MATCH_EMAIL is on) an active local user with the
 * same, verified e-mail address is linked once, and the link is audited.
 */
import { SamverkanError } from '@samverkan/core';
import type { Store } from '../store/db.js';
import { flag } from '../store/flag.js';
import { nowIso } from '../store/clock.js';
import { appendAudit } from '../audit/append-audit.js';
import { isRole } from './roles.js';
import type { SessionUser } from './session-user.js';
import type { OidcIdentity } from './oidc-client.js';

function notLinked(identity: OidcIdentity): SamverkanError {
  return new SamverkanError(
    'SAMV_ERR_FORBIDDEN',
    `Ditt konto hos identitetsleverantören${identity.email ? ` (${identity.email})` : ''} är inte kopplat till någon användare i Samverkan. Be en administratör lägga upp dig.`,
    { field: 'sub', value: identity.subject },
  );
}

/** The local user for `identity`, linking by e-mail when allowed; throws when there is none. */
export async function userForOidcIdentity(store: Store, identity: OidcIdentity, matchEmail: boolean): Promise<SessionUser> {
  return store.transaction(async (trx) => {
    const linked = await trx
      .selectFrom('user_identities')
      .innerJoin('users', 'users.id', 'user_identities.user_id')
      .selectAll('users')
      .where('user_identities.issuer', '=', identity.issuer)
      .where('user_identities.subject', '=', identity.subject)
      .executeTakeFirst();
    let row = linked;
    if (!row) {
      if (!matchEmail || identity.email === undefined || !identity.emailVerified) throw notLinked(identity);
      row = await trx.selectFrom('users').selectAll().where('email', '=', identity.email).executeTakeFirst();
      if (!row) throw notLinked(identity);
      const link = { issuer: identity.issuer, subject: identity.subject, user_id: row.id, created_at: nowIso() };
      await trx.insertInto('user_identities').values(link).execute();
      await appendAudit(trx, {
        actor: `oidc:${row.username}`,
        action: 'link-identity',
        entity: 'user_identities',
        entityId: `${identity.issuer}#${identity.subject}`,
        before: null,
        after: link,
      });
    }
    if (!flag(row.active) || !isRole(row.role))
      throw new SamverkanError('SAMV_ERR_FORBIDDEN', `Användaren ${row.username} är inaktiverad.`, {
        field: 'username',
        value: row.username,
      });
    return { id: row.id, username: row.username, displayName: row.display_name, role: row.role, municipality: row.municipality_code };
  });
}
