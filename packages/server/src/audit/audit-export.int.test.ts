/**
 * Exporting the audit log is itself audited (issue 12): `GET /api/v1/audit/export.csv` writes an
 * entry saying who exported, when, with which filter, how many rows and the file's SHA-256 — and
 * the chain still verifies. On SQLite and PostgreSQL.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';

interface Entry {
  seq: number;
  at: string;
  actor: string;
  actorName: string;
  action: string;
  actionLabel: string;
  entity: string;
  entityLabel: string;
  entityId: string;
  after: Record<string, unknown> | null;
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: the audit log's CSV export is audited`, () => {
    let t: TestServer;
    let admin: Client;
    beforeAll(async () => {
      t = await startTestServer(target);
      admin = await login(t.url, 'admin');
    });
    afterAll(async () => {
      await t.stop();
    });

    const exports = async (): Promise<Entry[]> => {
      const res = await admin.request('GET', '/api/v1/audit?entity=audit_log&action=export&limit=1000');
      expect(res.status).toBe(200);
      return (res.body as { entries: Entry[] }).entries;
    };

    it('records who exported, when, the filter, the rows and the file digest', async () => {
      expect(await exports()).toEqual([]);
      const before = Date.now();
      const res = await fetch(`${t.url}/api/v1/audit/export.csv?entity=users&from=2020-01-01&limit=500`, {
        headers: { cookie: admin.cookie },
      });
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      const rows = bytes.toString('utf8').split('\r\n').length - 2;
      const [entry, ...more] = await exports();
      expect(more).toEqual([]);
      expect(entry).toMatchObject({
        actor: 'user:admin',
        actorName: 'Demo Administratör',
        actionLabel: 'exporterade',
        entityLabel: 'Granskningsloggen',
        entityId: 'granskningslogg.csv',
      });
      expect(Date.parse(entry?.at ?? '')).toBeGreaterThanOrEqual(before - 1000);
      expect(entry?.after).toMatchObject({
        format: 'csv',
        fileName: 'granskningslogg.csv',
        filter: { entity: 'users', from: '2020-01-01', limit: 500 },
        rows,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
      expect(rows).toBeGreaterThan(0);
      const verify = await admin.request('GET', '/api/v1/audit/verify');
      expect(verify.body).toMatchObject({ ok: true });
    });

    it('a refused export (not an administrator) writes nothing', async () => {
      const region = await login(t.url, 'ekonom.region');
      const n = (await exports()).length;
      const res = await fetch(`${t.url}/api/v1/audit/export.csv`, { headers: { cookie: region.cookie } });
      expect(res.status).toBe(403);
      expect(await exports()).toHaveLength(n);
    });
  });
}
