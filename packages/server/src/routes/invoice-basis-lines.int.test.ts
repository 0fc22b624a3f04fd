/**
 * A basis's detail view carries a window of its lines, not all of them (issue 11, point 3: no
 * answer of megabytes by default): 500 lines unless asked, with `lineCount` and `linesOffset`;
 * `linesOffset`/`linesLimit` page through them in order; a limit beyond the most is refused in
 * Swedish naming the field; the answer to an action (approve) carries the first window too. The
 * exports read every line from the store themselves (`linesOf`). On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type TestServer } from '../testing/test-server.testkit.js';
import { uploadFile } from '../imports/upload.testkit.js';
import { approveConfirmed } from '../billing/approve.testkit.js';
import { oneBasisDaytimeCsv } from '../billing/one-basis.testkit.js';

/** Lines of the one basis (the region lending to Östersund in May). */
const LINES = 1_234;

interface Line {
  readonly lineNo: number;
  readonly reference: string | null;
}
interface Basis {
  readonly id: string;
  readonly lines: readonly Line[];
  readonly lineCount: number;
  readonly linesOffset: number;
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: a basis's lines in windows`, () => {
    let t: TestServer;
    let basisId: string;
    let region: Awaited<ReturnType<typeof login>>;
    beforeAll(async () => {
      t = await startTestServer(target);
      region = await login(t.url, 'ekonom.region');
      const imported = await uploadFile(t.url, region, 'daytime-assignments', oneBasisDaytimeCsv(LINES, '2026-05'), 'maj-en-part.csv');
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      const run = await region.request('POST', '/api/v1/billing-runs', { flow: 'dagtid', period: '2026-05' });
      expect(run.status, JSON.stringify(run.body)).toBe(201);
      const bases = (run.body as { invoiceBases: { id: string }[] }).invoiceBases;
      expect(bases).toHaveLength(1);
      basisId = bases[0]?.id ?? '';
    }, 120_000);
    afterAll(async () => {
      await t.stop();
    });

    const get = async (query = ''): Promise<{ status: number; body: unknown }> =>
      region.request('GET', `/api/v1/invoice-bases/${basisId}${query}`);

    it('gives the first 500 lines by default, with the count and the offset', async () => {
      const res = await get();
      expect(res.status).toBe(200);
      const b = (res.body as { invoiceBasis: Basis }).invoiceBasis;
      expect(b.lineCount).toBe(LINES);
      expect(b.linesOffset).toBe(0);
      expect(b.lines.map((l) => l.lineNo)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    });

    it('pages through every line once, in order, with linesOffset and linesLimit', async () => {
      const seen: number[] = [];
      const references = new Set<string>();
      for (let offset = 0; offset < LINES; offset += 400) {
        const res = await get(`?linesOffset=${String(offset)}&linesLimit=400`);
        expect(res.status).toBe(200);
        const b = (res.body as { invoiceBasis: Basis }).invoiceBasis;
        expect(b.linesOffset).toBe(offset);
        expect(b.lineCount).toBe(LINES);
        for (const l of b.lines) {
          seen.push(l.lineNo);
          references.add(l.reference ?? '');
        }
      }
      expect(seen).toEqual(Array.from({ length: LINES }, (_, i) => i + 1));
      expect(references.size).toBe(LINES);
      const past = (await get(`?linesOffset=${String(LINES)}`)).body as { invoiceBasis: Basis };
      expect(past.invoiceBasis.lines).toEqual([]);
      expect(past.invoiceBasis.lineCount).toBe(LINES);
    });

    it('refuses a window beyond the most, or a negative offset, in Swedish naming the field', async () => {
      const tooMany = await get('?linesLimit=5001');
      expect(tooMany.status).toBe(400);
      expect(tooMany.body).toMatchObject({ error: { code: 'SAMV_ERR_INVALID_INPUT', location: { field: 'query.linesLimit' } } });
      expect((tooMany.body as { error: { message: string } }).error.message).toBe('Fältet ”Antal rader som visas” får vara högst 5000.');
      const negative = await get('?linesOffset=-1');
      expect(negative.status).toBe(400);
      expect(negative.body).toMatchObject({ error: { location: { field: 'query.linesOffset' } } });
    });

    it('answers an approval with the first window; every line stays stored for the exports', async () => {
      const approved = await approveConfirmed(region, basisId);
      expect(approved.status).toBe(200);
      const b = (approved.body as { invoiceBasis: Basis }).invoiceBasis;
      expect(b.lines).toHaveLength(500);
      expect(b.lineCount).toBe(LINES);
      const stored = await t.store.db
        .selectFrom('invoice_lines')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('invoice_basis_id', '=', basisId)
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(LINES);
    });
  });
}
