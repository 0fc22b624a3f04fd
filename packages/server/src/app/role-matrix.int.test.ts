/**
 * The role matrix, driven over HTTP against the real server on both databases: every role
 * (and an anonymous caller) × every route × a record of their own municipality and one of
 * another municipality. The expected statuses are written out here, independently of the policy
 * table in auth/roles.ts, so a change to the policy that nobody meant fails this test.
 *
 * Extend it: add a row to `matrix` for each new route (imports, billing runs, invoice bases).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../testing/databases.testkit.js';
import { anonymous, login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';
import { csvText, encode, uploadFile } from '../imports/upload.testkit.js';
import { approveConfirmed } from '../billing/approve.testkit.js';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import { demoPartyInputs } from '../reference/demo-parties.js';

type Who = 'anonymous' | 'admin' | 'region_economist' | 'municipality_economist' | 'manager' | 'viewer';
type Variant = 'own' | 'other';

/** Expected status per caller; for municipality economists per own/other record. */
type Expect = Record<Exclude<Who, 'municipality_economist'>, number> & { municipality_economist: number | Record<Variant, number> };

interface Ctx {
  /** The dispute whose party is the caller's own municipality (Östersund's for non-municipal roles). */
  disputeId(variant: Variant): string;
  /** An open dispute of the same municipality kept for proposals (never decided by the matrix). */
  proposalDisputeId(variant: Variant): string;
  /** The municipality code for a record of `variant`. */
  municipality(variant: Variant): string;
  userId: string;
  seq: () => number;
  /** The server's URL (for raw file uploads). */
  url: string;
  /**
   * An invoice basis (demo data, January 2026) of the caller's own municipality or another's
   * (Östersund's as "own" for non-municipal roles): sold by the municipality (`draft` or
   * `approved`), or sold by the region to it (`region-draft`).
   */
  basisId(kind: BasisKind, variant: Variant): string;
  /** The demo synhorsel run of January 2026 (approved bases of both municipalities). */
  runId: string;
}

type BasisKind = 'draft' | 'approved' | 'region-draft';

interface Row {
  readonly name: string;
  readonly scoped?: boolean;
  readonly call: (c: Client, ctx: Ctx, variant: Variant) => Promise<{ status: number }>;
  readonly expect: Expect;
}

const PUBLIC: Expect = { anonymous: 200, admin: 200, region_economist: 200, municipality_economist: 200, manager: 200, viewer: 200 };
const SIGNED_IN_READ: Expect = {
  anonymous: 401,
  admin: 200,
  region_economist: 200,
  municipality_economist: 200,
  manager: 200,
  viewer: 200,
};
const ADMIN_READ: Expect = { anonymous: 401, admin: 200, region_economist: 403, municipality_economist: 403, manager: 403, viewer: 403 };
const ADMIN_CREATE: Expect = { ...ADMIN_READ, admin: 201 };

const get = (path: string) => (c: Client) => c.request('GET', path);

/** Krokom's demo register entry, the input of a new version. */
const krokomParty = demoPartyInputs(readAgreement()).find((p) => p.partyCode === '2309');

const matrix: readonly Row[] = [
  { name: 'GET /api/v1/documents', call: get('/api/v1/documents'), expect: PUBLIC },
  { name: 'GET /api/v1/clauses?q=', call: get('/api/v1/clauses?q=tvist'), expect: PUBLIC },
  { name: 'GET /api/v1/decisions', call: get('/api/v1/decisions'), expect: PUBLIC },
  { name: 'GET /api/v1/forums', call: get('/api/v1/forums'), expect: PUBLIC },
  { name: 'GET /api/v1/interpretations', call: get('/api/v1/interpretations'), expect: PUBLIC },
  { name: 'GET /api/v1/municipalities', call: get('/api/v1/municipalities'), expect: PUBLIC },
  { name: 'GET /api/v1/agreements', call: get('/api/v1/agreements?on=2026-06-01'), expect: PUBLIC },
  { name: 'GET /api/v1/calendar', call: get('/api/v1/calendar?year=2026'), expect: PUBLIC },
  { name: 'GET /api/v1/terminations', call: get('/api/v1/terminations'), expect: PUBLIC },
  {
    name: 'POST /api/v1/terminations',
    // A fresh notice date per call: the same document and date cannot be recorded twice.
    call: (c, ctx) =>
      c.request('POST', '/api/v1/terminations', {
        document: 'SYNHOR',
        noticeDate: `2031-03-${String((ctx.seq() % 28) + 1).padStart(2, '0')}`,
        reference: 'Matris § 1',
        dialogueHeld: true,
      }),
    expect: ADMIN_CREATE,
  },
  { name: 'GET /api/v1/auth/config', call: get('/api/v1/auth/config'), expect: PUBLIC },
  {
    name: 'POST /api/v1/auth/password',
    // A wrong current password: every signed-in role reaches the check (400), nobody's password changes.
    call: (c) => c.request('POST', '/api/v1/auth/password', { currentPassword: 'inte-lösenordet', newPassword: 'ett-nytt-langt-losenord' }),
    expect: { anonymous: 401, admin: 400, region_economist: 400, municipality_economist: 400, manager: 400, viewer: 400 },
  },
  { name: 'GET /api/v1/calendar.ics', call: get('/api/v1/calendar.ics?year=2026'), expect: PUBLIC },
  {
    name: 'POST /api/v1/assess',
    call: (c) => c.request('POST', '/api/v1/assess', { housing: 'lss_bostad', registeredMunicipality: '2380' }),
    expect: PUBLIC,
  },
  { name: 'GET /api/v1/responsibility/cfs', call: get('/api/v1/responsibility/cfs'), expect: PUBLIC },
  {
    name: 'POST /api/v1/calculations/price',
    call: (c) => c.request('POST', '/api/v1/calculations/price', { flow: 'dagtid', year: 2026, minutes: 61 }),
    expect: SIGNED_IN_READ,
  },
  {
    name: 'POST /api/v1/calculations/normal-variation',
    call: (c) =>
      c.request('POST', '/api/v1/calculations/normal-variation', {
        counts: [130, 140, 150, 160].map((count, i) => ({ year: 2019 + i, count })),
      }),
    expect: SIGNED_IN_READ,
  },
  { name: 'GET /api/v1/index-values', call: get('/api/v1/index-values'), expect: SIGNED_IN_READ },
  { name: 'GET /api/v1/index-values/:series/:year/bases', call: get('/api/v1/index-values/VPI/2026/bases'), expect: SIGNED_IN_READ },
  { name: 'GET /api/v1/parameters', call: get('/api/v1/parameters'), expect: SIGNED_IN_READ },
  { name: 'GET /api/v1/allocation-keys', call: get('/api/v1/allocation-keys'), expect: SIGNED_IN_READ },
  {
    name: 'POST /api/v1/index-values',
    call: (c) =>
      c.request('POST', '/api/v1/index-values', { series: 'OPI', year: 2031, percent: '2.5', kind: 'forecast', source: 'matris' }),
    expect: ADMIN_CREATE,
  },
  {
    name: 'POST /api/v1/parameters',
    call: (c) =>
      c.request('POST', '/api/v1/parameters', {
        parameterId: 'mt.fast.grundtid',
        validFrom: '2030-01-01',
        value: 2400,
        source: 'matris',
        decisionRef: 'TEST-1',
      }),
    expect: ADMIN_CREATE,
  },
  {
    name: 'POST /api/v1/allocation-keys',
    call: (c) =>
      c.request('POST', '/api/v1/allocation-keys', {
        name: 'matrisnyckel',
        title: 'Matrisnyckel',
        validFrom: '2030-01-01',
        source: 'matris',
        factors: [
          {
            id: 'lika',
            name: 'Lika delar',
            weight: '1',
            measure: 'En per kommun',
            source: 'matris',
            values: Object.fromEntries(['2326', '2305', '2361', '2309', '2303', '2313', '2321', '2380'].map((k) => [k, '1'])),
          },
        ],
      }),
    expect: ADMIN_CREATE,
  },
  { name: 'GET /api/v1/users', call: get('/api/v1/users'), expect: ADMIN_READ },
  {
    name: 'POST /api/v1/users',
    call: (c, ctx) =>
      c.request('POST', '/api/v1/users', { username: `matris.${String(ctx.seq())}`, role: 'viewer', password: 'ett-langt-losenord' }),
    expect: ADMIN_CREATE,
  },
  {
    name: 'PATCH /api/v1/users/:id',
    call: (c, ctx) => c.request('PATCH', `/api/v1/users/${ctx.userId}`, { displayName: `Namn ${String(ctx.seq())}` }),
    expect: ADMIN_READ,
  },
  { name: 'GET /api/v1/audit', call: get('/api/v1/audit?limit=5'), expect: ADMIN_READ },
  { name: 'GET /api/v1/audit/verify', call: get('/api/v1/audit/verify'), expect: ADMIN_READ },
  {
    name: 'GET /api/v1/audit (filter)',
    call: get('/api/v1/audit?actor=user%3Aadmin&action=create&entity=users&from=2020-01-01&to=2100-12-31&limit=5'),
    expect: ADMIN_READ,
  },
  { name: 'GET /api/v1/audit/export.csv', call: get('/api/v1/audit/export.csv?limit=5'), expect: ADMIN_READ },
  { name: 'GET /api/v1/audit/facets', call: get('/api/v1/audit/facets'), expect: ADMIN_READ },
  { name: 'GET /api/v1/disputes', call: get('/api/v1/disputes'), expect: SIGNED_IN_READ },
  {
    name: 'GET /api/v1/disputes/:id',
    scoped: true,
    call: (c, ctx, v) => c.request('GET', `/api/v1/disputes/${ctx.disputeId(v)}`),
    expect: { ...SIGNED_IN_READ, municipality_economist: { own: 200, other: 404 } },
  },
  {
    // Recording a forum's decision from its minutes is the administrator's alone (decision 0071).
    name: 'POST /api/v1/disputes/:id/decide',
    call: (c, ctx, v) =>
      c.request('POST', `/api/v1/disputes/${ctx.disputeId(v)}/decide`, {
        outcome: `Beslut ${String(ctx.seq())}`,
        forumMinutes: 'Matrisprotokoll § 1',
      }),
    expect: { anonymous: 401, admin: 200, region_economist: 403, municipality_economist: 403, manager: 403, viewer: 403 },
  },
  {
    name: 'POST /api/v1/disputes/:id/proposals',
    scoped: true,
    call: (c, ctx, v) =>
      c.request('POST', `/api/v1/disputes/${ctx.proposalDisputeId(v)}/proposals`, { outcome: `Förslag ${String(ctx.seq())}` }),
    expect: {
      anonymous: 401,
      admin: 403,
      region_economist: 201,
      municipality_economist: { own: 201, other: 404 },
      manager: 403,
      viewer: 403,
    },
  },
  {
    // No such pending proposal: the parties' economists get past role, scope and party checks to the 409.
    name: 'POST /api/v1/disputes/:id/proposals/:proposalId/confirm',
    scoped: true,
    call: (c, ctx, v) => c.request('POST', `/api/v1/disputes/${ctx.proposalDisputeId(v)}/proposals/saknas/confirm`),
    expect: {
      anonymous: 401,
      admin: 403,
      region_economist: 409,
      municipality_economist: { own: 409, other: 404 },
      manager: 403,
      viewer: 403,
    },
  },
  {
    name: 'POST /api/v1/disputes',
    scoped: true,
    call: (c, ctx, v) =>
      c.request('POST', '/api/v1/disputes', {
        document: 'PALL',
        level: 'organisation',
        subject: `Matris ${String(ctx.seq())}`,
        parties: [ctx.municipality(v), 'region'],
      }),
    expect: {
      anonymous: 401,
      admin: 201,
      region_economist: 201,
      municipality_economist: { own: 201, other: 403 },
      manager: 403,
      viewer: 403,
    },
  },
  // Imports, billing runs and invoice bases.
  { name: 'GET /api/v1/import-kinds', call: get('/api/v1/import-kinds'), expect: SIGNED_IN_READ },
  { name: 'GET /api/v1/imports', call: get('/api/v1/imports'), expect: SIGNED_IN_READ },
  { name: 'GET /api/v1/imports/templates/:kind.csv', call: get('/api/v1/imports/templates/ombud-tasks.csv'), expect: SIGNED_IN_READ },
  { name: 'GET /api/v1/imports/templates/:kind.xlsx', call: get('/api/v1/imports/templates/index-values.xlsx'), expect: SIGNED_IN_READ },
  { name: 'GET /api/v1/records', call: get('/api/v1/records?kind=ombud-tasks'), expect: SIGNED_IN_READ },
  { name: 'GET /api/v1/development-funds', call: get('/api/v1/development-funds?year=2026'), expect: SIGNED_IN_READ },
  {
    name: 'POST /api/v1/imports/ombud-tasks',
    scoped: true,
    call: (c, ctx, v) =>
      uploadFile(
        ctx.url,
        c,
        'ombud-tasks',
        encode(
          csvText([
            ['datum', 'kommun', 'enhet', 'insatstid', 'referens'],
            ['2026-02-03', ctx.municipality(v), 'syncentralen', '30', `MATRIS-${String(ctx.seq())}`],
          ]),
          'utf-8',
        ),
        'matris.csv',
      ),
    expect: {
      anonymous: 401,
      admin: 201,
      region_economist: 201,
      municipality_economist: { own: 201, other: 422 },
      manager: 403,
      viewer: 403,
    },
  },
  {
    name: 'POST /api/v1/imports/connected-counts (hela länet)',
    call: (c, ctx) =>
      uploadFile(ctx.url, c, 'connected-counts', encode(`år;antal\n2029;${String(100 + ctx.seq())}\n`, 'utf-8'), 'anslutna.csv'),
    expect: { anonymous: 401, admin: 201, region_economist: 201, municipality_economist: 403, manager: 403, viewer: 403 },
  },
  {
    name: 'POST /api/v1/imports/index-values (referensdata)',
    call: (c, ctx) =>
      uploadFile(
        ctx.url,
        c,
        'index-values',
        encode(`serie;år;procent;källa\nOPI;2032;${String(ctx.seq())};matris\n`, 'utf-8'),
        'index.csv',
      ),
    expect: ADMIN_CREATE,
  },
  { name: 'GET /api/v1/billing-runs', call: get('/api/v1/billing-runs'), expect: SIGNED_IN_READ },
  {
    name: 'POST /api/v1/billing-runs (befintlig körning)',
    call: (c) => c.request('POST', '/api/v1/billing-runs', { flow: 'synhorsel', period: '2026-01' }),
    expect: { anonymous: 401, admin: 200, region_economist: 200, municipality_economist: 200, manager: 403, viewer: 403 },
  },
  {
    // Nothing new to bill (the demo run billed it all): 200 with the latest run, unless the scope is another municipality's.
    name: 'POST /api/v1/billing-runs (körning för en kommun)',
    scoped: true,
    call: (c, ctx, v) => c.request('POST', '/api/v1/billing-runs', { flow: 'synhorsel', period: '2026-01', scope: ctx.municipality(v) }),
    expect: {
      anonymous: 401,
      admin: 200,
      region_economist: 200,
      municipality_economist: { own: 200, other: 403 },
      manager: 403,
      viewer: 403,
    },
  },
  { name: 'GET /api/v1/billing-runs/unbilled', call: get('/api/v1/billing-runs/unbilled?flow=dagtid'), expect: SIGNED_IN_READ },
  { name: 'GET /api/v1/invoice-bases', call: get('/api/v1/invoice-bases'), expect: SIGNED_IN_READ },
  {
    name: 'GET /api/v1/invoice-bases/:id',
    scoped: true,
    call: (c, ctx, v) => c.request('GET', `/api/v1/invoice-bases/${ctx.basisId('draft', v)}`),
    expect: { ...SIGNED_IN_READ, municipality_economist: { own: 200, other: 404 } },
  },
  {
    name: 'GET /api/v1/invoice-bases/:id/history',
    scoped: true,
    call: (c, ctx, v) => c.request('GET', `/api/v1/invoice-bases/${ctx.basisId('approved', v)}/history`),
    expect: { ...SIGNED_IN_READ, municipality_economist: { own: 200, other: 404 } },
  },
  {
    name: 'PATCH /api/v1/invoice-bases/:id (kommunen säljer)',
    scoped: true,
    call: (c, ctx, v) =>
      c.request('PATCH', `/api/v1/invoice-bases/${ctx.basisId('draft', v)}`, { buyerReference: `Ref ${String(ctx.seq())}` }),
    expect: {
      anonymous: 401,
      admin: 200,
      region_economist: 403,
      municipality_economist: { own: 200, other: 404 },
      manager: 403,
      viewer: 403,
    },
  },
  {
    name: 'PATCH /api/v1/invoice-bases/:id (regionen säljer)',
    scoped: true,
    call: (c, ctx, v) =>
      c.request('PATCH', `/api/v1/invoice-bases/${ctx.basisId('region-draft', v)}`, { note: `Anteckning ${String(ctx.seq())}` }),
    expect: {
      anonymous: 401,
      admin: 200,
      region_economist: 200,
      municipality_economist: { own: 403, other: 404 },
      manager: 403,
      viewer: 403,
    },
  },
  {
    // Already approved: whoever may decide gets past the role and scope checks to the 409.
    name: 'POST /api/v1/invoice-bases/:id/approve (redan godkänt)',
    scoped: true,
    call: (c, ctx, v) => c.request('POST', `/api/v1/invoice-bases/${ctx.basisId('approved', v)}/approve`),
    expect: {
      anonymous: 401,
      admin: 409,
      region_economist: 403,
      municipality_economist: { own: 409, other: 404 },
      manager: 403,
      viewer: 403,
    },
  },
  {
    name: 'POST /api/v1/invoice-bases/:id/send (utkast)',
    scoped: true,
    call: (c, ctx, v) => c.request('POST', `/api/v1/invoice-bases/${ctx.basisId('draft', v)}/send`),
    expect: {
      anonymous: 401,
      admin: 409,
      region_economist: 403,
      municipality_economist: { own: 409, other: 404 },
      manager: 403,
      viewer: 403,
    },
  },
  {
    name: 'POST /api/v1/invoice-bases/:id/credit (utkast)',
    scoped: true,
    call: (c, ctx, v) => c.request('POST', `/api/v1/invoice-bases/${ctx.basisId('draft', v)}/credit`, { reason: 'Matris' }),
    expect: {
      anonymous: 401,
      admin: 409,
      region_economist: 403,
      municipality_economist: { own: 409, other: 404 },
      manager: 403,
      viewer: 403,
    },
  },
  // Exports: whoever may read a basis may export it; drafts are refused after the scope check.
  {
    name: 'GET /api/v1/invoice-bases/:id/export (godkänt)',
    scoped: true,
    call: (c, ctx, v) => c.request('GET', `/api/v1/invoice-bases/${ctx.basisId('approved', v)}/export?format=peppol`),
    expect: { ...SIGNED_IN_READ, municipality_economist: { own: 200, other: 404 } },
  },
  {
    name: 'GET /api/v1/invoice-bases/:id/export (utkast)',
    scoped: true,
    call: (c, ctx, v) => c.request('GET', `/api/v1/invoice-bases/${ctx.basisId('draft', v)}/export?format=sie`),
    expect: {
      anonymous: 401,
      admin: 409,
      region_economist: 409,
      municipality_economist: { own: 409, other: 404 },
      manager: 409,
      viewer: 409,
    },
  },
  // A municipality economist's ZIP holds only the documents their municipality is party to.
  {
    name: 'GET /api/v1/billing-runs/:id/export',
    call: (c, ctx) => c.request('GET', `/api/v1/billing-runs/${ctx.runId}/export`),
    expect: SIGNED_IN_READ,
  },
  // The settlement exists only for tilläggsbelopp runs: the synhorsel run is 409 for every reader after the role check.
  {
    name: 'GET /api/v1/billing-runs/:id/settlement.pdf (annat flöde)',
    call: (c, ctx) => c.request('GET', `/api/v1/billing-runs/${ctx.runId}/settlement.pdf`),
    expect: { anonymous: 401, admin: 409, region_economist: 409, municipality_economist: 409, manager: 409, viewer: 409 },
  },
  {
    name: 'GET /api/v1/billing-runs/:id/settlement.pdf (finns inte)',
    call: get('/api/v1/billing-runs/finns-inte/settlement.pdf'),
    expect: { anonymous: 401, admin: 404, region_economist: 404, municipality_economist: 404, manager: 404, viewer: 404 },
  },
  // The status report: everyone signed in (each sees the open disputes they may read).
  {
    name: 'GET /api/v1/agreements/status-report.pdf',
    call: get('/api/v1/agreements/status-report.pdf?on=2026-03-01'),
    expect: SIGNED_IN_READ,
  },
  {
    name: 'GET /api/v1/agreements/status-report.pdf (fel datum)',
    call: get('/api/v1/agreements/status-report.pdf?on=2026-13-01'),
    expect: { anonymous: 401, admin: 400, region_economist: 400, municipality_economist: 400, manager: 400, viewer: 400 },
  },
  // The party register: everyone signed in reads it, only the administrator records versions.
  { name: 'GET /api/v1/parties', call: get('/api/v1/parties'), expect: SIGNED_IN_READ },
  { name: 'GET /api/v1/parties?history=true', call: get('/api/v1/parties?history=true'), expect: SIGNED_IN_READ },
  {
    name: 'POST /api/v1/parties',
    call: (c, ctx) =>
      c.request('POST', '/api/v1/parties', { ...krokomParty, validFrom: `2040-01-${String((ctx.seq() % 28) + 1).padStart(2, '0')}` }),
    expect: ADMIN_CREATE,
  },
];

const callers: readonly { who: Who; username?: string; municipality?: string }[] = [
  { who: 'anonymous' },
  { who: 'admin', username: 'admin' },
  { who: 'region_economist', username: 'ekonom.region' },
  { who: 'municipality_economist', username: 'ekonom.ostersund', municipality: '2380' },
  { who: 'municipality_economist', username: 'ekonom.krokom', municipality: '2309' },
  { who: 'manager', username: 'chef' },
  { who: 'viewer', username: 'lasare' },
];

function expected(row: Row, who: Who, variant: Variant): number {
  const e = row.expect[who];
  return typeof e === 'number' ? e : e[variant];
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: role matrix`, () => {
    let t: TestServer;
    const clients = new Map<string, Client>();
    const disputeByMunicipality = new Map<string, string>();
    const proposalDisputeByMunicipality = new Map<string, string>();
    let userId = '';
    let n = 0;
    const bases = new Map<string, string>();
    let runId = '';

    beforeAll(async () => {
      t = await startTestServer(target);
      for (const c of callers) clients.set(c.username ?? 'anonymous', c.username ? await login(t.url, c.username) : anonymous(t.url));
      const admin = clients.get('admin');
      if (!admin) throw new Error('no admin');
      const list = (await admin.request('GET', '/api/v1/disputes')).body as { disputes: { id: string; parties: string[] }[] };
      for (const d of list.disputes) for (const p of d.parties) if (p !== 'region') disputeByMunicipality.set(p, d.id);
      for (const code of ['2380', '2309']) {
        const opened = await admin.request('POST', '/api/v1/disputes', {
          document: 'ORD',
          level: 'organisation',
          subject: `Matris förslag ${code}`,
          parties: [code, 'region'],
        });
        if (opened.status !== 201) throw new Error(`open dispute ${code}: ${String(opened.status)} ${JSON.stringify(opened.body)}`);
        proposalDisputeByMunicipality.set(code, (opened.body as { dispute: { id: string } }).dispute.id);
      }
      const created = await admin.request('POST', '/api/v1/users', {
        username: 'matris.mal',
        role: 'viewer',
        password: 'ett-langt-losenord',
      });
      userId = (created.body as { user: { id: string } }).user.id;
      // Invoice bases from the demo data: each municipality's ombud bases (syncentralen stays a
      // draft, hörcentralen is approved) and the MT bases the region sells to them.
      type RunBasis = { id: string; seller: { id: string }; buyer: { id: string; unit?: string } };
      const run = async (flow: string): Promise<{ run: { id: string }; invoiceBases: RunBasis[] }> => {
        const res = await admin.request('POST', '/api/v1/billing-runs', { flow, period: '2026-01' });
        // Say why when the demo run is not there, instead of failing later on an undefined list.
        if (res.status !== 200 && res.status !== 201)
          throw new Error(`billing run ${flow}: ${String(res.status)} ${JSON.stringify(res.body)}`);
        return res.body as { run: { id: string }; invoiceBases: RunBasis[] };
      };
      const synhor = await run('synhorsel');
      runId = synhor.run.id;
      const mt = await run('mt-variable');
      for (const code of ['2380', '2309']) {
        const draft = synhor.invoiceBases.find((b) => b.seller.id === code && b.buyer.unit === 'syncentralen');
        const approved = synhor.invoiceBases.find((b) => b.seller.id === code && b.buyer.unit === 'horcentralen');
        const regionDraft = mt.invoiceBases.find((b) => b.buyer.id === code);
        if (!draft || !approved || !regionDraft) throw new Error(`demo bases missing for ${code}`);
        if ((await approveConfirmed(admin, approved.id)).status !== 200) throw new Error('approve failed');
        bases.set(`draft:${code}`, draft.id);
        bases.set(`approved:${code}`, approved.id);
        bases.set(`region-draft:${code}`, regionDraft.id);
      }
    });
    afterAll(async () => {
      await t.stop();
    });

    const cases = callers.flatMap((c) =>
      matrix.flatMap((row) =>
        (row.scoped ? (['own', 'other'] as const) : (['own'] as const)).map((variant) => ({ caller: c, row, variant })),
      ),
    );

    it.each(
      cases.map((k) => [`${k.caller.username ?? 'anonym'} → ${k.row.name}${k.row.scoped ? ` (${k.variant} kommun)` : ''}`, k] as const),
    )('%s', async (_label, k) => {
      const own = k.caller.municipality ?? '2380';
      const other = own === '2380' ? '2309' : '2380';
      const ctx: Ctx = {
        municipality: (v) => (v === 'own' ? own : other),
        disputeId: (v) => disputeByMunicipality.get(v === 'own' ? own : other) ?? 'saknas',
        proposalDisputeId: (v) => proposalDisputeByMunicipality.get(v === 'own' ? own : other) ?? 'saknas',
        userId,
        seq: () => ++n,
        url: t.url,
        basisId: (kind, v) => bases.get(`${kind}:${v === 'own' ? own : other}`) ?? 'saknas',
        runId,
      };
      const client = clients.get(k.caller.username ?? 'anonymous');
      if (!client) throw new Error('no client');
      const res = await k.row.call(client, ctx, k.variant);
      expect(res.status).toBe(expected(k.row, k.caller.who, k.variant));
    });

    it('lists only disputes where the municipality economist’s municipality is a party', async () => {
      for (const [username, code] of [
        ['ekonom.ostersund', '2380'],
        ['ekonom.krokom', '2309'],
      ] as const) {
        const res = await clients.get(username)?.request('GET', '/api/v1/disputes');
        const disputes = (res?.body as { disputes: { parties: string[] }[] }).disputes;
        expect(disputes.length).toBeGreaterThan(0);
        expect(disputes.every((d) => d.parties.includes(code))).toBe(true);
      }
      const all = (await clients.get('chef')?.request('GET', '/api/v1/disputes'))?.body as { disputes: { parties: string[] }[] };
      expect(new Set(all.disputes.flatMap((d) => d.parties))).toEqual(new Set(['2380', '2309', 'region']));
    });
  });
}
