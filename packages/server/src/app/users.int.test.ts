/** User administration over HTTP on both databases: create, refuse duplicates, deactivate (ends sessions), audited without secrets. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: user administration`, () => {
    let t: TestServer;
    let admin: Client;
    beforeAll(async () => {
      t = await startTestServer(target);
      admin = await login(t.url, 'admin');
    });
    afterAll(async () => {
      await t.stop();
    });

    it('creates a municipality economist from a municipality name, and refuses a duplicate', async () => {
      const res = await admin.request('POST', '/api/v1/users', {
        username: 'Karin.K',
        role: 'municipality_economist',
        municipality: 'Krokom',
        password: 'karins-langa-losenord',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ user: { username: 'karin.k', municipality: '2309', hasPassword: true, active: true, demo: false } });
      expect(JSON.stringify(res.body)).not.toContain('argon2');
      const again = await admin.request('POST', '/api/v1/users', {
        username: 'karin.k',
        role: 'viewer',
        password: 'karins-langa-losenord',
      });
      expect(again.status).toBe(409);
      const unknown = await admin.request('POST', '/api/v1/users', {
        username: 'x.y',
        role: 'municipality_economist',
        municipality: 'Sundsvall',
        password: 'karins-langa-losenord',
      });
      expect(unknown.status).toBe(400);
      expect((unknown.body as { error: { code: string; message: string } }).error).toMatchObject({ code: 'SAMV_ERR_UNKNOWN_MUNICIPALITY' });
    });

    it('deactivating a user ends their sessions at once, and the change is audited without the hash', async () => {
      const karin = await login(t.url, 'karin.k', 'karins-langa-losenord');
      expect((await karin.request('GET', '/api/v1/auth/me')).status).toBe(200);
      const list = (await admin.request('GET', '/api/v1/users')).body as { users: { id: string; username: string }[] };
      const id = list.users.find((u) => u.username === 'karin.k')?.id ?? '';
      const res = await admin.request('PATCH', `/api/v1/users/${id}`, { active: false });
      expect(res.body).toMatchObject({ user: { active: false } });
      expect((await karin.request('GET', '/api/v1/auth/me')).status).toBe(401);
      const audit = (await admin.request('GET', `/api/v1/audit?entity=users&entityId=${id}`)).body as {
        entries: { action: string; before: unknown; after: unknown }[];
      };
      expect(audit.entries.map((e) => e.action)).toEqual(['update', 'create']);
      expect(audit.entries[0]).toMatchObject({ before: { active: true }, after: { active: false } });
      expect(JSON.stringify(audit)).not.toContain('argon2');
      await expect(login(t.url, 'karin.k', 'karins-langa-losenord')).rejects.toThrow('401');
    });
  });
}
