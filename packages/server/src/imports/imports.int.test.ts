/**
 * Imports over HTTP against the real server, on SQLite and PostgreSQL: every kind accepted in every
 * dialect (and each further dialect of the same records adds nothing), all-or-nothing with every
 * bad row reported, the same file twice, personnummer refusal, scoping of municipality economists,
 * and one audit row per import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { anonymous, login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';
import { csvText, encode, uploadFile, type Answer } from './upload.testkit.js';
import { fixtureCsv, fixtureXlsx, kindFixtures, XLSX_TYPE } from './import-fixtures.testkit.js';

interface Report {
  kind: string;
  rows: number;
  inserted: number;
  duplicates: number;
  alreadyImported: boolean;
  encoding: string | null;
  format: string;
  import: { id: string; municipality: string | null; rowCount: number } | null;
}
interface RejectedBody {
  error: {
    code: string;
    message: string;
    location: { line?: number; field?: string; file?: string };
    details: { line: number; field: string; reason: string; message: string; value?: string }[];
  };
}

const report = (a: Answer): Report => a.body as Report;
const rejected = (a: Answer): RejectedBody => a.body as RejectedBody;

const DAYTIME_HEADER = ['datum', 'starttid', 'utförare', 'beställare', 'insatstid', 'referens'];

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: imports`, () => {
    let t: TestServer;
    const clients = new Map<string, Client>();
    const client = (username: string): Client => {
      const c = clients.get(username);
      if (!c) throw new Error(username);
      return c;
    };
    const count = async (table: 'import_rows' | 'imports' | 'audit_log'): Promise<number> =>
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const importAudits = async (): Promise<number> =>
      (
        await t.store.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('entity', '=', 'imports')
          .executeTakeFirstOrThrow()
      ).n;

    beforeAll(async () => {
      t = await startTestServer(target);
      for (const u of ['admin', 'ekonom.region', 'ekonom.ostersund', 'ekonom.krokom', 'lasare']) clients.set(u, await login(t.url, u));
    });
    afterAll(async () => {
      await t.stop();
    });

    describe.each(kindFixtures.map((f) => [f.kind, f] as const))('%s', (_kind, f) => {
      it('is accepted as semicolon CSV with decimal commas; every other dialect of the same records adds nothing', async () => {
        const c = client(f.user);
        const audits = await importAudits();
        const first = await uploadFile(t.url, c, f.kind, fixtureCsv(f, 'sv-semicolon'), `${f.kind}.csv`);
        expect(first.status, JSON.stringify(first.body)).toBe(201);
        expect(report(first)).toMatchObject({
          rows: f.rows.length,
          inserted: f.records,
          duplicates: 0,
          alreadyImported: false,
          encoding: 'utf-8',
          format: 'csv',
        });
        expect(await importAudits()).toBe(audits + 1);

        for (const [dialect, bytes, type] of [
          ['en-comma', fixtureCsv(f, 'en-comma'), 'text/csv'],
          ['sv-1252', fixtureCsv(f, 'sv-1252'), 'text/csv'],
          ['sv-bom', fixtureCsv(f, 'sv-bom'), 'application/octet-stream'],
          ['xlsx', await fixtureXlsx(f), XLSX_TYPE],
        ] as const) {
          const again = await uploadFile(t.url, c, f.kind, bytes, `${f.kind}.${dialect}`, type);
          expect(again.status, `${dialect}: ${JSON.stringify(again.body)}`).toBe(200);
          expect(report(again), dialect).toMatchObject({
            rows: f.rows.length,
            inserted: 0,
            duplicates: f.records,
            alreadyImported: true,
            import: null,
          });
          if (dialect === 'sv-1252') expect(report(again).encoding).toBe('windows-1252');
          if (dialect === 'sv-bom') expect(report(again).encoding).toBe('utf-8-bom');
          if (dialect === 'xlsx') expect(report(again).format).toBe('xlsx');
        }
        // The very same file again is recognised by its hash and answers with the first import.
        const same = await uploadFile(t.url, c, f.kind, fixtureCsv(f, 'sv-semicolon'), `${f.kind}-igen.csv`);
        expect(same.status).toBe(200);
        expect(report(same)).toMatchObject({ alreadyImported: true, inserted: 0, import: { id: report(first).import?.id } });
        expect(await importAudits()).toBe(audits + 1);
      });
    });

    it('stores amounts in öre, decimals exactly, and codes for municipalities', async () => {
      const orders = (await client('ekonom.region').request('GET', '/api/v1/records?kind=mt-work-orders&period=2026-05')).body as {
        records: { buyer: string; data: Record<string, unknown> }[];
      };
      expect(orders.records).toHaveLength(1);
      expect(orders.records[0]).toMatchObject({
        buyer: '2313',
        data: { minutes: 95, travelOre: 125050, consumablesOre: 0, sparePartsOre: 9990, reference: 'AO-1' },
      });
      const index = (await client('admin').request('GET', '/api/v1/index-values?series=VPI&history=true')).body as {
        indexValues: { year: number; percent: string; kind: string; version: number }[];
      };
      expect(index.indexValues.filter((v) => v.year === 2030)).toEqual([
        expect.objectContaining({ percent: '2.5', kind: 'forecast', version: 1 }),
      ]);
      const keys = (await client('admin').request('GET', '/api/v1/allocation-keys?history=true')).body as {
        allocationKeys: { name: string; version: number; factors: { weight: string; values: Record<string, string> }[] }[];
      };
      const key = keys.allocationKeys.filter((k) => k.name === 'testnyckel');
      expect(key).toHaveLength(1);
      expect(key[0]?.factors.map((x) => x.weight)).toEqual(['0.6', '0.4']);
      expect(key[0]?.factors[1]?.values['2380']).toBe('17.5');
    });

    it('writes nothing when any row is bad, and lists every bad row with line, column and a Swedish reason', async () => {
      const c = client('ekonom.region');
      const before = { rows: await count('import_rows'), imports: await count('imports'), audit: await count('audit_log') };
      const csv = csvText([
        DAYTIME_HEADER,
        ['2026-07-01', '09:00', 'Östersund', 'region', '30', 'OK-1'],
        ['2026-07-32', '09:00', 'Östersund', 'region', '30', 'BAD-1'],
        ['2026-07-02', '10:00', 'region', 'Krokom', '45', 'OK-2'],
        ['2026-07-03', '11:00', 'Oslo', 'region', 'tre', 'BAD-2'],
        ['2026-07-04', '12:00', 'Åre', 'region', '15', 'OK-3'],
      ]);
      const res = await uploadFile(t.url, c, 'daytime-assignments', encode(csv, 'utf-8'), 'med-fel.csv');
      expect(res.status).toBe(422);
      const body = rejected(res);
      expect(body.error.code).toBe('SAMV_ERR_IMPORT_REJECTED');
      expect(body.error.message).toContain('inget har sparats');
      expect(body.error.details.map((d) => [d.line, d.field])).toEqual([
        [3, 'datum'],
        [5, 'utförare'],
        [5, 'insatstid'],
      ]);
      expect(body.error.details[0]?.reason).toContain('inget giltigt datum');
      expect(body.error.details[1]?.reason).toContain('okänd kommun "Oslo"');
      expect(body.error.details[2]?.reason).toContain('inget antal minuter');
      expect(body.error.details[2]?.message).toBe(`rad 5, kolumn "insatstid": ${body.error.details[2]?.reason ?? ''}`);
      expect({ rows: await count('import_rows'), imports: await count('imports'), audit: await count('audit_log') }).toEqual(before);
      const records = (await c.request('GET', '/api/v1/records?kind=daytime-assignments&period=2026-07')).body as { records: unknown[] };
      expect(records.records).toEqual([]);
    });

    it('refuses a file with a header and no rows', async () => {
      const res = await uploadFile(
        t.url,
        client('ekonom.region'),
        'daytime-assignments',
        encode(csvText([DAYTIME_HEADER]), 'utf-8'),
        'tom.csv',
      );
      expect(res.status).toBe(422);
      expect(rejected(res).error.details).toEqual([
        expect.objectContaining({ line: 2, reason: expect.stringContaining('inga rader') as unknown }),
      ]);
    });

    it('reports a wrong header on line 1 instead of failing every row', async () => {
      const csv = csvText([
        ['datum', 'starttid', 'säljare', 'köparen', 'insatstid'],
        ['2026-07-01', '09:00', 'Östersund', 'region', '30'],
      ]);
      const res = await uploadFile(t.url, client('ekonom.region'), 'daytime-assignments', encode(csv, 'utf-8'), 'rubrik.csv');
      expect(res.status).toBe(422);
      expect(rejected(res).error.details.map((d) => [d.line, d.field])).toEqual([
        [1, 'köparen'],
        [1, 'beställare'],
      ]);
    });

    it('refuses a file with anything that looks like a personnummer, naming line and column but not the number', async () => {
      const before = await count('import_rows');
      for (const pnr of ['19121212-1212', '121212+1212', '191212121212']) {
        const csv = csvText([
          DAYTIME_HEADER,
          ['2026-08-01', '09:00', 'Östersund', 'region', '30', 'ok'],
          ['2026-08-02', '09:00', 'Östersund', 'region', '30', `patient ${pnr}`],
        ]);
        const res = await uploadFile(t.url, client('ekonom.region'), 'daytime-assignments', encode(csv, 'utf-8'), 'pnr.csv');
        expect(res.status).toBe(422);
        const body = rejected(res);
        expect(body.error.code).toBe('SAMV_ERR_PERSONNUMMER');
        expect(body.error.location).toMatchObject({ line: 3, field: 'referens' });
        expect(JSON.stringify(body)).not.toContain(pnr);
      }
      const inHeader = csvText([
        [...DAYTIME_HEADER.slice(0, 5), '19121212-1212'],
        ['2026-08-01', '09:00', 'Östersund', 'region', '30', 'x'],
      ]);
      expect(
        rejected(await uploadFile(t.url, client('ekonom.region'), 'daytime-assignments', encode(inHeader, 'windows-1252'), 'pnr2.csv'))
          .error.code,
      ).toBe('SAMV_ERR_PERSONNUMMER');
      expect(await count('import_rows')).toBe(before);
    });

    it('lets a municipality economist import only rows where their municipality is a party, and see only those', async () => {
      const ost = client('ekonom.ostersund');
      const own = csvText([
        DAYTIME_HEADER,
        ['2026-09-01', '09:00', 'Östersund', 'region', '30', 'OST-1'],
        ['2026-09-02', '09:00', 'region', '2380', '40', 'OST-2'],
      ]);
      const ok = await uploadFile(t.url, ost, 'daytime-assignments', encode(own, 'utf-8'), 'ostersund.csv');
      expect(ok.status).toBe(201);
      expect(report(ok).import?.municipality).toBe('2380');

      const mixed = csvText([
        DAYTIME_HEADER,
        ['2026-09-03', '09:00', 'Östersund', 'region', '30', 'OST-3'],
        ['2026-09-04', '09:00', 'Krokom', 'region', '30', 'KRO-1'],
      ]);
      const refused = await uploadFile(t.url, ost, 'daytime-assignments', encode(mixed, 'utf-8'), 'blandad.csv');
      expect(refused.status).toBe(422);
      expect(rejected(refused).error.details).toEqual([
        expect.objectContaining({ line: 3, reason: expect.stringContaining('din kommun (Östersund) är inte part') as unknown }),
      ]);

      const kro = client('ekonom.krokom');
      const krokom = csvText([DAYTIME_HEADER, ['2026-09-05', '10:00', 'Krokom', 'region', '30', 'KRO-2']]);
      expect((await uploadFile(t.url, kro, 'daytime-assignments', encode(krokom, 'utf-8'), 'krokom.csv')).status).toBe(201);

      const seen = (await ost.request('GET', '/api/v1/records?kind=daytime-assignments&limit=1000')).body as {
        records: { seller: string; buyer: string; municipality: string; data: { reference?: string } }[];
      };
      expect(seen.records.length).toBeGreaterThan(0);
      expect(seen.records.every((r) => [r.seller, r.buyer, r.municipality].includes('2380'))).toBe(true);
      expect(seen.records.some((r) => r.data.reference === 'KRO-2')).toBe(false);
      const imports = (await ost.request('GET', '/api/v1/imports')).body as { imports: { filename: string; municipality: string }[] };
      expect(imports.imports.map((i) => i.filename)).toContain('ostersund.csv');
      expect(imports.imports.every((i) => i.municipality === '2380')).toBe(true);
      const all = (await client('lasare').request('GET', '/api/v1/imports?limit=1000')).body as { imports: { filename: string }[] };
      expect(all.imports.map((i) => i.filename)).toEqual(expect.arrayContaining(['ostersund.csv', 'krokom.csv']));

      // County-wide records and reference data are not theirs to import.
      const counts = await uploadFile(t.url, ost, 'connected-counts', encode('år;antal\n2028;140\n', 'utf-8'), 'anslutna.csv');
      expect(counts.status).toBe(403);
      expect(rejected(counts).error.message).toContain('gäller hela länet');
      expect(
        (await uploadFile(t.url, ost, 'index-values', encode('serie;år;procent;källa\nVPI;2031;2;x\n', 'utf-8'), 'index.csv')).status,
      ).toBe(403);
    });

    it('streams a larger upload in many chunks, whatever text content type the browser sends', async () => {
      const rows = Array.from({ length: 30_000 }, (_, i) => [
        `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
        '10:00',
        i % 2 === 0 ? 'Åre' : 'region',
        i % 2 === 0 ? 'region' : 'Berg',
        String(1 + (i % 120)),
        `STOR-${String(i)}`,
      ]);
      const bytes = encode(csvText([DAYTIME_HEADER, ...rows]), 'windows-1252');
      expect(bytes.length).toBeGreaterThan(1_000_000);
      const res = await uploadFile(
        t.url,
        client('ekonom.region'),
        'daytime-assignments',
        bytes,
        'stor.csv',
        'text/plain; charset=windows-1252',
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(report(res)).toMatchObject({ rows: 30_000, inserted: 30_000, encoding: 'windows-1252' });
      const again = await uploadFile(
        t.url,
        client('ekonom.region'),
        'daytime-assignments',
        encode(csvText([DAYTIME_HEADER, ...rows]), 'utf-8'),
        'stor-utf8.csv',
        'text/csv; charset=utf-8',
      );
      expect(report(again)).toMatchObject({ inserted: 0, duplicates: 30_000 });
    });

    it('refuses readers, anonymous callers, unknown kinds and non-file bodies', async () => {
      const csv = encode(csvText([DAYTIME_HEADER, ['2026-10-01', '09:00', 'Östersund', 'region', '30', 'R']]), 'utf-8');
      expect((await uploadFile(t.url, client('lasare'), 'daytime-assignments', csv, 'x.csv')).status).toBe(403);
      expect((await uploadFile(t.url, anonymous(t.url), 'daytime-assignments', csv, 'x.csv')).status).toBe(401);
      const unknown = await uploadFile(t.url, client('ekonom.region'), 'okand-typ', csv, 'x.csv');
      expect(unknown.status).toBe(400);
      expect(rejected(unknown).error.message).toContain('daytime-assignments');
      const json = await client('ekonom.region').request('POST', '/api/v1/imports/daytime-assignments', { rows: [] });
      expect(json.status).toBe(400);
    });

    it('lists the kinds with their Swedish and English column names', async () => {
      const kinds = (await client('lasare').request('GET', '/api/v1/import-kinds')).body as {
        kinds: { kind: string; columns: { name: string; english: string; required: boolean }[] }[];
      };
      expect(kinds.kinds.map((k) => k.kind)).toEqual(kindFixtures.map((f) => f.kind));
      expect(kinds.kinds[0]?.columns[0]).toEqual(expect.objectContaining({ name: 'datum', english: 'date', required: true }));
    });
  });
}
