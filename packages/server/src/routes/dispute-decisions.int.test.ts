/**
 * Disputes decided where the agreement says (decision 0071), over HTTP on SQLite and PostgreSQL:
 * one party's economist alone can neither decide nor bill a dispute; a proposal confirmed by the
 * other party's economist is a decision of the current step's forum; the administrator records a
 * forum's decision from its minutes alone; the proposer (or anyone of the same party) cannot
 * confirm; a cost regulation above tvist.kostnadsreglering.max is refused naming the field and
 * the limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';

interface Proposal {
  id: string;
  forum: string;
  forumName: string;
  status: string;
  proposedBy: string;
  proposedByParty: string;
  awaitingParty: string;
  settledBy: string | null;
  costRegulationOre: number | null;
}
interface Dispute {
  id: string;
  status: string;
  decidedOn: string | null;
  currentStep: { index: number; forum: string; forumName: string };
  decision: {
    forum: string;
    forumName: string;
    basis: string;
    decidedBy: string;
    proposalId: string | null;
    proposedBy: string | null;
    proposedByParty: string | null;
    forumMinutes: string | null;
  } | null;
  pendingDecision: Proposal | null;
  proposals: Proposal[];
  history: { action: string; forum: string; actor: string }[];
}
interface ErrorBody {
  error: { code: string; message: string; location: { field?: string } };
}
interface Started {
  invoiceBases?: { seller: { id: string }; buyer: { id: string }; totalOre: number }[];
}

const dispute = (body: unknown): Dispute => (body as { dispute: Dispute }).dispute;
const error = (body: unknown): ErrorBody['error'] => (body as ErrorBody).error;

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: dispute decisions by the forum the agreement names`, () => {
    let t: TestServer;
    let admin: Client;
    let region: Client;
    let krokom: Client;
    const ids = new Map<string, string>();
    const userId = async (c: Client): Promise<string> =>
      ((await c.request('GET', '/api/v1/auth/me')).body as { user: { id: string } }).user.id;

    const open = async (by: Client, subject: string, escalations = 0): Promise<Dispute> => {
      const res = await by.request('POST', '/api/v1/disputes', {
        document: 'ORD',
        level: 'organisation',
        subject,
        parties: ['2309', 'region'],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      let d = dispute(res.body);
      for (let i = 0; i < escalations; i++) {
        const e = await by.request('POST', `/api/v1/disputes/${d.id}/escalate`, { note: 'Ej löst i steget' });
        expect(e.status, JSON.stringify(e.body)).toBe(200);
        d = dispute(e.body);
      }
      return d;
    };

    beforeAll(async () => {
      t = await startTestServer(target);
      admin = await login(t.url, 'admin');
      region = await login(t.url, 'ekonom.region');
      krokom = await login(t.url, 'ekonom.krokom');
      for (const [name, c] of [
        ['region', region],
        ['krokom', krokom],
        ['admin', admin],
      ] as const)
        ids.set(name, await userId(c));
    });
    afterAll(async () => {
      await t.stop();
    });

    it("Krokom's economist alone cannot decide or bill a dispute in Krokom's favour; a proposal is only pending", async () => {
      const d = await open(krokom, 'Krokom vill ha ersättning', 1);
      expect(d.currentStep.forumName).toBe('Lokal samverkansarena (Krokom)');
      const decide = await krokom.request('POST', `/api/v1/disputes/${d.id}/decide`, {
        outcome: 'Regionen betalar',
        costRegulationOre: 500000000,
        costRegulationPayer: 'region',
        forumMinutes: 'Eget protokoll',
      });
      expect(decide.status).toBe(403);
      expect(error(decide.body).code).toBe('SAMV_ERR_FORBIDDEN');

      const proposed = await krokom.request('POST', `/api/v1/disputes/${d.id}/proposals`, {
        outcome: 'Regionen betalar',
        costRegulationOre: 500000000,
        costRegulationPayer: 'region',
      });
      expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
      const p = dispute(proposed.body);
      expect(p.status).toBe('open');
      expect(p.decision).toBeNull();
      expect(p.decidedOn).toBeNull();
      expect(p.pendingDecision).toMatchObject({
        status: 'pending',
        forum: 'lokal-samverkansarena',
        proposedBy: ids.get('krokom'),
        proposedByParty: '2309',
        awaitingParty: 'region',
        costRegulationOre: 500000000,
      });

      // The proposer cannot confirm their own proposal.
      const own = await krokom.request('POST', `/api/v1/disputes/${d.id}/proposals/${p.pendingDecision?.id ?? ''}/confirm`);
      expect(own.status).toBe(403);
      expect(error(own.body).message).toContain('själv');
      // Nor can the administrator (no party): the forum's decision is recorded with /decide instead.
      expect((await admin.request('POST', `/api/v1/disputes/${d.id}/proposals/${p.pendingDecision?.id ?? ''}/confirm`)).status).toBe(403);

      const row = await t.store.db.selectFrom('disputes').selectAll().where('id', '=', d.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'open', decided_on: null, cost_regulation_ore: null });
      const run = await krokom.request('POST', '/api/v1/billing-runs', {
        flow: 'cost-regulation',
        period: new Date().toISOString().slice(0, 7),
      });
      expect((run.body as Started).invoiceBases ?? []).toEqual([]);
      ids.set('pending', d.id);
      ids.set('pendingProposal', p.pendingDecision?.id ?? '');
    });

    it("a proposal confirmed by the region's economist is the decision of the step's forum, and is billed once", async () => {
      const id = ids.get('pending') ?? '';
      const confirmed = await region.request('POST', `/api/v1/disputes/${id}/proposals/${ids.get('pendingProposal') ?? ''}/confirm`);
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      const d = dispute(confirmed.body);
      expect(d.status).toBe('decided');
      expect(d.decision).toEqual({
        forum: 'lokal-samverkansarena',
        forumName: 'Lokal samverkansarena (Krokom)',
        basis: 'parties',
        decidedOn: d.decidedOn,
        decidedBy: ids.get('region'),
        decidedByName: 'Demo Regionekonom',
        proposalId: ids.get('pendingProposal'),
        proposedBy: ids.get('krokom'),
        proposedByName: 'Demo Kommunekonom Krokom',
        proposedByParty: '2309',
        forumMinutes: null,
      });
      expect(d.pendingDecision).toBeNull();
      expect(d.proposals[0]).toMatchObject({ status: 'confirmed', settledBy: ids.get('region') });
      expect(d.history.map((h) => [h.action, h.forum, h.actor])).toEqual([
        ['opened', 'ledningsfunktioner', 'user:ekonom.krokom'],
        ['escalated', 'lokal-samverkansarena', 'user:ekonom.krokom'],
        ['proposed', 'lokal-samverkansarena', 'user:ekonom.krokom'],
        ['decided', 'lokal-samverkansarena', 'user:ekonom.region'],
      ]);
      // A decided dispute takes no further proposal: escalate it or close it.
      expect((await krokom.request('POST', `/api/v1/disputes/${id}/proposals`, { outcome: 'Mer' })).status).toBe(409);

      const run = await region.request('POST', '/api/v1/billing-runs', {
        flow: 'cost-regulation',
        period: (d.decidedOn ?? '').slice(0, 7),
      });
      expect(run.status, JSON.stringify(run.body)).toBe(201);
      expect(((run.body as Started).invoiceBases ?? []).map((b) => [b.seller.id, b.buyer.id, b.totalOre])).toEqual([
        ['2309', 'region', 500000000],
      ]);
    });

    it('the user who records forum decisions (the administrator) decides alone, naming the forum and its minutes', async () => {
      const d = await open(region, 'Avgörs i tjänstepersonsarenan', 2);
      expect(d.currentStep.forumName).toBe('Länsövergripande tjänstepersonsarena');
      expect((await region.request('POST', `/api/v1/disputes/${d.id}/decide`, { outcome: 'x', forumMinutes: 'Protokoll' })).status).toBe(
        403,
      );
      const pending = dispute((await region.request('POST', `/api/v1/disputes/${d.id}/proposals`, { outcome: 'Regionens förslag' })).body);
      const res = await admin.request('POST', `/api/v1/disputes/${d.id}/decide`, {
        outcome: 'Kostnaden delas inte',
        forumMinutes: 'Länsövergripande tjänstepersonsarena 2026-05-12 § 7',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const after = dispute(res.body);
      expect(after.decision).toMatchObject({
        forum: 'tjanstepersonsarena',
        forumName: 'Länsövergripande tjänstepersonsarena',
        basis: 'forum-minutes',
        decidedBy: ids.get('admin'),
        forumMinutes: 'Länsövergripande tjänstepersonsarena 2026-05-12 § 7',
        proposalId: null,
      });
      // The region's pending proposal is superseded by the recorded decision and can no longer be confirmed.
      expect(after.proposals.find((p) => p.id === pending.pendingDecision?.id)).toMatchObject({
        status: 'superseded',
        settledBy: ids.get('admin'),
      });
      expect((await krokom.request('POST', `/api/v1/disputes/${d.id}/proposals/${pending.pendingDecision?.id ?? ''}/confirm`)).status).toBe(
        409,
      );
    });

    it('nobody of the proposing party can confirm: a second region economist is refused', async () => {
      const created = await admin.request('POST', '/api/v1/users', {
        username: 'ekonom.region2',
        role: 'region_economist',
        password: 'ett-langt-losenord',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const first = await login(t.url, 'ekonom.region2', 'ett-langt-losenord');
      // A user created by the administrator chooses their own password first.
      const changed = await first.request('POST', '/api/v1/auth/password', {
        currentPassword: 'ett-langt-losenord',
        newPassword: 'ett-annat-langt-losenord',
      });
      expect(changed.status, JSON.stringify(changed.body)).toBeLessThan(300);
      const region2 = await login(t.url, 'ekonom.region2', 'ett-annat-langt-losenord');
      const d = await open(region, 'Regionen föreslår');
      const proposed = dispute(
        (
          await region.request('POST', `/api/v1/disputes/${d.id}/proposals`, {
            outcome: 'Kommunen betalar',
            costRegulationOre: 1000,
            costRegulationPayer: '2309',
          })
        ).body,
      );
      const res = await region2.request('POST', `/api/v1/disputes/${d.id}/proposals/${proposed.pendingDecision?.id ?? ''}/confirm`);
      expect(res.status).toBe(403);
      expect(error(res.body).message).toContain('en part kan inte ensam avgöra en tvist');
      // Escalation supersedes the pending proposal: Krokom can no longer confirm it.
      expect((await krokom.request('POST', `/api/v1/disputes/${d.id}/escalate`, {})).status).toBe(200);
      const late = await krokom.request('POST', `/api/v1/disputes/${d.id}/proposals/${proposed.pendingDecision?.id ?? ''}/confirm`);
      expect(late.status).toBe(409);
      expect(error(late.body).location.field).toBe('proposalId');
    });

    it('refuses a cost regulation above tvist.kostnadsreglering.max (9 000 000 000 000 000 öre) in Swedish naming the field and the limit', async () => {
      const d = await open(krokom, 'Orimligt belopp');
      for (const [c, path, extra] of [
        [krokom, 'proposals', {}],
        [admin, 'decide', { forumMinutes: 'Protokoll § 1' }],
      ] as const) {
        const res = await c.request('POST', `/api/v1/disputes/${d.id}/${path}`, {
          outcome: 'Regionen betalar',
          costRegulationOre: 9_000_000_000_000_000,
          costRegulationPayer: 'region',
          ...extra,
        });
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        const e = error(res.body);
        expect(e.location.field).toBe('costRegulationOre');
        // The field in Swedish in the message (issue 12); its API name in location.field.
        expect(e.message).toMatch(/^Kostnadsreglering: /);
        expect(e.message).toMatch(
          /högst 10\s000\s000,00 kr \(parametern ”Högsta kostnadsreglering i ett tvistbeslut”, tvist\.kostnadsreglering\.max\)/,
        );
      }
      expect(dispute((await krokom.request('GET', `/api/v1/disputes/${d.id}`)).body).proposals).toEqual([]);
      // The limit itself is allowed.
      const atLimit = await krokom.request('POST', `/api/v1/disputes/${d.id}/proposals`, {
        outcome: 'Regionen betalar',
        costRegulationOre: 1_000_000_000,
        costRegulationPayer: 'region',
      });
      expect(atLimit.status, JSON.stringify(atLimit.body)).toBe(201);
    });
  });
}
