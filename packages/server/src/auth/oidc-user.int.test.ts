/**
 * Which local user an OIDC identity signs in as, on both databases (no identity provider needed:
 * the claims are what openid-client hands over after verifying the ID token).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import { databaseTargets, type TestDatabase } from '../testing/databases.testkit.js';
import { openStore, type Store } from '../store/db.js';
import { seedMunicipalities } from '../store/seed-municipalities.js';
import { verifyAudit } from '../audit/verify-audit.js';
import { createUser, updateUser } from './users.js';
import { userForOidcIdentity } from './oidc-user.js';

const issuer = 'https://login.regionjh.se/realms/region';

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: OIDC identity → local user`, () => {
    let db: TestDatabase;
    let store: Store;
    let annaId = '';
    beforeAll(async () => {
      db = await target.create();
      store = openStore(db.options);
      await store.migrate();
      await seedMunicipalities(store, readAgreement());
      annaId = (
        await createUser(
          store,
          { username: 'anna', role: 'municipality_economist', municipality: '2380', email: 'Anna@Ostersund.se' },
          'test',
        )
      ).id;
      await createUser(store, { username: 'bo', role: 'viewer', email: 'bo@regionjh.se' }, 'test');
    });
    afterAll(async () => {
      await store.close();
      await db.drop();
    });

    it('links a first sign-in by verified e-mail, keeps the local role, and audits the link', async () => {
      const u = await userForOidcIdentity(store, { issuer, subject: 'sub-anna', email: 'anna@ostersund.se', emailVerified: true }, true);
      expect(u).toMatchObject({ username: 'anna', role: 'municipality_economist', municipality: '2380' });
      const link = await store.db.selectFrom('user_identities').selectAll().where('subject', '=', 'sub-anna').executeTakeFirstOrThrow();
      expect(link.user_id).toBe(annaId);
      const audit = await store.db.selectFrom('audit_log').selectAll().where('entity', '=', 'user_identities').execute();
      expect(audit).toHaveLength(1);
      expect((await verifyAudit(store.db)).ok).toBe(true);
    });

    it('signs in by the linked subject afterwards, even if the e-mail claim changed', async () => {
      const u = await userForOidcIdentity(store, { issuer, subject: 'sub-anna', email: 'anna.ny@ostersund.se', emailVerified: true }, true);
      expect(u.username).toBe('anna');
    });

    it('refuses unknown people, unverified e-mail, and e-mail matching when it is off', async () => {
      await expect(
        userForOidcIdentity(store, { issuer, subject: 'sub-x', email: 'okand@x.se', emailVerified: true }, true),
      ).rejects.toMatchObject({ code: 'SAMV_ERR_FORBIDDEN' });
      await expect(
        userForOidcIdentity(store, { issuer, subject: 'sub-bo', email: 'bo@regionjh.se', emailVerified: false }, true),
      ).rejects.toMatchObject({ code: 'SAMV_ERR_FORBIDDEN' });
      await expect(
        userForOidcIdentity(store, { issuer, subject: 'sub-bo', email: 'bo@regionjh.se', emailVerified: true }, false),
      ).rejects.toThrow('inte kopplat till någon användare');
    });

    it('refuses a deactivated user', async () => {
      await updateUser(store, annaId, { active: false }, 'test');
      await expect(
        userForOidcIdentity(store, { issuer, subject: 'sub-anna', email: undefined, emailVerified: false }, true),
      ).rejects.toThrow('inaktiverad');
    });
  });
}
