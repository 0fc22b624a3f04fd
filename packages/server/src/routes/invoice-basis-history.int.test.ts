/**
 * A basis's own history (`GET /api/v1/invoice-bases/:id/history`): after a real billing run, an
 * approval, an export, sending and a credit with a reason through the API, the basis lists each
 * event with who acted (display name) and when, in order; its credit note and corrected draft
 * name where they came from; the route is role-checked as the basis is. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';
import { approveConfirmed } from '../billing/approve.testkit.js';
import type { BasisEvent } from './invoice-basis-history.js';

type RunBasis = { id: string };

async function history(c: Client, id: string): Promise<{ status: number; events: BasisEvent[] }> {
  const res = await c.request('GET', `/api/v1/invoice-bases/${id}/history`);
  return { status: res.status, events: (res.body as { events?: BasisEvent[] }).events ?? [] };
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: an invoice basis's history`, () => {
    let t: TestServer;
    let admin: Client;
    let partyCodes: string[];
    let basis: string;
    let untouched: string;
    let creditNote: string;
    let replacement: string | null;

    beforeAll(async () => {
      t = await startTestServer(target);
      admin = await login(t.url, 'admin');
      const run = await admin.request('POST', '/api/v1/billing-runs', { flow: 'synhorsel', period: '2026-01' });
      if (run.status !== 201 && run.status !== 200) throw new Error(`billing run: ${String(run.status)} ${JSON.stringify(run.body)}`);
      const bases = (run.body as { invoiceBases: RunBasis[] }).invoiceBases;
      const [first, second] = bases;
      if (first === undefined || second === undefined) throw new Error('the demo run made fewer than two bases');
      basis = first.id;
      untouched = second.id;
      const detail = await admin.request('GET', `/api/v1/invoice-bases/${basis}`);
      const parties = (detail.body as { invoiceBasis: { seller: { id: string }; buyer: { id: string } } }).invoiceBasis;
      partyCodes = [parties.seller.id, parties.buyer.id];
      expect((await admin.request('PATCH', `/api/v1/invoice-bases/${basis}`, { buyerReference: 'Ref 17', note: 'Granskad' })).status).toBe(
        200,
      );
      expect((await approveConfirmed(admin, basis)).status).toBe(200);
      expect((await admin.request('GET', `/api/v1/invoice-bases/${basis}/export?format=pdf`)).status).toBe(200);
      expect((await admin.request('POST', `/api/v1/invoice-bases/${basis}/send`)).status).toBe(200);
      const credit = await admin.request('POST', `/api/v1/invoice-bases/${basis}/credit`, { reason: 'Fel antal timmar i januari' });
      expect(credit.status).toBe(201);
      const made = credit.body as { creditNote: { id: string }; replacement: { id: string } | null };
      creditNote = made.creditNote.id;
      replacement = made.replacement?.id ?? null;
      // The same records are billable again, so the credit makes a corrected draft.
      expect(replacement).not.toBeNull();
    }, 90_000);
    afterAll(async () => {
      await t.stop();
    });

    it('lists created, edited, approved, exported, sent, credited (with the reason) and corrected, oldest first, with names and times', async () => {
      const { status, events } = await history(admin, basis);
      expect(status).toBe(200);
      const kinds = events.map((e) => e.kind);
      expect(kinds).toEqual([
        'created',
        'edited',
        'approved',
        'exported',
        'sent',
        'credited',
        ...(replacement === null ? [] : ['corrected']),
      ]);
      const times = events.map((e) => e.at);
      expect([...times].sort()).toEqual(times);
      for (const e of times) expect(e).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
      const [created, edited, approved, exported, sent, credited] = events;
      expect(edited).toMatchObject({ text: 'Utkastet ändrades: köparens referens och anteckningen.', actorName: 'Demo Administratör' });
      expect(created?.text).toBe('Skapades i körning 1.');
      expect(created?.actorName).toBe('Demo Administratör');
      expect(approved?.text).toMatch(/^Godkändes och låstes med fakturanummer \S+\.$/);
      expect(approved?.actorName).toBe('Demo Administratör');
      expect(exported?.text).toMatch(/^Exporterades som PDF \(.+\.pdf\)\.$/);
      expect(sent).toMatchObject({ text: 'Markerades som skickat till köparen.', actorName: 'Demo Administratör' });
      expect(credited).toMatchObject({ actorName: 'Demo Administratör', relatedBasisId: creditNote });
      expect(credited?.text).toMatch(/^Krediterades med underlaget Kreditnota, Syn- och hörsel.* Skäl: Fel antal timmar i januari\.$/);
      if (replacement !== null) {
        expect(events[6]).toMatchObject({ kind: 'corrected', relatedBasisId: replacement, actorName: 'Demo Administratör' });
        expect(events[6]?.text).toMatch(/^Rättades med ett nytt utkast: underlaget .*2026-01/);
      }
      // No internal ids or codes in what a person reads.
      for (const e of events) expect(e.text).not.toMatch(/user:|synhorsel|[0-9a-f]{8}-[0-9a-f]{4}/);
    });

    it('names where the credit note and the corrected draft came from', async () => {
      const note = await history(admin, creditNote);
      expect(note.events[0]).toMatchObject({ kind: 'created', relatedBasisId: basis, actorName: 'Demo Administratör' });
      expect(note.events[0]?.text).toMatch(/^Kreditnotan skapades när underlaget .* krediterades\. Skäl: Fel antal timmar i januari\.$/);
      if (replacement !== null) {
        const fresh = await history(admin, replacement);
        expect(fresh.events.map((e) => e.kind)).toEqual(['created']);
        expect(fresh.events[0]?.text).toMatch(/^Skapades som rättat utkast i körning 1 när underlaget .* krediterades\.$/);
      }
      // A basis only created has only that event.
      expect((await history(admin, untouched)).events.map((e) => e.kind)).toEqual(['created']);
    });

    it('is role-checked as the basis: readers see it, another municipality and nobody do not', async () => {
      expect((await history(await login(t.url, 'lasare'), basis)).status).toBe(200);
      // A municipality economist whose municipality is neither seller nor buyer.
      const other = await login(t.url, partyCodes.includes('2309') ? 'ekonom.ostersund' : 'ekonom.krokom');
      const refused = await other.request('GET', `/api/v1/invoice-bases/${basis}/history`);
      expect(refused.status).toBe(404);
      expect((await other.request('GET', `/api/v1/invoice-bases/${basis}`)).status).toBe(404);
      expect((await fetch(`${t.url}/api/v1/invoice-bases/${basis}/history`)).status).toBe(401);
    });
  });
}
