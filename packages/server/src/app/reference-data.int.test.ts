/**
 * Reference data over HTTP on both databases: index values, parameter values and allocation
 * keys are versioned, changed only by the administrator, and every change lands in the audit
 * trail with before/after; `/api/v1/audit/verify` catches a tampered row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';

interface AuditEntry {
  seq: number;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: reference data and audit over HTTP`, () => {
    let t: TestServer;
    let admin: Client;
    beforeAll(async () => {
      t = await startTestServer(target);
      admin = await login(t.url, 'admin');
    });
    afterAll(async () => {
      await t.stop();
    });

    async function lastAudit(entity: string): Promise<AuditEntry> {
      const res = await admin.request('GET', `/api/v1/audit?entity=${entity}&limit=1`);
      const entries = (res.body as { entries: AuditEntry[] }).entries;
      if (entries[0] === undefined) throw new Error('no audit entry');
      return entries[0];
    }

    it('records an index value as a new version and audits before/after', async () => {
      const first = await admin.request('POST', '/api/v1/index-values', {
        series: 'VPI',
        year: 2028,
        percent: '2,4',
        kind: 'forecast',
        source: 'SKR prognos',
        decisionRef: 'RS/1/2028',
      });
      expect(first.status).toBe(201);
      expect((first.body as { indexValue: unknown }).indexValue).toMatchObject({
        series: 'VPI',
        year: 2028,
        percent: '2.4',
        kind: 'forecast',
        version: 1,
        recordedBy: 'user:admin',
      });
      const second = await admin.request('POST', '/api/v1/index-values', {
        series: 'VPI',
        year: 2028,
        percent: '2.6',
        kind: 'outcome',
        source: 'SKR utfall',
      });
      expect((second.body as { indexValue: unknown }).indexValue).toMatchObject({ percent: '2.6', version: 2 });
      const audit = await lastAudit('index_values');
      expect(audit).toMatchObject({ actor: 'user:admin', action: 'new-version', entityId: 'VPI:2028' });
      expect(audit.before).toMatchObject({ percent: '2.4', version: 1 });
      expect(audit.after).toMatchObject({ percent: '2.6', version: 2 });
      const current = (await admin.request('GET', '/api/v1/index-values?series=VPI')).body as {
        indexValues: { year: number; percent: string }[];
      };
      expect(current.indexValues.filter((v) => v.year === 2028)).toEqual([expect.objectContaining({ percent: '2.6' })]);
      const history = (await admin.request('GET', '/api/v1/index-values?series=VPI&history=true')).body as {
        indexValues: { year: number }[];
      };
      expect(history.indexValues.filter((v) => v.year === 2028)).toHaveLength(2);
    });

    it('refuses a malformed index value in Swedish, naming the field', async () => {
      const res = await admin.request('POST', '/api/v1/index-values', { series: 'VPI', year: 2028, percent: 'två', source: 'x' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: { code: 'SAMV_ERR_INVALID_INPUT', location: { field: 'body.percent' } } });
      expect((res.body as { error: { message: string } }).error.message).toBe('Fältet ”Procent” har fel format.');
    });

    it('records a decided parameter value that then becomes the effective value', async () => {
      const res = await admin.request('POST', '/api/v1/parameters', {
        parameterId: 'dagtid.timpris',
        validFrom: '2027-01-01',
        value: 66000,
        baseYear: 2027,
        source: 'Beslut i länsövergripande tjänstepersonsarena',
        decisionRef: 'LTA 2026-11-20 § 4',
      });
      expect(res.status).toBe(201);
      const audit = await lastAudit('parameter_values');
      expect(audit).toMatchObject({
        action: 'create',
        entityId: 'dagtid.timpris@2027-01-01',
        before: null,
        after: { value: 66000, decisionRef: 'LTA 2026-11-20 § 4' },
      });
      const list = (await admin.request('GET', '/api/v1/parameters')).body as {
        parameters: { id: string; effectiveValues: { validFrom: string; value: unknown; source: string }[] }[];
      };
      const p = list.parameters.find((x) => x.id === 'dagtid.timpris');
      expect(p?.effectiveValues.at(-1)).toMatchObject({ validFrom: '2027-01-01', value: 66000 });
      expect(p?.effectiveValues.at(-1)?.source).toContain('LTA 2026-11-20 § 4');
    });

    it('refuses a parameter value without decision reference, of the wrong unit, or for an unknown parameter', async () => {
      const noRef = await admin.request('POST', '/api/v1/parameters', {
        parameterId: 'mt.fast.grundtid',
        validFrom: '2027-01-01',
        value: 2400,
        source: 's',
      });
      expect(noRef.status).toBe(400);
      expect((noRef.body as { error: { message: string } }).error.message).toBe('Fältet ”Beslutsreferens” saknas.');
      const decimal = await admin.request('POST', '/api/v1/parameters', {
        parameterId: 'mt.fast.grundtid',
        validFrom: '2027-01-01',
        value: '12.5',
        source: 's',
        decisionRef: 'd',
      });
      expect(decimal.status).toBe(400);
      expect((decimal.body as { error: { message: string } }).error.message).toContain('heltal');
      const unknown = await admin.request('POST', '/api/v1/parameters', {
        parameterId: 'finns.inte',
        validFrom: '2027-01-01',
        value: 1,
        source: 's',
        decisionRef: 'd',
      });
      expect(unknown.status).toBe(404);
    });

    it('refuses an allocation key whose weights do not sum to exactly 1', async () => {
      const values = Object.fromEntries(['2326', '2305', '2361', '2309', '2303', '2313', '2321', '2380'].map((k) => [k, '10']));
      const res = await admin.request('POST', '/api/v1/allocation-keys', {
        name: 'felaktig',
        title: 'Felaktig',
        validFrom: '2027-01-01',
        source: 's',
        factors: [
          { id: 'a', name: 'A', weight: '0.5', measure: 'm', source: 's', values },
          { id: 'b', name: 'B', weight: '0.49', measure: 'm', source: 's', values },
        ],
      });
      expect(res.status).toBe(400);
      expect((res.body as { error: { message: string } }).error.message).toContain('0,99');
    });

    it('does not let anyone but the administrator change reference data, and audits nothing then', async () => {
      const before = (await lastAudit('index_values')).seq;
      const economist = await login(t.url, 'ekonom.region');
      const res = await economist.request('POST', '/api/v1/index-values', { series: 'LPIK', year: 2029, percent: '1', source: 'x' });
      expect(res.status).toBe(403);
      expect((res.body as { error: { message: string } }).error.message).toBe(
        'Rollen regionekonom får inte ändra parametrar, indexvärden och fördelningsnycklar.',
      );
      expect((await lastAudit('index_values')).seq).toBe(before);
    });

    it('reports the audit chain intact, then names a tampered row', async () => {
      const ok = await admin.request('GET', '/api/v1/audit/verify');
      expect(ok.body).toMatchObject({ ok: true });
      const seq = (await lastAudit('index_values')).seq;
      await t.store.db.updateTable('audit_log').set({ after_json: '{"percent":"9.9"}' }).where('seq', '=', seq).execute();
      const broken = await admin.request('GET', '/api/v1/audit/verify');
      expect(broken.body).toMatchObject({ ok: false, seq, problem: 'edited' });
    });
  });
}
