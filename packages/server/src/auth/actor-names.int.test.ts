/**
 * Display names for stored actor ids, on SQLite and PostgreSQL: users by their display name, the
 * command line and the system in Swedish, unknown ids as themselves; the API views name people
 * while the stored ids stay as written (the audit keeps `user:…`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';
import { actorNames } from './actor-names.js';

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: actor names`, () => {
    let t: TestServer;
    let admin: Client;
    beforeAll(async () => {
      t = await startTestServer(target);
      admin = await login(t.url, 'admin');
    }, 60_000);
    afterAll(async () => {
      await t.stop();
    });

    it('names users, the command line and the system in one lookup', async () => {
      const name = await actorNames(t.store.db, ['user:ekonom.region', 'oidc:ekonom.krokom', 'cli:anna', 'system:demo', null, 'user:finns-inte']);
      expect(name('user:ekonom.region')).toBe('Demo Regionekonom');
      expect(name('oidc:ekonom.krokom')).toBe('Demo Kommunekonom Krokom');
      expect(name('cli:anna')).toBe('kommandoraden (anna)');
      expect(name('system:demo')).toBe('systemet (demodata)');
      expect(name('system')).toBe('systemet');
      expect(name('user:finns-inte')).toBe('finns-inte');
      expect(name('något-annat')).toBe('något-annat');
    });

    it('a renamed user shows the new name at once, while the audit keeps the id it was written with', async () => {
      await t.store.db.updateTable('users').set({ display_name: 'Kerstin Ekonom' }).where('username', '=', 'ekonom.krokom').execute();
      const name = await actorNames(t.store.db, ['user:ekonom.krokom']);
      expect(name('user:ekonom.krokom')).toBe('Kerstin Ekonom');
    });

    it('billing runs name who started them, in the start answer and the list', async () => {
      const region = await login(t.url, 'ekonom.region');
      const res = await region.request('POST', '/api/v1/billing-runs', { flow: 'dagtid', period: '2026-01' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const started = res.body as { run: { id: string; startedBy: string; startedByName: string }; invoiceBases: { approvedBy: string | null; approvedByName: string | null }[] };
      expect(started.run).toMatchObject({ startedBy: 'user:ekonom.region', startedByName: 'Demo Regionekonom' });
      expect(started.invoiceBases.length).toBeGreaterThan(0);
      expect(started.invoiceBases.every((b) => b.approvedBy === null && b.approvedByName === null)).toBe(true);
      const list = (await admin.request('GET', '/api/v1/billing-runs?flow=dagtid')).body as { billingRuns: { id: string; startedByName: string }[] };
      expect(list.billingRuns.find((r) => r.id === started.run.id)?.startedByName).toBe('Demo Regionekonom');
    });

    it('the audit log names each actor beside the stored id', async () => {
      expect((await admin.request('POST', '/api/v1/index-values', { series: 'LPIK', year: 2033, percent: '2,5', source: 'SKR (test)' })).status).toBe(201);
      const res = await admin.request('GET', '/api/v1/audit?limit=1000');
      expect(res.status).toBe(200);
      const entries = (res.body as { entries: { actor: string; actorName: string; action: string }[] }).entries;
      const seeded = entries.find((e) => e.actor === 'system:demo');
      expect(seeded?.actorName).toBe('systemet (demodata)');
      expect(entries.find((e) => e.actor === 'user:admin')?.actorName).toBe('Demo Administratör');
      expect(entries.every((e) => typeof e.actorName === 'string' && e.actorName !== '')).toBe(true);
    });
  });
}
