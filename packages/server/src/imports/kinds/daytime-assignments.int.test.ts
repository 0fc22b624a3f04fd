/**
 * No double direction at import (decision 0070), on SQLite and PostgreSQL: a daytime row with
 * the region as lender, a municipality as hirer and a home region would bill one visit to both the
 * municipality and the home region; the whole file is refused naming the line and the columns,
 * and nothing is stored. The region hiring municipal staff for a person of another region is
 * accepted and billed once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../../testing/test-server.testkit.js';
import { csvText, encode, uploadFile, type Answer } from '../upload.testkit.js';

interface RejectedBody {
  error: { code: string; message: string; details: { line: number; field: string; reason: string; message: string }[] };
}

const HEADER = ['datum', 'starttid', 'utförare', 'beställare', 'insatstid', 'folkbokföringskommun', 'hemregion', 'referens'];

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: daytime assignments map to one seller → buyer pair`, () => {
    let t: TestServer;
    let region: Client;
    const count = async (table: 'import_rows' | 'imports' | 'audit_log'): Promise<number> =>
      (
        await t.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const snapshot = async () => ({ rows: await count('import_rows'), imports: await count('imports'), audit: await count('audit_log') });
    const upload = (rows: readonly (readonly string[])[], name: string): Promise<Answer> =>
      uploadFile(t.url, region, 'daytime-assignments', encode(csvText([HEADER, ...rows]), 'utf-8'), name);

    beforeAll(async () => {
      t = await startTestServer(target);
      region = await login(t.url, 'ekonom.region');
    });
    afterAll(async () => {
      await t.stop();
    });

    it('refuses the whole file when a row has the region as lender, a municipality as hirer and a home region', async () => {
      const before = await snapshot();
      const res = await upload(
        [
          ['2026-09-01', '09:00', 'Östersund', 'region', '30', '', '', 'OK-1'],
          ['2026-09-02', '10:00', 'region', 'Östersund', '61', '', 'Region Stockholm', 'DUBBEL-1'],
        ],
        'dubbel-riktning.csv',
      );
      expect(res.status).toBe(422);
      const body = res.body as RejectedBody;
      expect(body.error.code).toBe('SAMV_ERR_IMPORT_REJECTED');
      expect(body.error.details).toHaveLength(1);
      const d = body.error.details[0];
      expect(d?.line).toBe(3);
      expect(d?.field).toBe('hemregion');
      for (const column of ['"utförare" = "region"', '"beställare" = "Östersund"', '"hemregion" = "Region Stockholm"'])
        expect(d?.reason).toContain(column);
      expect(d?.reason).toContain('två betalare');
      expect(d?.message).toMatch(/^rad 3, kolumn "hemregion": /);
      expect(await snapshot()).toEqual(before);
      const records = (await region.request('GET', '/api/v1/records?kind=daytime-assignments&period=2026-09')).body as {
        records: unknown[];
      };
      expect(records.records).toEqual([]);
    });

    it('refuses a row with the region (or two municipalities) on both sides, naming lender and hirer', async () => {
      const before = await snapshot();
      const res = await upload(
        [
          ['2026-09-03', '09:00', 'region', 'region', '30', '', '', 'R-R'],
          ['2026-09-04', '09:00', 'Krokom', 'Åre', '30', '', '', 'K-K'],
        ],
        'ingen-riktning.csv',
      );
      expect(res.status).toBe(422);
      const details = (res.body as RejectedBody).error.details;
      expect(details.map((x) => [x.line, x.field])).toEqual([
        [2, 'beställare'],
        [3, 'beställare'],
      ]);
      expect(details[1]?.reason).toContain('"utförare" = "Krokom", "beställare" = "Åre"');
      expect(await snapshot()).toEqual(before);
    });

    it('accepts the region hiring municipal staff for a person of another region, and bills it once (2380 → region)', async () => {
      const res = await upload([['2026-09-07', '09:00', 'Östersund', 'region', '61', '', 'Region Stockholm', 'HEM-1']], 'hemregion.csv');
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const run = await region.request('POST', '/api/v1/billing-runs', { flow: 'dagtid', period: '2026-09' });
      expect(run.status, JSON.stringify(run.body)).toBe(201);
      const started = run.body as {
        run: { notes: string[] };
        invoiceBases: { seller: { id: string }; buyer: { id: string }; totalOre: number }[];
      };
      expect(started.invoiceBases.map((b) => [b.seller.id, b.buyer.id])).toEqual([['2380', 'region']]);
      expect(started.run.notes).toContainEqual(expect.stringContaining('Region Stockholm'));
    });
  });
}
