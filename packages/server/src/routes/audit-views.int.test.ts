/**
 * The audit log as an administrator reads it, on SQLite and PostgreSQL: entries name who acted
 * and the thing acted on (a basis by flow, period and parties, a dispute by subject, a user by
 * name) with Swedish action words; filters by who, what and when (bounded; a bad day is a 400
 * naming the field); the CSV export (BOM, semicolons, Swedish headers) and the filter lists. Also
 * the users' e-mail (validated) and an index value's bases per version, read from their traces.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInStockholm } from '@samverkan/core';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';

interface Entry {
  seq: number;
  actor: string;
  actorName: string;
  action: string;
  actionLabel: string;
  entity: string;
  entityLabel: string;
  entityName: string;
  entityId: string;
}
interface ErrorBody {
  error: { code: string; location: { field?: string } };
}
interface IndexBases {
  series: string;
  year: number;
  versions: {
    version: { version: number; percent: string };
    current: boolean;
    invoiceBases: { id: string; buyer: { id: string }; seller: { id: string } }[];
  }[];
  unmatched: unknown[];
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: audit views, e-mail and index-value bases`, () => {
    let t: TestServer;
    let admin: Client;
    let region: Client;
    let basisIds: string[] = [];
    /** The basis the region sells (its economist may approve it). */
    let regionSells = '';
    let used: { series: string; year: number };
    beforeAll(async () => {
      t = await startTestServer(target);
      admin = await login(t.url, 'admin');
      region = await login(t.url, 'ekonom.region');
      const run = await region.request('POST', '/api/v1/billing-runs', { flow: 'dagtid', period: '2026-01' });
      expect(run.status, JSON.stringify(run.body)).toBe(201);
      const bases = (run.body as { invoiceBases: { id: string; seller: { id: string } }[] }).invoiceBases;
      basisIds = bases.map((b) => b.id);
      regionSells = bases.find((b) => b.seller.id === 'region')?.id ?? '';
      const first = (await region.request('GET', `/api/v1/invoice-bases/${basisIds[0] ?? ''}`)).body as {
        invoiceBasis: { trace: { indexValues: { series: string; year: number }[] } };
      };
      const u = first.invoiceBasis.trace.indexValues[0];
      if (!u) throw new Error('the dagtid basis used no index value');
      used = { series: u.series, year: u.year };
    }, 60_000);
    afterAll(async () => {
      await t.stop();
    });

    const entries = async (query: string): Promise<Entry[]> => {
      const res = await admin.request('GET', `/api/v1/audit${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body as { entries: Entry[] }).entries;
    };

    it('names who acted and what, in Swedish', async () => {
      const runs = await entries('?entity=billing_runs&action=create');
      expect(runs[0]).toMatchObject({
        actor: 'user:ekonom.region',
        actorName: 'Demo Regionekonom',
        actionLabel: 'skapade',
        entityLabel: 'Faktureringskörning',
      });
      expect(runs[0]?.entityName).toBe('Körning 1, Uppdrag dagtid 2026-01');
      const users = await entries('?entity=users&action=create');
      expect(users.find((e) => e.entityName === 'Demo Chef/strateg (chef)')).toMatchObject({ actorName: 'systemet (demodata)' });
      const index = await entries('?entity=index_values&limit=1');
      expect(index[0]?.entityName).toMatch(/^(VPI|OPI|LPIK) \d{4}$/);
    });

    it('names a basis by flow, period, parties and invoice number, and translates new-version', async () => {
      const id = regionSells;
      const b = (await region.request('GET', `/api/v1/invoice-bases/${id}`)).body as {
        invoiceBasis: { provenance?: { warnings: { id: string }[] } };
      };
      expect(
        (
          await region.request('POST', `/api/v1/invoice-bases/${id}/approve`, {
            confirmProvisional: (b.invoiceBasis.provenance?.warnings ?? []).map((w) => w.id),
          })
        ).status,
      ).toBe(200);
      const [approved] = await entries(`?entity=invoice_bases&entityId=${id}&action=approve`);
      expect(approved).toMatchObject({ actionLabel: 'godkände', entityLabel: 'Fakturaunderlag', actorName: 'Demo Regionekonom' });
      expect(approved?.entityName).toMatch(/^Uppdrag dagtid 2026-01, Region Jämtland Härjedalen till Krokom, nr \S+$/);
      expect(
        (await admin.request('POST', '/api/v1/index-values', { series: 'OPI', year: 2033, percent: '1.0', source: 'test' })).status,
      ).toBe(201);
      expect(
        (await admin.request('POST', '/api/v1/index-values', { series: 'OPI', year: 2033, percent: '1.5', source: 'test' })).status,
      ).toBe(201);
      const [v2] = await entries('?entity=index_values&entityId=OPI%3A2033');
      expect(v2).toMatchObject({
        action: 'new-version',
        actionLabel: 'ny version',
        entityName: 'OPI 2033',
        actorName: 'Demo Administratör',
      });
    });

    it('filters by who and when, bounded and checked', async () => {
      const byRegion = await entries('?actor=user%3Aekonom.region&limit=1000');
      expect(byRegion.length).toBeGreaterThan(0);
      expect(byRegion.every((e) => e.actor === 'user:ekonom.region')).toBe(true);
      const today = todayInStockholm().toString();
      expect((await entries(`?from=${today}&to=${today}&limit=1000`)).length).toBeGreaterThan(0);
      expect(await entries('?to=2000-01-01')).toEqual([]);
      expect(await entries(`?from=${todayInStockholm().add({ days: 1 }).toString()}`)).toEqual([]);
      const bad = await admin.request('GET', '/api/v1/audit?from=2026-02-30');
      expect(bad.status).toBe(400);
      expect((bad.body as ErrorBody).error.location.field).toBe('from');
      expect((await admin.request('GET', '/api/v1/audit?limit=1001')).status).toBe(400);
      expect((await admin.request('GET', '/api/v1/audit?actor=')).status).toBe(400);
      expect((await region.request('GET', '/api/v1/audit')).status).toBe(403);
    });

    it('exports the filtered log as CSV for Excel', async () => {
      const res = await fetch(`${t.url}/api/v1/audit/export.csv?entity=billing_runs`, { headers: { cookie: admin.cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="granskningslogg.csv"');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
      expect(lines[0]).toBe('Nummer;Tidpunkt;Vem;Användar-id;Åtgärd;Vad;Objekt;Objekt-id;Ändringar;Före (data);Efter (data)');
      expect(lines.at(-1)).toBe('');
      const row = lines[1]?.split(';') ?? [];
      expect(row.slice(2, 7)).toEqual([
        'Demo Regionekonom',
        'user:ekonom.region',
        'skapade',
        'Faktureringskörning',
        'Körning 1, Uppdrag dagtid 2026-01',
      ]);
      expect(row[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      // The changes in words (Swedish field names, named values) before the stored JSON.
      const changes = /;"([^"]*→[^"]*)";/.exec(lines[1] ?? '')?.[1] ?? '';
      expect(changes).toContain('Flöde: – → ');
      expect(changes).not.toMatch(/[{}[\]]|"flow"|billing_run/);
    });

    it('lists who and what the log holds, for the filters', async () => {
      const res = await admin.request('GET', '/api/v1/audit/facets');
      const f = res.body as {
        actors: { id: string; name: string }[];
        actions: { id: string; label: string }[];
        entities: { id: string; label: string }[];
      };
      expect(f.actors).toContainEqual({ id: 'user:ekonom.region', name: 'Demo Regionekonom' });
      expect(f.actors).toContainEqual({ id: 'system:demo', name: 'systemet (demodata)' });
      expect(f.actions).toContainEqual({ id: 'create', label: 'skapade' });
      expect(f.entities).toContainEqual({ id: 'invoice_bases', label: 'Fakturaunderlag' });
    });

    it('users carry a validated e-mail address', async () => {
      const bad = await admin.request('POST', '/api/v1/users', {
        username: 'epost.fel',
        role: 'viewer',
        password: 'ett-langt-losenord',
        email: 'anna.regionjh.se',
      });
      expect(bad.status).toBe(400);
      expect((bad.body as ErrorBody).error.location.field).toBe('email');
      const ok = await admin.request('POST', '/api/v1/users', {
        username: 'epost.ratt',
        role: 'viewer',
        password: 'ett-langt-losenord',
        email: ' Anna.Berg@RegionJH.se ',
      });
      expect(ok.status).toBe(201);
      const user = (ok.body as { user: { id: string; email: string | null } }).user;
      expect(user.email).toBe('anna.berg@regionjh.se');
      expect((await admin.request('PATCH', `/api/v1/users/${user.id}`, { email: 'inte en adress' })).status).toBe(400);
      const cleared = await admin.request('PATCH', `/api/v1/users/${user.id}`, { email: null });
      expect((cleared.body as { user: { email: string | null } }).user.email).toBeNull();
    });

    it("an index value's page lists the bases computed with each version", async () => {
      const path = `/api/v1/index-values/${used.series}/${String(used.year)}/bases`;
      const before = (await region.request('GET', path)).body as IndexBases;
      const current = before.versions.find((v) => v.current);
      expect(current?.invoiceBases.map((b) => b.id).sort()).toEqual([...basisIds].sort());
      // A new version: the bases stay with the version they were computed with.
      const added = await admin.request('POST', '/api/v1/index-values', {
        series: used.series,
        year: used.year,
        percent: '9.9',
        source: 'rättat värde',
      });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      const after = (await region.request('GET', path)).body as IndexBases;
      expect(after.versions[0]).toMatchObject({ current: true, invoiceBases: [] });
      expect(after.versions.find((v) => v.version.version === current?.version.version)).toMatchObject({ current: false });
      expect(after.versions.find((v) => v.version.version === current?.version.version)?.invoiceBases).toHaveLength(basisIds.length);
      // A municipality economist sees only the bases where their municipality is a party.
      const krokom = await login(t.url, 'ekonom.krokom');
      const scoped = (await krokom.request('GET', path)).body as IndexBases;
      const seen = scoped.versions.flatMap((v) => v.invoiceBases);
      expect(seen.every((b) => b.seller.id === '2309' || b.buyer.id === '2309')).toBe(true);
      expect((await region.request('GET', '/api/v1/index-values/XYZ/2026/bases')).status).toBe(400);
    });
  });
}
