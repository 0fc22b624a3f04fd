/**
 * Every tampering case of the hardening issue (point 7, decision 0100), on SQLite and PostgreSQL:
 * a database with the demo data set (users, imports, index values, disputes) written through the
 * service, then changed beside it with plain SQL, as someone with database access but without
 * the audit key or the checkpoint file would. `verifyAudit` must name each case; after each test
 * the change is undone and the trail verifies again (so every case starts from an intact trail).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import { databaseTargets, type TestDatabase } from '../testing/databases.testkit.js';
import { prepareStore } from '../store/prepare-store.js';
import type { Store } from '../store/db.js';
import type { AuditRow } from '../store/schema.js';
import { createUser } from '../auth/users.js';
import { auditHash, auditMac } from './audit-hash.js';
import { auditKeyFrom } from './audit-key.js';
import { verifyAudit, type AuditVerification } from './verify-audit.js';
import { flag, toFlag } from '../store/flag.js';

/** A row read back, made insertable again: flag columns come back as booleans on PostgreSQL. */
function reinsertable<T extends object>(row: T, flags: readonly (keyof T)[]): T {
  const out = { ...row };
  for (const k of flags) (out as Record<keyof T, unknown>)[k] = toFlag(flag(row[k] as boolean | number));
  return out;
}

const agreement = readAgreement();

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: audit tampering is detected`, () => {
    let db: TestDatabase;
    let dir: string;
    let checkpointFile: string;
    let store: Store;
    let rows: AuditRow[];
    let checkpoints: string;

    const verify = (): Promise<AuditVerification> => verifyAudit(store.db);
    const head = (): AuditRow => {
      const last = rows.at(-1);
      if (last === undefined) throw new Error('empty trail');
      return last;
    };
    /** Rewrite rows from `from` on with plain SHA-256, as the old verifier would accept. */
    const recomputeFrom = async (from: number, change: (r: AuditRow) => AuditRow, hashOf: (r: AuditRow) => string): Promise<void> => {
      let prev = rows.find((r) => r.seq === from - 1)?.hash ?? '0'.repeat(64);
      for (const original of rows.filter((r) => r.seq >= from)) {
        const edited = { ...(original.seq === from ? change(original) : original), prev_hash: prev };
        const hash = hashOf(edited);
        await store.db
          .updateTable('audit_log')
          .set({ actor: edited.actor, after_json: edited.after_json, prev_hash: prev, hash })
          .where('seq', '=', original.seq)
          .execute();
        prev = hash;
      }
    };

    beforeAll(async () => {
      db = await target.create();
      dir = mkdtempSync(join(tmpdir(), 'samverkan-audit-'));
      checkpointFile = join(dir, 'checkpoints.jsonl');
      const key = db.options.audit?.key ?? auditKeyFrom('a-test-key-that-is-long-enough-000000', 'test');
      const prepared = await prepareStore({ ...db.options, audit: { key, checkpointFile } }, agreement, true);
      store = prepared.store;
      rows = await store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
      checkpoints = readFileSync(checkpointFile, 'utf8');
    }, 60_000);
    afterAll(async () => {
      await store.close();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    });
    afterEach(async () => {
      // Put the trail and the checkpoints back as the service left them.
      await store.db.deleteFrom('audit_log').execute();
      for (let i = 0; i < rows.length; i += 100)
        await store.db
          .insertInto('audit_log')
          .values(rows.slice(i, i + 100))
          .execute();
      writeFileSync(checkpointFile, checkpoints);
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('verifies the trail the service wrote, with a checkpoint per change', async () => {
      const v = await verify();
      expect(v).toMatchObject({ ok: true, rows: rows.length, lastSeq: head().seq, lastHash: head().hash, legacyRows: 0 });
      if (!v.ok) return;
      expect(v.checkpoints).toBeGreaterThan(5);
      expect(v.objects.users).toBe(6);
      expect(v.objects.imports).toBeGreaterThan(1);
    });

    it('detects deleted newest rows', async () => {
      const n = head().seq;
      await store.db
        .deleteFrom('audit_log')
        .where('seq', '>', n - 3)
        .execute();
      const v = await verify();
      expect(v).toMatchObject({ ok: false, problem: 'truncated', seq: n - 2 });
      if (!v.ok) expect(v.message).toContain(`rad ${String(n - 2)}–${String(n)} saknas; de senaste raderna har raderats`);
    });

    it('detects that all rows were deleted', async () => {
      await store.db.deleteFrom('audit_log').execute();
      const v = await verify();
      expect(v).toMatchObject({ ok: false, problem: 'emptied' });
      if (!v.ok) expect(v.message).toContain('alla rader har raderats');
    });

    it('detects a row edited with every later hash recomputed (plain SHA-256, no key)', async () => {
      await recomputeFrom(3, (r) => ({ ...r, actor: 'user:någon-annan' }), auditHash);
      const v = await verify();
      expect(v).toMatchObject({ ok: false, problem: 'recomputed', seq: 3 });
      if (!v.ok) expect(v.message).toContain('rad 3');
    });

    it('detects a chain recomputed with another key (wrong HMAC)', async () => {
      const wrong = auditKeyFrom('an-attackers-own-key-that-is-long-enough', 'attacker');
      await recomputeFrom(
        2,
        (r) => ({ ...r, after_json: r.after_json === null ? null : r.after_json.replace('Demo', 'Falsk') }),
        (r) => auditMac(wrong, r),
      );
      expect(await verify()).toMatchObject({ ok: false, problem: 'edited', seq: 2 });
    });

    it('detects a forged row appended after the head', async () => {
      const h = head();
      const forged = {
        seq: h.seq + 1,
        at: new Date().toISOString(),
        actor: 'user:admin',
        action: 'update',
        entity: 'users',
        entity_id: rows[0]?.entity_id ?? 'x',
        before_json: null,
        after_json: '{"role":"admin"}',
        prev_hash: h.hash,
        state_json: null,
      };
      await store.db
        .insertInto('audit_log')
        .values({ ...forged, hash: auditHash(forged) })
        .execute();
      const v = await verify();
      expect(v).toMatchObject({ ok: false, problem: 'forged', seq: h.seq + 1 });
      if (!v.ok) expect(v.message).toContain('förfalskad rad');
    });

    it('detects newest rows deleted and the service writing on from there', async () => {
      const n = head().seq;
      await store.db
        .deleteFrom('audit_log')
        .where('seq', '>', n - 2)
        .execute();
      const user = await createUser(store, { username: `efter.${randomUUID().slice(0, 8)}`, role: 'viewer' }, 'user:test');
      const v = await verify();
      expect(v).toMatchObject({ ok: false, problem: 'rewritten', seq: n - 1 });
      if (!v.ok) expect(v.message).toContain('har inte den hash som kontrollpunkten');
      await store.db.deleteFrom('users').where('id', '=', user.id).execute();
    });

    it('detects a checkpoint line that was edited', async () => {
      const lines = checkpoints.trimEnd().split('\n');
      const last = JSON.parse(lines.at(-1) ?? '{}') as { count: number; seq: number };
      lines[lines.length - 1] = JSON.stringify({ ...last, seq: last.seq - 1, count: last.count - 1 });
      writeFileSync(checkpointFile, lines.join('\n') + '\n');
      const v = await verify();
      expect(v).toMatchObject({ ok: false, problem: 'checkpoint' });
      if (!v.ok) expect(v.message).toContain(`rad ${String(lines.length)}`);
    });

    it('detects users.role changed without an audit row', async () => {
      const u = await store.db.selectFrom('users').selectAll().where('username', '=', 'lasare').executeTakeFirstOrThrow();
      await store.db.updateTable('users').set({ role: 'admin' }).where('id', '=', u.id).execute();
      try {
        const v = await verify();
        expect(v).toMatchObject({ ok: false, problem: 'changed-outside', entity: 'users', entityId: u.id });
        if (!v.ok) expect(v.message).toContain(`användaren ${u.id} har ändrats utanför tjänsten`);
      } finally {
        await store.db.updateTable('users').set({ role: u.role }).where('id', '=', u.id).execute();
      }
    });

    it('detects a password hash replaced without an audit row', async () => {
      const u = await store.db.selectFrom('users').selectAll().where('username', '=', 'admin').executeTakeFirstOrThrow();
      await store.db
        .updateTable('users')
        .set({ password_hash: '$argon2id$v=19$m=65536,t=3,p=4$bm9wZQ$bm9wZQ' })
        .where('id', '=', u.id)
        .execute();
      try {
        expect(await verify()).toMatchObject({ ok: false, problem: 'changed-outside', entity: 'users', entityId: u.id });
      } finally {
        await store.db.updateTable('users').set({ password_hash: u.password_hash }).where('id', '=', u.id).execute();
      }
    });

    it('detects a user added and a user deleted without an audit row', async () => {
      const id = randomUUID();
      await store.db
        .insertInto('users')
        .values({
          id,
          username: 'bakdorr',
          display_name: 'Bakdörr',
          role: 'admin',
          municipality_code: null,
          password_hash: null,
          email: null,
          active: 1,
          demo: 0,
          created_at: new Date().toISOString(),
        })
        .execute();
      try {
        expect(await verify()).toMatchObject({ ok: false, problem: 'added-outside', entity: 'users', entityId: id });
      } finally {
        await store.db.deleteFrom('users').where('id', '=', id).execute();
      }
      const u = await store.db.selectFrom('users').selectAll().where('username', '=', 'chef').executeTakeFirstOrThrow();
      await store.db.deleteFrom('users').where('id', '=', u.id).execute();
      try {
        const v = await verify();
        expect(v).toMatchObject({ ok: false, problem: 'deleted-outside', entity: 'users', entityId: u.id });
        if (!v.ok) expect(v.message).toContain('har raderats utanför tjänsten');
      } finally {
        await store.db
          .insertInto('users')
          .values(reinsertable(u, ['active', 'demo', 'must_change_password']) as never)
          .execute();
      }
    });

    it('detects import rows edited, deleted or added without an audit row', async () => {
      const r = await store.db.selectFrom('import_rows').selectAll().orderBy('id').limit(1).executeTakeFirstOrThrow();
      await store.db
        .updateTable('import_rows')
        .set({ data_json: r.data_json.replace(/\d/, '9') === r.data_json ? `${r.data_json} ` : r.data_json.replace(/\d/, '9') })
        .where('id', '=', r.id)
        .execute();
      try {
        const v = await verify();
        expect(v).toMatchObject({ ok: false, problem: 'changed-outside', entity: 'imports', entityId: r.import_id });
        if (!v.ok) expect(v.message).toContain(`importen ${r.import_id} har ändrats utanför tjänsten`);
      } finally {
        await store.db.updateTable('import_rows').set({ data_json: r.data_json }).where('id', '=', r.id).execute();
      }
      await store.db.deleteFrom('import_rows').where('id', '=', r.id).execute();
      try {
        expect(await verify()).toMatchObject({ ok: false, problem: 'changed-outside', entity: 'imports', entityId: r.import_id });
      } finally {
        await store.db
          .insertInto('import_rows')
          .values(reinsertable(r, ['demo']) as never)
          .execute();
      }
      const extra = { ...r, id: randomUUID(), line: r.line + 1000, natural_key: null, identity_key: null };
      await store.db
        .insertInto('import_rows')
        .values(reinsertable(extra, ['demo']) as never)
        .execute();
      try {
        expect(await verify()).toMatchObject({ ok: false, problem: 'changed-outside', entity: 'imports', entityId: r.import_id });
      } finally {
        await store.db.deleteFrom('import_rows').where('id', '=', extra.id).execute();
      }
    });

    it('detects a whole import added without an audit row', async () => {
      const im = await store.db.selectFrom('imports').selectAll().limit(1).executeTakeFirstOrThrow();
      const id = randomUUID();
      await store.db
        .insertInto('imports')
        .values(reinsertable({ ...im, id, content_sha256: 'f'.repeat(64) }, ['demo']) as never)
        .execute();
      try {
        const v = await verify();
        expect(v).toMatchObject({ ok: false, problem: 'added-outside', entity: 'imports', entityId: id });
        if (!v.ok) expect(v.message).toContain('har ingen granskningsrad');
      } finally {
        await store.db.deleteFrom('imports').where('id', '=', id).execute();
      }
    });
  });
}
