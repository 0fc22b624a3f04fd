/**
 * Recorded terminations over HTTP on SQLite and PostgreSQL (PRINC.giltighet; agreement.md
 * "record both cases"): one document or the whole agreement, reflected in the agreement status
 * and the calendar; a duplicate, an unknown document and a non-administrator are refused in
 * Swedish; every recording writes an audit row in the same transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { anonymous, login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';

interface Lifecycle {
  id: string;
  status: string;
  periodEnd: string;
  noticeDeadline: string | null;
}
interface ErrorBody {
  error: { code: string; message: string; location: { field?: string } };
}

const agreementsOn = async (c: Client, on: string, extra = ''): Promise<Record<string, Lifecycle>> => {
  const res = await c.request('GET', `/api/v1/agreements?on=${on}${extra}`);
  expect(res.status).toBe(200);
  return Object.fromEntries((res.body as { agreements: Lifecycle[] }).agreements.map((a) => [a.id, a]));
};

const calendarIds = async (c: Client, year: number): Promise<string[]> => {
  const res = await c.request('GET', `/api/v1/calendar?year=${String(year)}`);
  expect(res.status).toBe(200);
  return (res.body as { events: { id: string }[] }).events.map((e) => e.id);
};

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: terminations`, () => {
    let t: TestServer;
    let admin: Client;
    beforeAll(async () => {
      t = await startTestServer(target);
      admin = await login(t.url, 'admin');
    });
    afterAll(async () => {
      await t.stop();
    });

    it('records a termination of ORD: the agreements show ORD terminated with its final end, other documents unchanged', async () => {
      const public0 = anonymous(t.url);
      expect((await calendarIds(public0, 2028)).filter((id) => id.endsWith('.ORD'))).not.toEqual([]);
      const before = await agreementsOn(public0, '2027-06-01');
      expect(before['ORD']).toMatchObject({ status: 'active', periodEnd: '2027-12-31', noticeDeadline: '2026-12-31' });

      const res = await admin.request('POST', '/api/v1/terminations', {
        document: 'ORD',
        noticeDate: '2026-12-31',
        reference: 'SVOM § 40',
        dialogueHeld: true,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        document: 'ORD',
        noticeDate: '2026-12-31',
        reference: 'SVOM § 40',
        dialogueHeld: true,
        finalEnd: '2027-12-31',
        inTime: true,
        recordedBy: 'user:admin',
      });

      const after = await agreementsOn(public0, '2027-06-01');
      expect(after['ORD']).toMatchObject({ status: 'terminated', periodEnd: '2027-12-31', noticeDeadline: null });
      expect(after['SABO']).toMatchObject({ status: 'active' });
      // Merged with a termination given in the query.
      expect((await agreementsOn(public0, '2027-06-01', '&terminated=SABO=2026-12-31'))['SABO']).toMatchObject({
        status: 'terminated',
        periodEnd: '2027-12-31',
      });

      // The calendar no longer shows ORD's notice deadline of the next period (2028-12-31).
      expect(await calendarIds(public0, 2028)).toEqual(expect.arrayContaining([expect.stringMatching(/\.SABO$/)]));
      expect((await calendarIds(public0, 2028)).filter((id) => id.endsWith('.ORD'))).toEqual([]);
      // ORD ends 2027-12-31: from 2028 its joint meeting and the daytime-rate uplift are gone too, SABO's stay.
      expect(await calendarIds(public0, 2027)).toEqual(expect.arrayContaining(['ord-gemensamt-mote', 'dagtid-indexering']));
      expect(await calendarIds(public0, 2028)).not.toEqual(expect.arrayContaining(['ord-gemensamt-mote']));
      expect(await calendarIds(public0, 2028)).not.toEqual(expect.arrayContaining(['dagtid-indexering']));
      expect(await calendarIds(public0, 2028)).toEqual(expect.arrayContaining(['sabo-gemensamt-mote']));

      const list = (await public0.request('GET', '/api/v1/terminations')).body as { terminations: Record<string, unknown>[] };
      expect(list.terminations).toEqual([expect.objectContaining({ document: 'ORD', noticeDate: '2026-12-31', reference: 'SVOM § 40' })]);
      expect(list.terminations[0]).not.toHaveProperty('recordedBy');

      const audit = await t.store.db.selectFrom('audit_log').selectAll().where('entity', '=', 'terminations').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor: 'user:admin', action: 'create', entity_id: (res.body as { id: string }).id });
      expect(audit[0]?.after_json).toContain('SVOM § 40');
    });

    it('records a termination of the whole agreement (ALL): every document ends', async () => {
      const res = await admin.request('POST', '/api/v1/terminations', {
        document: 'ALL',
        noticeDate: '2027-12-31',
        reference: 'Samverkansarenan § 3',
        dialogueHeld: true,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const body = res.body as { effects: { document: string; finalEnd: string }[]; finalEnd?: string };
      expect(body.finalEnd).toBeUndefined();
      expect(body.effects.map((e) => e.document)).toContain('SABO');
      const after = await agreementsOn(admin, '2028-06-01');
      for (const doc of Object.values(after)) expect(['terminated', 'expired']).toContain(doc.status);
      expect(after['SABO']).toMatchObject({ status: 'terminated', periodEnd: '2029-12-31' });
      // A termination of ALL ends everything: the årshjul is empty once every document has ended.
      expect((await calendarIds(admin, 2029)).length).toBeGreaterThan(0);
      expect(await calendarIds(admin, 2030)).toEqual([]);
    });

    it('refuses a duplicate (409), an unknown document and an impossible date (400 naming the field), in Swedish', async () => {
      const body = { document: 'SABO', noticeDate: '2027-03-01', reference: 'SVOM § 41', dialogueHeld: true };
      expect((await admin.request('POST', '/api/v1/terminations', body)).status).toBe(201);
      const dup = await admin.request('POST', '/api/v1/terminations', { ...body, document: 'sabo' });
      expect(dup.status).toBe(409);
      expect((dup.body as ErrorBody).error.message).toBe('En uppsägning av SABO den 2027-03-01 är redan registrerad.');

      const bad = await admin.request('POST', '/api/v1/terminations', { ...body, document: 'XYZ' });
      expect(bad.status).toBe(400);
      expect((bad.body as ErrorBody).error.location.field).toBe('document');
      expect((bad.body as ErrorBody).error.message).toMatch(/^document: dokumentet "XYZ" finns inte/);

      const badDate = await admin.request('POST', '/api/v1/terminations', { ...body, noticeDate: '2027-02-30' });
      expect(badDate.status).toBe(400);
      expect((badDate.body as ErrorBody).error.location.field).toBe('noticeDate');

      const early = await admin.request('POST', '/api/v1/terminations', { ...body, noticeDate: '2025-06-30' });
      expect(early.status).toBe(400);
      expect((early.body as ErrorBody).error.message).toContain('före avtalets start');
    });

    it('lets only the administrator record', async () => {
      const body = { document: 'PALL', noticeDate: '2027-04-01', reference: 'SVOM § 42', dialogueHeld: true };
      for (const username of ['ekonom.region', 'lasare']) {
        const res = await (await login(t.url, username)).request('POST', '/api/v1/terminations', body);
        expect(res.status).toBe(403);
        expect((res.body as ErrorBody).error.message).toContain('får inte registrera uppsägningar');
      }
      expect((await anonymous(t.url).request('POST', '/api/v1/terminations', body)).status).toBe(401);
      const stored = await t.store.db.selectFrom('terminations').select('id').where('document', '=', 'PALL').execute();
      expect(stored).toEqual([]);
    });
  });
}
