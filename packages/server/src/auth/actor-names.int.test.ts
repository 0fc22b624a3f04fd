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
      const name = await actorNames(t.store.db, [
        'user:ekonom.region',
        'oidc:ekonom.krokom',
        'cli:anna',
        'system:demo',
        null,
        'user:finns-inte',
      ]);
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
      const started = res.body as {
        run: { id: string; startedBy: string; startedByName: string };
        invoiceBases: { approvedBy: string | null; approvedByName: string | null }[];
      };
      expect(started.run).toMatchObject({ startedBy: 'user:ekonom.region', startedByName: 'Demo Regionekonom' });
      expect(started.invoiceBases.length).toBeGreaterThan(0);
      expect(started.invoiceBases.every((b) => b.approvedBy === null && b.approvedByName === null)).toBe(true);
      const list = (await admin.request('GET', '/api/v1/billing-runs?flow=dagtid')).body as {
        billingRuns: { id: string; startedByName: string }[];
      };
      expect(list.billingRuns.find((r) => r.id === started.run.id)?.startedByName).toBe('Demo Regionekonom');
    });

    it('disputes name who opened them, who acted in each event and who proposed and confirmed the decision', async () => {
      const krokom = await login(t.url, 'ekonom.krokom');
      const region = await login(t.url, 'ekonom.region');
      const opened = await krokom.request('POST', '/api/v1/disputes', {
        document: 'ORD',
        level: 'organisation',
        subject: 'Vem bekostar hjälpmedel vid utskrivning',
        parties: ['2309', 'region'],
      });
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      const id = (opened.body as { dispute: { id: string } }).dispute.id;
      const proposed = await krokom.request('POST', `/api/v1/disputes/${id}/proposals`, {
        outcome: 'Regionen bekostar de första 14 dagarna.',
      });
      expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
      const pending = (proposed.body as { dispute: { pendingDecision: { id: string; proposedBy: string; proposedByName: string } } })
        .dispute.pendingDecision;
      // The display name reads as renamed earlier in this file.
      expect(pending.proposedByName).toBe('Kerstin Ekonom');
      const confirmed = await region.request('POST', `/api/v1/disputes/${id}/proposals/${pending.id}/confirm`);
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      interface Named {
        createdBy: string;
        createdByName: string;
        history: { action: string; actor: string; actorName: string }[];
        proposals: { proposedByName: string; settledByName: string | null }[];
        decision: { decidedByName: string; proposedByName: string | null };
      }
      const d = ((await admin.request('GET', `/api/v1/disputes/${id}`)).body as { dispute: Named }).dispute;
      expect(d).toMatchObject({
        createdBy: 'user:ekonom.krokom',
        createdByName: 'Kerstin Ekonom',
        decision: { decidedByName: 'Demo Regionekonom', proposedByName: 'Kerstin Ekonom' },
      });
      expect(d.proposals).toEqual([expect.objectContaining({ proposedByName: 'Kerstin Ekonom', settledByName: 'Demo Regionekonom' })]);
      expect(d.history.map((e) => [e.action, e.actor, e.actorName])).toEqual(
        expect.arrayContaining([
          ['opened', 'user:ekonom.krokom', 'Kerstin Ekonom'],
          ['decided', 'user:ekonom.region', 'Demo Regionekonom'],
        ]),
      );
      const list = (await region.request('GET', '/api/v1/disputes')).body as { disputes: Named[] };
      expect(list.disputes.every((x) => x.history.every((e) => e.actorName !== ''))).toBe(true);
    });

    it('the audit log names each actor beside the stored id', async () => {
      expect(
        (await admin.request('POST', '/api/v1/index-values', { series: 'LPIK', year: 2033, percent: '2,5', source: 'SKR (test)' })).status,
      ).toBe(201);
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
