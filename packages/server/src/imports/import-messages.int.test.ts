/**
 * What an economist reads when importing (issue 12, point 3), on SQLite and PostgreSQL: decimal
 * minutes where billing is per started hour (stored exactly) and "hela minuter" where it is not
 * (decision 0180); problems and rows counted apart; a municipality economist's scope problem in the
 * same pass as the row's field problems; templates per kind that import once filled in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type TestServer } from '../testing/test-server.testkit.js';
import { csvText, encode, uploadFile, type Answer } from './upload.testkit.js';

interface Rejected {
  error: { code: string; message: string; details: { line: number; field: string; reason: string }[] };
}

const DAYTIME = ['datum', 'starttid', 'utförare', 'beställare', 'insatstid', 'administration', 'referens'];
const rejected = (a: Answer): Rejected => a.body as Rejected;

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: import messages, decimal minutes and templates`, () => {
    let t: TestServer;

    beforeAll(async () => {
      t = await startTestServer(target);
    });
    afterAll(async () => {
      await t.stop();
    });

    it('accepts decimal minutes for daytime assignments and ombud tasks and stores them exactly', async () => {
      const region = await login(t.url, 'ekonom.region');
      const csv = csvText([
        DAYTIME,
        ['2026-10-05', '09:00', 'Östersund', 'region', '37,5', '22.5', 'DEC-1'],
        ['2026-10-06', '09:00', 'Östersund', 'region', '30', '', 'DEC-2'],
      ]);
      const res = await uploadFile(t.url, region, 'daytime-assignments', encode(csv, 'utf-8'), 'decimaler.csv');
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const records = (await region.request('GET', '/api/v1/records?kind=daytime-assignments&period=2026-10')).body as {
        records: { data: { reference?: string; minutes: Record<string, unknown> } }[];
      };
      const dec = records.records.find((r) => r.data.reference === 'DEC-1');
      expect(dec?.data.minutes).toMatchObject({ intervention: '37.5', administration: '22.5' });
      expect(records.records.find((r) => r.data.reference === 'DEC-2')?.data.minutes).toMatchObject({
        intervention: 30,
        administration: 0,
      });
      const ombud = csvText([
        ['datum', 'kommun', 'enhet', 'insatstid'],
        ['2026-10-07', 'Krokom', 'syncentralen', '12,25'],
      ]);
      expect((await uploadFile(t.url, region, 'ombud-tasks', encode(ombud, 'utf-8'), 'ombud.csv')).status).toBe(201);
    });

    it('refuses decimal MT minutes saying "hela minuter", and a word in a minute column as no number of minutes', async () => {
      const region = await login(t.url, 'ekonom.region');
      const mt = csvText([
        ['datum', 'kommun', 'minuter'],
        ['2026-10-05', 'Krokom', '37,5'],
      ]);
      const res = await uploadFile(t.url, region, 'mt-work-orders', encode(mt, 'utf-8'), 'mt.csv');
      expect(res.status).toBe(422);
      expect(rejected(res).error.details[0]?.reason).toContain('hela minuter');
      const word = csvText([DAYTIME, ['2026-10-05', '09:00', 'Östersund', 'region', 'tre', '', 'X']]);
      const bad = await uploadFile(t.url, region, 'daytime-assignments', encode(word, 'utf-8'), 'ord.csv');
      expect(rejected(bad).error.details[0]?.reason).toContain('"tre" är inget antal minuter');
    });

    it('counts problems and rows apart, and gives a municipality economist the scope problem with the field problems in one pass', async () => {
      const ost = await login(t.url, 'ekonom.ostersund');
      const csv = csvText([
        DAYTIME,
        ['2026-10-32', '09:00', 'Krokom', 'region', 'tre', '', 'A'],
        ['2026-10-02', '09:00', 'Östersund', 'region', '30', 'x', 'B'],
        ['2026-10-03', '09:00', 'Östersund', 'region', '30', '', 'C'],
      ]);
      const res = await uploadFile(t.url, ost, 'daytime-assignments', encode(csv, 'utf-8'), 'tva-omgangar.csv');
      expect(res.status).toBe(422);
      const body = rejected(res);
      expect(body.error.details.map((d) => [d.line, d.field])).toEqual([
        [2, 'datum'],
        [2, 'insatstid'],
        [2, '(rad)'],
        [3, 'administration'],
      ]);
      expect(body.error.details[2]?.reason).toContain('din kommun (Östersund) är inte part');
      expect(body.error.message).toContain('4 problem på 2 rader, inget har sparats. Rätta felen nedan');
    });

    it('serves a CSV and an Excel template per kind (English or Swedish name); the CSV filled in imports', async () => {
      const region = await login(t.url, 'ekonom.region');
      const csv = await region.request('GET', '/api/v1/imports/templates/daytime-assignments.csv');
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(csv.headers.get('content-disposition')).toContain('mall-daytime-assignments.csv');
      const text = csv.body as string;
      expect(text.startsWith('\uFEFF')).toBe(false); // fetch's text() drops the BOM; the bytes are checked in templates.test.ts
      expect(text).toContain(
        'datum (ÅÅÅÅ-MM-DD);starttid (TT:MM);utförare (region eller kommun);beställare (region eller kommun);insatstid (minuter);',
      );
      const filled = `${text.trim()}\r\n2026-11-02;09:00;Östersund;region;37,5;;;;;;;;\r\n`;
      const imported = await uploadFile(t.url, region, 'daytime-assignments', encode(filled, 'utf-8-bom'), 'mall-ifylld.csv');
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      const xlsx = await region.request('GET', '/api/v1/imports/templates/uppdrag-dagtid.xlsx');
      expect(xlsx.status).toBe(200);
      expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const unknown = await region.request('GET', '/api/v1/imports/templates/okand.csv');
      expect(unknown.status).toBe(400);
      const kinds = (await region.request('GET', '/api/v1/import-kinds')).body as {
        kinds: { kind: string; templates: { csv: string }; columns: { name: string; unit: string; forms: string }[] }[];
      };
      const daytime = kinds.kinds.find((k) => k.kind === 'daytime-assignments');
      expect(daytime?.templates.csv).toBe('/api/v1/imports/templates/daytime-assignments.csv');
      expect(daytime?.columns.find((c) => c.name === 'insatstid')).toMatchObject({
        unit: 'minuter',
        forms: expect.stringContaining('37,5') as unknown,
      });
    });
  });
}
