/**
 * Billing runs and invoice bases over HTTP against the real server, on SQLite and PostgreSQL:
 * every flow gives the öre core gives for the same records (and hand-computed amounts), two
 * simultaneous requests make one run, approved bases are locked (in the API and in the database
 * itself), credits give a credit note plus a new draft computed afresh, only the seller's side
 * decides, a municipality economist sees only their own bases, and every change is audited.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  daytimeInvoiceBasis,
  developmentFinancing,
  inpatientStaffInvoiceBasis,
  mtFixedInvoice,
  mtVariableInvoiceBasis,
  ombudInvoiceBasis,
  reconcileTillaggsbelopp,
  type DaytimeAssignment,
  type InvoiceBasis,
  type MtWorkOrder,
  type OmbudAssignment,
} from '@samverkan/core';
import { defaultAgreementDir, readAgreement } from '../agreement/read-agreement-dir.js';
import { readIndexCsv } from '../files/index-csv.js';
import { readAllocationKeyFile } from '../files/allocation-key-yaml.js';
import { readPopulationCsv } from '../files/population-csv.js';
import { databaseTargets } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';
import { csvText, encode, uploadFile } from '../imports/upload.testkit.js';
import { approveConfirmed } from './approve.testkit.js';
import { demoPartyInputs } from '../reference/demo-parties.js';

const agreement = readAgreement();
const examples = join(defaultAgreementDir, 'examples');
/** The demo data's index values are the agreement's example file. */
const index = readIndexCsv(readFileSync(join(examples, 'index.example.csv')), 'index.example.csv');

interface Basis {
  id: string;
  billingRunId: string;
  flow: string;
  period: string;
  seller: { id: string; unit?: string };
  buyer: { id: string; unit?: string };
  status: string;
  totalOre: number;
  creditOf: string | null;
  creditedBy: string | null;
  replaces: string | null;
  lines?: {
    id: string;
    amountOre: number;
    quantity: string;
    creditsLine: string | null;
    reference: string | null;
    steps: { id: string }[];
  }[];
  trace?: {
    agreement: { version: string };
    parameters: { id: string }[];
    indexValues: { series: string; year: number }[];
    interpretations: { id: string }[];
    steps: { id: string }[];
  };
}
interface Started {
  created: boolean;
  run: {
    id: string;
    flow: string;
    period: string;
    notes: string[];
    sequence: number;
    supplementary: boolean;
    label: string;
    scopeName: string;
  };
  invoiceBases: Basis[];
}

const pair = (b: { seller: { id: string; unit?: string }; buyer: { id: string; unit?: string } }): string =>
  `${b.seller.id}${b.seller.unit ? `/${b.seller.unit}` : ''}→${b.buyer.id}${b.buyer.unit ? `/${b.buyer.unit}` : ''}`;
const totals = (
  bases: readonly { seller: { id: string; unit?: string }; buyer: { id: string; unit?: string }; totalOre: number }[],
): Record<string, number> => Object.fromEntries(bases.filter((b) => b.totalOre !== 0).map((b) => [pair(b), b.totalOre]));

// The records of April 2026, once as core's input and once as the CSV files imported.
const assignments: (DaytimeAssignment & { homeRegion?: string })[] = [
  {
    reference: 'D-1',
    date: '2026-04-06',
    start: '09:00',
    lender: '2380',
    hirer: 'region',
    minutes: { intervention: 61, administration: 0, reporting: 0, travel: 0, travelCombinable: false },
    storsjoglantan: false,
    registeredMunicipality: '2380',
  },
  {
    reference: 'D-2',
    date: '2026-04-07',
    start: '14:00',
    lender: 'region',
    hirer: '2309',
    minutes: { intervention: 30, administration: 10, reporting: 5, travel: 20, travelCombinable: true },
    storsjoglantan: false,
    registeredMunicipality: '2309',
  },
  {
    reference: 'D-3',
    date: '2026-04-08',
    start: '20:00',
    lender: '2380',
    hirer: 'region',
    minutes: { intervention: 40, administration: 0, reporting: 0, travel: 0, travelCombinable: false },
    storsjoglantan: false,
    registeredMunicipality: '2380',
  },
  {
    reference: 'D-4',
    date: '2026-04-09',
    start: '10:00',
    lender: '2380',
    hirer: 'region',
    minutes: { intervention: 90, administration: 0, reporting: 0, travel: 0, travelCombinable: false },
    storsjoglantan: true,
    registeredMunicipality: '2380',
  },
  {
    reference: 'D-5',
    date: '2026-04-10',
    start: '10:00',
    lender: '2380',
    hirer: 'region',
    minutes: { intervention: 30, administration: 0, reporting: 0, travel: 0, travelCombinable: false },
    storsjoglantan: false,
    registeredMunicipality: null,
    homeRegion: 'Region Västernorrland',
  },
];
const daytimeCsv = csvText([
  [
    'datum',
    'starttid',
    'utförare',
    'beställare',
    'insatstid',
    'administration',
    'återrapportering',
    'restid',
    'resa samordnad',
    'storsjögläntan',
    'folkbokföringskommun',
    'hemregion',
    'referens',
  ],
  ...assignments.map((a) => [
    a.date,
    a.start,
    a.lender,
    a.hirer,
    a.minutes.intervention,
    a.minutes.administration,
    a.minutes.reporting,
    a.minutes.travel,
    a.minutes.travelCombinable ? 'ja' : 'nej',
    a.storsjoglantan ? 'ja' : 'nej',
    a.registeredMunicipality ?? '',
    a.homeRegion ?? '',
    a.reference ?? '',
  ]),
]);
const ombud: OmbudAssignment[] = [
  {
    reference: 'S-1',
    date: '2026-04-14',
    municipality: '2321',
    service: 'syncentralen',
    minutes: { intervention: 40, administration: 5, reporting: 5, travel: 0, travelCombinable: false },
  },
  {
    reference: 'S-2',
    date: '2026-04-15',
    municipality: '2321',
    service: 'horcentralen',
    minutes: { intervention: 61, administration: 0, reporting: 0, travel: 0, travelCombinable: false },
  },
];
const ombudCsv = (rows: readonly OmbudAssignment[]): string =>
  csvText([
    ['datum', 'kommun', 'enhet', 'insatstid', 'administration', 'återrapportering', 'restid', 'resa samordnad', 'referens'],
    ...rows.map((o) => [
      o.date,
      o.municipality,
      o.service,
      o.minutes.intervention,
      o.minutes.administration,
      o.minutes.reporting,
      o.minutes.travel,
      o.minutes.travelCombinable ? 'ja' : 'nej',
      o.reference ?? '',
    ]),
  ]);
const orders: MtWorkOrder[] = [
  { reference: 'AO-9', date: '2026-04-16', municipality: '2313', minutes: 95, travelOre: 125050, consumablesOre: 0, sparePartsOre: 9990 },
];
const ordersCsv = csvText([
  ['datum', 'kommun', 'minuter', 'resekostnad', 'förbrukningsmaterial', 'reservdelar', 'arbetsorder'],
  ['2026-04-16', 'Strömsund', '95', '1 250,50', '0', '99,90', 'AO-9'],
]);
const inventory: [string, number][] = [
  ['2326', 50],
  ['2305', 60],
  ['2361', 96],
  ['2309', 90],
  ['2303', 41],
  ['2313', 152],
  ['2321', 53],
  ['2380', 381],
];
const inventoryCsv = csvText([['inventeringsdatum', 'kommun', 'antal'], ...inventory.map(([code, n]) => ['2026-06-30', code, n])]);
const inpatientCsv = csvText([
  ['datum', 'kommun', 'överenskommelse', 'skriftlig överenskommelse', 'typ', 'belopp'],
  ['2026-04-20', 'Ragunda', 'ORD', 'ÖK-1', 'lön', '12 345,67'],
  ['2026-04-21', 'Ragunda', 'ORD', 'ÖK-1', 'färdtid', '450,00'],
]);

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: billing runs and invoice bases`, () => {
    let t: TestServer;
    let region: Client;
    let admin: Client;
    let ostersund: Client;
    let krokom: Client;
    const runs = new Map<string, Started>();

    const start = async (c: Client, flow: string, period: string): Promise<{ status: number; body: Started }> => {
      const res = await c.request('POST', '/api/v1/billing-runs', { flow, period });
      return { status: res.status, body: res.body as Started };
    };
    const detail = async (c: Client, id: string): Promise<{ status: number; basis: Basis }> => {
      const res = await c.request('GET', `/api/v1/invoice-bases/${id}`);
      return { status: res.status, basis: (res.body as { invoiceBasis: Basis }).invoiceBasis };
    };
    const find = (flow: string, p: string): Basis => {
      const b = runs.get(flow)?.invoiceBases.find((x) => pair(x) === p);
      if (!b) throw new Error(`${flow}: no basis ${p}`);
      return b;
    };

    beforeAll(async () => {
      t = await startTestServer(target);
      region = await login(t.url, 'ekonom.region');
      admin = await login(t.url, 'admin');
      ostersund = await login(t.url, 'ekonom.ostersund');
      krokom = await login(t.url, 'ekonom.krokom');
      for (const [kind, text] of [
        ['daytime-assignments', daytimeCsv],
        ['ombud-tasks', ombudCsv(ombud)],
        ['mt-work-orders', ordersCsv],
        ['mt-inventory', inventoryCsv],
        ['inpatient-staff', inpatientCsv],
      ] as const) {
        const res = await uploadFile(t.url, region, kind, encode(text, 'utf-8'), `${kind}.csv`);
        if (res.status !== 201) throw new Error(`${kind}: ${JSON.stringify(res.body)}`);
      }
    });
    afterAll(async () => {
      await t.stop();
    });

    it('makes one run when two requests for the same run arrive at the same time', async () => {
      const [a, b] = await Promise.all([start(region, 'dagtid', '2026-04'), start(admin, 'dagtid', '2026-04')]);
      expect([a.status, b.status].sort()).toEqual([200, 201]);
      expect(a.body.run.id).toBe(b.body.run.id);
      expect([a.body.created, b.body.created].sort()).toEqual([false, true]);
      const stored = await t.store.db
        .selectFrom('billing_runs')
        .selectAll()
        .where('flow', '=', 'dagtid')
        .where('period', '=', '2026-04')
        .execute();
      expect(stored).toHaveLength(1);
      const bases = await t.store.db.selectFrom('invoice_bases').select('id').where('billing_run_id', '=', a.body.run.id).execute();
      expect(bases).toHaveLength(a.body.invoiceBases.length);
      runs.set('dagtid', a.body);
      // Asking again later gives the same run, unchanged.
      const later = await start(ostersund, 'dagtid', '2026-04');
      expect(later.status).toBe(200);
      expect(later.body.run.id).toBe(a.body.run.id);
    });

    it('dagtid: the öre of core for the same assignments, per started hour at the VPI-indexed rate', () => {
      const started = runs.get('dagtid');
      if (!started) throw new Error('run first');
      const expected = daytimeInvoiceBasis(agreement, { month: '2026-04', assignments, index });
      expect(totals(started.invoiceBases)).toEqual(
        totals(expected.bases.map((b) => ({ ...b, seller: { id: b.seller.id }, buyer: { id: b.buyer.id } }))),
      );
      // By hand: 640 kr (2025) × 1,031 (VPI 2026) = 659,84 → 660 kr; 61 min = 2 started hours, 30 min = 1: 3 × 660 kr.
      expect(find('dagtid', '2380→region').totalOre).toBe(198000);
      // 30 + 10 + 5 min; travel combined with an ordinary visit does not count: 1 started hour.
      expect(find('dagtid', 'region→2309').totalOre).toBe(66000);
      // D-5 (a person of Region Västernorrland) is billed once, 2380 → region; the home region is a note (decision 0070).
      expect(started.invoiceBases.some((b) => b.buyer.id.startsWith('hemregion:'))).toBe(false);
      expect(started.run.notes).toEqual([
        expect.stringContaining('kväll/natt'),
        expect.stringContaining('Storsjögläntan'),
        expect.stringContaining('Region Västernorrland för 1 uppdrag'),
      ]);
    });

    it('every basis records the agreement version, parameters, index values, interpretations and each line’s steps', async () => {
      const { basis } = await detail(region, find('dagtid', '2380→region').id);
      expect(basis.trace?.agreement.version).toBe(agreement.meta.version);
      expect(basis.trace?.parameters.map((p) => p.id)).toContain('dagtid.timpris');
      expect(basis.trace?.indexValues).toContainEqual(expect.objectContaining({ series: 'VPI', year: 2026 }));
      expect(basis.trace?.interpretations.map((i) => i.id)).toEqual(expect.arrayContaining(['I6', 'I14']));
      expect(basis.lines?.map((l) => [l.reference, l.quantity, l.amountOre])).toEqual([
        ['D-1', '2', 132000],
        ['D-5', '1', 66000],
      ]);
      expect(basis.lines?.[0]?.steps.map((s) => s.id)).toEqual([
        expect.stringMatching(/^underlag:/),
        'uppdrag[0]:minuter',
        'uppdrag[0]:belopp',
      ]);
      // A basis's trace holds its own lines' steps, not the other pairs'.
      expect(basis.trace?.steps.some((s) => s.id.startsWith('uppdrag[1]:'))).toBe(false);
    });

    it('synhorsel, mt-variable, mt-fixed, inpatient-staff: the öre of core, and hand-computed amounts', async () => {
      for (const [flow, period] of [
        ['synhorsel', '2026-04'],
        ['mt-variable', '2026-04'],
        ['mt-fixed', '2026-H2'],
        ['inpatient-staff', '2026-04'],
      ] as const) {
        const res = await start(region, flow, period);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        runs.set(flow, res.body);
      }
      const core = (bases: readonly InvoiceBasis[]): Record<string, number> =>
        totals(
          bases.map((b) => ({
            seller: { id: b.seller.id, ...(b.seller.unit ? { unit: b.seller.unit } : {}) },
            buyer: { id: b.buyer.id, ...(b.buyer.unit ? { unit: b.buyer.unit } : {}) },
            totalOre: b.totalOre,
          })),
        );
      expect(totals(runs.get('synhorsel')?.invoiceBases ?? [])).toEqual(
        core(ombudInvoiceBasis(agreement, { month: '2026-04', assignments: ombud, index }).bases),
      );
      expect(totals(runs.get('mt-variable')?.invoiceBases ?? [])).toEqual(
        core(mtVariableInvoiceBasis(agreement, { month: '2026-04', orders, index }).bases),
      );
      const fixed = mtFixedInvoice(agreement, {
        year: 2026,
        half: 2,
        inventory: { snapshotDate: '2026-06-30', counts: inventory.map(([municipality, devices]) => ({ municipality, devices })) },
        index,
      });
      expect(totals(runs.get('mt-fixed')?.invoiceBases ?? [])).toEqual(core(fixed.bases));
      const inpatient = inpatientStaffInvoiceBasis(agreement, {
        month: '2026-04',
        costs: [
          { municipality: '2303', document: 'ORD', agreementReference: 'ÖK-1', date: '2026-04-20', kind: 'salary', amountOre: 1234567 },
          { municipality: '2303', document: 'ORD', agreementReference: 'ÖK-1', date: '2026-04-21', kind: 'travel-time', amountOre: 45000 },
        ],
      });
      expect(totals(runs.get('inpatient-staff')?.invoiceBases ?? [])).toEqual(core(inpatient.bases));

      // By hand: OPI 2026 3,0 %: 338 kr → 348 kr per started hour; separate bases per paying unit.
      expect(find('synhorsel', '2321→region/syncentralen').totalOre).toBe(34800);
      expect(find('synhorsel', '2321→region/horcentralen').totalOre).toBe(69600);
      // MT 1 123 kr → 1 158 kr (VPI 3,1 %); 95 min pro rata = 1 833,50 kr, plus travel and spare parts.
      expect(find('mt-variable', 'region/MT→2313').totalOre).toBe(183350 + 125050 + 9990);
      // (40 h + 923 × 12 min) × 1 158 kr / 2 = 130 043,40 kr for the half-year, split to the öre.
      const half = (runs.get('mt-fixed')?.invoiceBases ?? []).reduce((s, b) => s + b.totalOre, 0);
      expect(half).toBe(13004340);
      expect(find('inpatient-staff', '2303→region').totalOre).toBe(1234567 + 45000);
    });

    it('tillaggsbelopp and development-funds on the demo data: core’s split of the reconciled and budgeted amounts', async () => {
      const till = await start(region, 'tillaggsbelopp', '2026');
      expect(till.status, JSON.stringify(till.body)).toBe(201);
      const key = readAllocationKeyFile(
        readFileSync(join(examples, 'allocation-key.example.yaml')),
        'allocation-key.example.yaml',
        agreement.municipalities,
      );
      const r = reconcileTillaggsbelopp(agreement, { year: 2026, connected: 172, index, key });
      expect(totals(till.body.invoiceBases)).toEqual(Object.fromEntries(r.allocations.map((a) => [`${a.code}→region`, a.amountOre])));
      // By hand: 3 735 428 kr → 3 862 433 → 3 974 444 kr (LPIK 3,4 %, 2,9 %); 172 is 3 above 169:
      // 3 × (25 940 → 26 822 → 27 600 kr) = 82 800 kr; 4 057 244 kr in all.
      expect(till.body.invoiceBases.reduce((s, b) => s + b.totalOre, 0)).toBe(405724400);

      const dev = await start(region, 'development-funds', '2026');
      expect(dev.status, JSON.stringify(dev.body)).toBe(201);
      const population = readPopulationCsv(
        readFileSync(join(examples, 'population.example.csv')),
        'population.example.csv',
        agreement.municipalities,
      );
      const f = developmentFinancing(agreement, {
        year: 2026,
        budgets: [{ area: 'Ekonomisk analys och uppföljning', year: 2026, budgetOre: 100000000 }],
        population,
      });
      expect(totals(dev.body.invoiceBases)).toEqual(
        Object.fromEntries((f.areas[0]?.allocations ?? []).map((a) => [`region→${a.code}`, a.amountOre])),
      );
      expect(dev.body.invoiceBases.reduce((s, b) => s + b.totalOre, 0)).toBe(50000000);
    });

    it('refuses a run without records, and a period of the wrong kind, in Swedish', async () => {
      const none = await region.request('POST', '/api/v1/billing-runs', { flow: 'synhorsel', period: '2025-11' });
      expect(none.status).toBe(422);
      expect((none.body as { error: { code: string } }).error.code).toBe('SAMV_ERR_NOTHING_TO_BILL');
      expect(JSON.stringify(none.body)).toContain('inga underlag');
      const wrong = await region.request('POST', '/api/v1/billing-runs', { flow: 'mt-fixed', period: '2026-04' });
      expect(wrong.status).toBe(400);
      expect(JSON.stringify(wrong.body)).toContain('ÅÅÅÅ-H1');
      expect((await region.request('POST', '/api/v1/billing-runs', { flow: 'okand', period: '2026-04' })).status).toBe(400);
    });

    it('approved bases are locked: edits answer 409 and the database itself refuses changes', async () => {
      const id = find('dagtid', '2380→region').id;
      expect((await ostersund.request('PATCH', `/api/v1/invoice-bases/${id}`, { buyerReference: 'Ref 1' })).status).toBe(200);
      expect((await ostersund.request('POST', `/api/v1/invoice-bases/${id}/send`)).status).toBe(409);
      const approved = await approveConfirmed(ostersund, id);
      expect(approved.status).toBe(200);
      expect((approved.body as { invoiceBasis: Basis }).invoiceBasis).toMatchObject({ status: 'approved' });
      const edit = await ostersund.request('PATCH', `/api/v1/invoice-bases/${id}`, { buyerReference: 'Ref 2' });
      expect(edit.status).toBe(409);
      expect((edit.body as { error: { code: string } }).error.code).toBe('SAMV_ERR_CONFLICT');
      expect((await admin.request('POST', `/api/v1/invoice-bases/${id}/approve`)).status).toBe(409);
      const { basis } = await detail(ostersund, id);
      const lineId = basis.lines?.[0]?.id ?? '';
      await expect(t.store.db.updateTable('invoice_lines').set({ amount_ore: 1 }).where('id', '=', lineId).execute()).rejects.toThrow(
        /SAMV_LOCKED/,
      );
      await expect(t.store.db.updateTable('invoice_bases').set({ total_ore: 1 }).where('id', '=', id).execute()).rejects.toThrow(
        /SAMV_LOCKED/,
      );
      await expect(t.store.db.deleteFrom('invoice_bases').where('id', '=', id).execute()).rejects.toThrow(/SAMV_LOCKED/);
      await expect(
        t.store.db
          .insertInto('invoice_lines')
          .values({
            id: 'x',
            invoice_basis_id: id,
            line_no: 99,
            description: 'x',
            quantity: '1',
            unit: 'piece',
            unit_price_ore: 1,
            amount_ore: 1,
            steps_json: '[]',
          })
          .execute(),
      ).rejects.toThrow(/SAMV_LOCKED/);
      // A draft's lines are not locked (the trigger tells the states apart).
      const draft = find('dagtid', 'region→2309');
      const draftLine = (await detail(region, draft.id)).basis.lines?.[0];
      await t.store.db
        .updateTable('invoice_lines')
        .set({ reference: sql<string>`reference` })
        .where('id', '=', draftLine?.id ?? '')
        .execute();
      // These records are not demo data: sending needs both parties' real register values (issue 3/5).
      const placeholders = await ostersund.request('POST', `/api/v1/invoice-bases/${id}/send`);
      expect(placeholders.status).toBe(409);
      expect(JSON.stringify(placeholders.body)).toContain('EXEMPEL');
      const inputs = demoPartyInputs(agreement);
      for (const real of [
        {
          ...inputs.find((p) => p.partyCode === '2380'),
          organisationNumber: '212000-2411',
          vatNumber: 'SE212000241101',
          address: { street: 'Rådhusgatan 44', postalCode: '831 82', city: 'Östersund' },
          payment: { kind: 'bankgiro', account: '5050-1055' },
          buyerReference: 'ÖSD-EKONOMI',
          validFrom: '2026-01-01',
        },
        {
          ...inputs.find((p) => p.partyCode === 'region' && p.unit === null),
          organisationNumber: '232100-0214',
          vatNumber: 'SE232100021401',
          address: { street: 'Box 654', postalCode: '831 27', city: 'Östersund' },
          payment: { kind: 'bankgiro', account: '5050-1055' },
          buyerReference: 'RJH-4711',
          validFrom: '2026-01-01',
        },
      ]) {
        const recorded = await admin.request('POST', '/api/v1/parties', real);
        expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
      }
      const sent = await ostersund.request('POST', `/api/v1/invoice-bases/${id}/send`);
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      expect((sent.body as { invoiceBasis: Basis }).invoiceBasis.status).toBe('sent');
      expect((await ostersund.request('POST', `/api/v1/invoice-bases/${id}/send`)).status).toBe(409);
      const after = await detail(ostersund, id);
      expect(after.basis.totalOre).toBe(198000);
    });

    it('a credit (with a reason) is a credit note plus a draft computed afresh from the same records; a late record goes to a tilläggskörning', async () => {
      const original = find('synhorsel', '2321→region/syncentralen');
      const reason = { reason: 'Fel antal minuter rapporterat' };
      const noReason = await admin.request('POST', `/api/v1/invoice-bases/${original.id}/credit`, {});
      expect(noReason.status).toBe(400);
      expect(noReason.body).toMatchObject({ error: { code: 'SAMV_ERR_INVALID_INPUT', location: { field: 'body.reason' } } });
      expect((await admin.request('POST', `/api/v1/invoice-bases/${original.id}/credit`)).status).toBe(400);
      const blank = await admin.request('POST', `/api/v1/invoice-bases/${original.id}/credit`, { reason: '    ' });
      expect(blank.body).toMatchObject({ error: { code: 'SAMV_ERR_INVALID_INPUT', location: { field: 'reason' } } });
      expect((await admin.request('POST', `/api/v1/invoice-bases/${original.id}/credit`, reason)).status).toBe(409);
      expect((await approveConfirmed(admin, original.id)).status).toBe(200);
      // A task found afterwards for the same month and pair.
      const late: OmbudAssignment = {
        reference: 'S-3',
        date: '2026-04-28',
        municipality: '2321',
        service: 'syncentralen',
        minutes: { intervention: 100, administration: 0, reporting: 0, travel: 0, travelCombinable: false },
      };
      expect((await uploadFile(t.url, region, 'ombud-tasks', encode(ombudCsv([late]), 'utf-8'), 'sen.csv')).status).toBe(201);
      const unbilledBefore = (await admin.request('GET', '/api/v1/billing-runs/unbilled?flow=synhorsel&period=2026-04')).body as {
        periods: { unbilledRecords: number; records: { filename: string; line: number }[] }[];
      };
      expect(unbilledBefore.periods).toEqual([
        { period: '2026-04', unbilledRecords: 1, records: [expect.objectContaining({ filename: 'sen.csv', line: 2 })] },
      ]);
      const res = await admin.request('POST', `/api/v1/invoice-bases/${original.id}/credit`, reason);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const { credited, creditNote, replacement } = res.body as { credited: Basis; creditNote: Basis; replacement: Basis };
      expect(credited).toMatchObject({
        id: original.id,
        status: 'credited',
        creditReason: reason.reason,
        creditedBy: creditNote.id,
        totalOre: 34800,
      });
      expect(creditNote).toMatchObject({
        creditOf: original.id,
        status: 'approved',
        creditReason: reason.reason,
        totalOre: -34800,
        seller: { id: '2321' },
        buyer: { id: 'region', unit: 'syncentralen' },
      });
      const originalLines = (await detail(admin, original.id)).basis.lines ?? [];
      expect(creditNote.lines?.map((l) => [l.creditsLine, l.amountOre, l.quantity])).toEqual(
        originalLines.map((l) => [l.id, -l.amountOre, `-${l.quantity}`]),
      );
      // The corrected draft bills the credited records again (today's values); S-3 is not in it.
      const expectedNew = ombudInvoiceBasis(agreement, { month: '2026-04', assignments: ombud, index }).bases.find(
        (b) => b.seller.id === '2321' && b.buyer.unit === 'syncentralen',
      );
      expect(replacement).toMatchObject({
        replaces: original.id,
        status: 'draft',
        creditOf: null,
        billingRunId: original.billingRunId,
        totalOre: expectedNew?.totalOre,
      });
      expect(replacement.totalOre).toBe(34800);
      expect((await admin.request('POST', `/api/v1/invoice-bases/${original.id}/credit`, reason)).status).toBe(409);
      const resend = await admin.request('POST', `/api/v1/invoice-bases/${original.id}/send`);
      expect(resend.status).toBe(409);
      expect(JSON.stringify(resend.body)).toContain('krediterat och kan inte markeras som skickat');
      // S-3 arrived after the run: the tilläggskörning bills it, and only it.
      const supplementary = await start(region, 'synhorsel', '2026-04');
      expect(supplementary.status, JSON.stringify(supplementary.body)).toBe(201);
      expect(supplementary.body.run).toMatchObject({
        sequence: 2,
        supplementary: true,
        label: 'Tilläggskörning 2',
        scopeName: 'Hela länet',
      });
      expect(totals(supplementary.body.invoiceBases)).toEqual({ '2321→region/syncentralen': 2 * 34800 });
      const unbilledAfter = (await admin.request('GET', '/api/v1/billing-runs/unbilled?flow=synhorsel')).body as {
        periods: { period: string }[];
      };
      expect(unbilledAfter.periods.map((p) => p.period)).not.toContain('2026-04');
      // The credit note is issued (numbered, approved) by the credit itself (decision 0140).
      expect((await admin.request('POST', `/api/v1/invoice-bases/${creditNote.id}/approve`)).status).toBe(409);
      const creditOfCredit = await admin.request('POST', `/api/v1/invoice-bases/${creditNote.id}/credit`, reason);
      expect(creditOfCredit.status).toBe(409);
      expect(JSON.stringify(creditOfCredit.body)).toContain('kreditnota');

      const audit = (await admin.request('GET', `/api/v1/audit?entity=invoice_bases&entityId=${original.id}`)).body as {
        entries: { action: string; after: { creditNote?: string; reason?: string; status?: string } }[];
      };
      expect(audit.entries.map((e) => e.action)).toEqual(['credit', 'approve']);
      expect(audit.entries[0]?.after).toMatchObject({ creditNote: creditNote.id, reason: reason.reason, status: 'credited' });
    });

    it('only the seller’s side decides; a municipality economist sees only bases where their municipality is a party', async () => {
      const aresBasis = find('synhorsel', '2321→region/horcentralen');
      const denied = await region.request('POST', `/api/v1/invoice-bases/${aresBasis.id}/approve`);
      expect(denied.status).toBe(403);
      expect(JSON.stringify(denied.body)).toContain('Bara säljarens ekonomer');
      const toKrokom = find('dagtid', 'region→2309');
      expect((await detail(krokom, toKrokom.id)).status).toBe(200);
      expect((await krokom.request('POST', `/api/v1/invoice-bases/${toKrokom.id}/approve`)).status).toBe(403);
      expect((await detail(krokom, find('dagtid', '2380→region').id)).status).toBe(404);
      expect((await krokom.request('POST', `/api/v1/invoice-bases/${find('dagtid', '2380→region').id}/approve`)).status).toBe(404);
      expect((await approveConfirmed(region, toKrokom.id)).status).toBe(200);
      const listed = (await krokom.request('GET', '/api/v1/invoice-bases')).body as { invoiceBases: Basis[] };
      expect(listed.invoiceBases.length).toBeGreaterThan(0);
      expect(listed.invoiceBases.every((b) => b.seller.id === '2309' || b.buyer.id === '2309')).toBe(true);
      const approved = (await region.request('GET', '/api/v1/invoice-bases?status=approved&flow=dagtid&period=2026-04')).body as {
        invoiceBases: Basis[];
      };
      expect(approved.invoiceBases.map((b) => b.id)).toEqual([toKrokom.id]);
      const runList = (await krokom.request('GET', '/api/v1/billing-runs?flow=dagtid')).body as {
        billingRuns: { period: string; invoiceBasisCount: number }[];
      };
      expect(runList.billingRuns.find((r) => r.period === '2026-04')?.invoiceBasisCount).toBe(1);
    });
  });
}
