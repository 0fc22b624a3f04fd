/**
 * The audit log's changed fields in Swedish (`GET /api/v1/audit` → `changes`): after a session of
 * real work through the API (a billing run, an approval, an export, sending and a credit; a user
 * created and changed; an index value; a dispute with a proposal; a termination) on top of the
 * demo data, every changed field of every entry has a Swedish label from the glossary (decision
 * 0190) and a value as a person reads it — no stored key, no raw JSON, no internal identifier.
 * On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERNAL_IDENTIFIER, type FieldChange } from '@samverkan/core';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';
import { approveConfirmed } from '../billing/approve.testkit.js';

interface Entry {
  readonly seq: number;
  readonly entity: string;
  readonly action: string;
  readonly changes: readonly FieldChange[];
}

async function ok(res: Promise<{ status: number; body: unknown }>, ...expected: number[]): Promise<unknown> {
  const r = await res;
  expect(expected, JSON.stringify(r.body)).toContain(r.status);
  return r.body;
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: the audit log's changes in Swedish`, () => {
    let t: TestServer;
    let admin: Client;
    let entries: Entry[];

    beforeAll(async () => {
      t = await startTestServer(target);
      admin = await login(t.url, 'admin');
      const run = (await ok(admin.request('POST', '/api/v1/billing-runs', { flow: 'synhorsel', period: '2026-01' }), 200, 201)) as {
        invoiceBases: { id: string }[];
      };
      const id = run.invoiceBases[0]?.id ?? '';
      await ok(admin.request('PATCH', `/api/v1/invoice-bases/${id}`, { buyerReference: 'Ref 17', note: 'Granskad' }), 200);
      await ok(approveConfirmed(admin, id), 200);
      await ok(admin.request('GET', `/api/v1/invoice-bases/${id}/export?format=pdf`), 200);
      await ok(admin.request('POST', `/api/v1/invoice-bases/${id}/send`), 200);
      await ok(admin.request('POST', `/api/v1/invoice-bases/${id}/credit`, { reason: 'Fel antal timmar' }), 201);
      const user = (await ok(
        admin.request('POST', '/api/v1/users', {
          username: 'granskad',
          role: 'viewer',
          password: 'ett-langt-losenord',
          email: 'g@regionjh.se',
        }),
        201,
      )) as { user: { id: string } };
      await ok(
        admin.request('PATCH', `/api/v1/users/${user.user.id}`, { role: 'manager', active: false, displayName: 'Granskad Person' }),
        200,
      );
      await ok(admin.request('POST', '/api/v1/index-values', { series: 'LPIK', year: 2033, percent: '2,5', source: 'SKR (test)' }), 201);
      await ok(admin.request('POST', '/api/v1/index-values', { series: 'LPIK', year: 2033, percent: '2,7', source: 'SKR (rättat)' }), 201);
      const krokom = await login(t.url, 'ekonom.krokom');
      const dispute = (await ok(
        krokom.request('POST', '/api/v1/disputes', {
          document: 'ORD',
          level: 'organisation',
          subject: 'Vem bekostar hjälpmedel vid utskrivning',
          parties: ['2309', 'region'],
        }),
        201,
      )) as { dispute: { id: string } };
      await ok(
        krokom.request('POST', `/api/v1/disputes/${dispute.dispute.id}/proposals`, { outcome: 'Regionen bekostar de första 14 dagarna.' }),
        201,
      );
      await ok(
        admin.request('POST', '/api/v1/terminations', {
          document: 'SYNHOR',
          noticeDate: '2026-11-30',
          reference: 'SVOM § 12',
          dialogueHeld: true,
        }),
        201,
      );
      entries = ((await ok(admin.request('GET', '/api/v1/audit?limit=1000'), 200)) as { entries: Entry[] }).entries;
    }, 120_000);
    afterAll(async () => {
      await t.stop();
    });

    it('labels every changed field of every entry in Swedish and shows its value as read', () => {
      const kinds = new Set(entries.map((e) => `${e.entity}/${e.action}`));
      for (const k of ['invoice_bases/update', 'invoice_bases/approve', 'invoice_bases/export', 'invoice_bases/credit', 'users/update'])
        expect(kinds).toContain(k);
      for (const k of ['index_values/new-version', 'disputes/propose', 'terminations/create', 'billing_runs/create'])
        expect(kinds).toContain(k);
      const unlabelled: string[] = [];
      for (const e of entries)
        for (const c of e.changes) {
          const where = `${e.entity}/${e.action} #${String(e.seq)} ${c.field}`;
          if (c.label === c.field || INTERNAL_IDENTIFIER.test(c.label)) unlabelled.push(where);
          for (const v of [c.before, c.after]) {
            expect(v, where).not.toMatch(/[{}"]|\[object|\bnull\b|\btrue\b|\bfalse\b/);
            expect(v, where).not.toMatch(/^user:|^system:|^oidc:/);
          }
        }
      expect(unlabelled).toEqual([]);
    });

    it('formats money in kronor, booleans as Ja/Nej, people and roles by name', () => {
      const change = (entity: string, action: string, field: string): FieldChange | undefined =>
        entries
          .find((e) => e.entity === entity && e.action === action && e.changes.some((c) => c.field === field))
          ?.changes.find((c) => c.field === field);
      expect(change('users', 'update', 'role')).toEqual({ field: 'role', label: 'Roll', before: 'Läsbehörighet', after: 'Chef/strateg' });
      expect(change('users', 'update', 'active')).toMatchObject({ label: 'Aktiv', before: 'Ja', after: 'Nej' });
      expect(change('invoice_bases', 'approve', 'approvedBy')).toMatchObject({
        label: 'Godkänt av',
        before: '–',
        after: 'Demo Administratör',
      });
      expect(change('invoice_bases', 'approve', 'status')).toMatchObject({ label: 'Status', before: 'utkast', after: 'godkänt' });
      expect(change('invoice_bases', 'credit', 'creditReason')).toMatchObject({
        label: 'Skäl till krediteringen',
        after: 'Fel antal timmar',
      });
      expect(change('index_values', 'new-version', 'percent')).toMatchObject({ label: 'Förändring', before: '2,5 %', after: '2,7 %' });
      const total = change('invoice_bases', 'create', 'totalOre') ?? change('billing_runs', 'create', 'totalOre');
      if (total) expect(total.after).toMatch(/ kr$/);
      expect(change('terminations', 'create', 'document')?.after).toBe('Överenskommelse syn- och hörselrehabilitering');
      expect(change('terminations', 'create', 'dialogueHeld')?.after).toBe('Ja');
    });
  });
}
