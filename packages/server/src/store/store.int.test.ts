/**
 * The store on both databases: migrations (idempotent), connection settings, BIGINT öre as
 * numbers, foreign keys, flags, and party scoping done in SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import { databaseTargets, type TestDatabase } from '../testing/databases.testkit.js';
import { openStore, type Store } from './db.js';
import { seedMunicipalities } from './seed-municipalities.js';
import { flag } from './flag.js';
import { partyScope } from '../auth/scope.js';
import type { SessionUser } from '../auth/session-user.js';

const ostersund: SessionUser = { id: 'u1', username: 'e.ost', displayName: 'Ö', role: 'municipality_economist', municipality: '2380' };
const krokom: SessionUser = { id: 'u2', username: 'e.kro', displayName: 'K', role: 'municipality_economist', municipality: '2309' };
const regionEconomist: SessionUser = { id: 'u3', username: 'e.reg', displayName: 'R', role: 'region_economist', municipality: null };

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: store`, () => {
    let db: TestDatabase;
    let store: Store;

    beforeAll(async () => {
      db = await target.create();
      store = openStore(db.options);
      await store.migrate();
      await seedMunicipalities(store, readAgreement());
    });
    afterAll(async () => {
      await store.close();
      await db.drop();
    });

    it('migrates once; a second run applies nothing', async () => {
      expect(await store.migrate()).toEqual([]);
      const n = await store.db
        .selectFrom('municipalities')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(n.n).toBe(8);
    });

    it('round-trips BIGINT öre beyond 2^31 as a number', async () => {
      await store.db
        .insertInto('billing_runs')
        .values({
          id: 'run-1',
          flow: 'mt-fixed',
          period: '2026-H1',
          status: 'done',
          started_by: 'test',
          started_at: '2026-01-01T00:00:00.000Z',
          finished_at: null,
          demo: 0,
        })
        .execute();
      const big = 9_007_199_254_740_991; // Number.MAX_SAFE_INTEGER öre
      await store.db
        .insertInto('invoice_bases')
        .values({
          id: 'ib-big',
          billing_run_id: 'run-1',
          flow: 'mt-fixed',
          period: '2026-H1',
          seller_code: 'region',
          buyer_code: '2380',
          status: 'draft',
          total_ore: big,
          trace_json: '{}',
          credit_of: null,
          created_at: '2026-01-01T00:00:00.000Z',
          approved_by: null,
          approved_at: null,
          sent_at: null,
          demo: 1,
        })
        .execute();
      const row = await store.db
        .selectFrom('invoice_bases')
        .select(['total_ore', 'demo'])
        .where('id', '=', 'ib-big')
        .executeTakeFirstOrThrow();
      expect(row.total_ore).toBe(big);
      expect(typeof row.total_ore).toBe('number');
      expect(flag(row.demo)).toBe(true);
    });

    it('enforces foreign keys', async () => {
      await expect(
        store.db
          .insertInto('import_rows')
          .values({
            id: 'x',
            import_id: 'no-such-import',
            line: 1,
            kind: 'k',
            period: '2026-01',
            seller_code: null,
            buyer_code: null,
            municipality_code: null,
            amount_ore: null,
            data_json: '{}',
            demo: 0,
          })
          .execute(),
      ).rejects.toThrow();
    });

    it('enforces the municipality rule of roles in the table itself', async () => {
      await expect(
        store.db
          .insertInto('users')
          .values({
            id: 'bad',
            username: 'bad',
            display_name: 'x',
            role: 'municipality_economist',
            municipality_code: null,
            password_hash: null,
            email: null,
            active: 1,
            demo: 0,
            created_at: 'now',
          })
          .execute(),
      ).rejects.toThrow();
    });

    it('scopes rows to the municipality economist’s own municipality in SQL', async () => {
      const base = {
        billing_run_id: null,
        flow: 'daytime',
        period: '2026-01',
        status: 'draft',
        total_ore: 100,
        trace_json: '{}',
        credit_of: null,
        created_at: 'x',
        approved_by: null,
        approved_at: null,
        sent_at: null,
        demo: 0 as const,
      };
      await store.db
        .insertInto('invoice_bases')
        .values([
          { ...base, id: 'ib-ost-sells', seller_code: '2380', buyer_code: 'region' },
          { ...base, id: 'ib-kro-buys', seller_code: 'region', buyer_code: '2309' },
          { ...base, id: 'ib-ost-buys', seller_code: 'region', buyer_code: '2380' },
        ])
        .execute();
      const ids = async (u: SessionUser): Promise<string[]> =>
        (
          await store.db
            .selectFrom('invoice_bases')
            .select('id')
            .where('flow', '=', 'daytime')
            .where(partyScope(u, ['seller_code', 'buyer_code']))
            .orderBy('id')
            .execute()
        ).map((r) => r.id);
      expect(await ids(ostersund)).toEqual(['ib-ost-buys', 'ib-ost-sells']);
      expect(await ids(krokom)).toEqual(['ib-kro-buys']);
      expect(await ids(regionEconomist)).toEqual(['ib-kro-buys', 'ib-ost-buys', 'ib-ost-sells']);
      // Updates are scoped the same way: Krokom cannot touch Östersund's basis.
      const res = await store.db
        .updateTable('invoice_bases')
        .set({ status: 'approved' })
        .where('id', '=', 'ib-ost-sells')
        .where(partyScope(krokom, ['seller_code', 'buyer_code']))
        .executeTakeFirst();
      expect(Number(res.numUpdatedRows)).toBe(0);
    });

    it.skipIf(target.name !== 'SQLite')('sets WAL, foreign keys and a busy timeout on SQLite', async () => {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
      const busy = await sql<{ timeout: number }>`pragma busy_timeout`.execute(store.db);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
      expect(fk.rows[0]?.foreign_keys).toBe(1);
      expect(busy.rows[0]?.timeout).toBe(5000);
    });
  });
}
