/**
 * The demo data set loaded by `npm start` / `samverkan db init --demo` into an EMPTY database.
 * Everything here is invented for trying the system and marked `demo = true`; index values and
 * the allocation key are the agreement's shipped example files (`examples/`), labelled as examples
 * in every output that uses them. Never load it into a production database: the demo passwords are public.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { indexUse, type Agreement } from '@samverkan/core';
import { defaultAgreementDir } from '../agreement/read-agreement-dir.js';
import { readIndexCsv } from '../files/index-csv.js';
import { readAllocationKeyFile } from '../files/allocation-key-yaml.js';
import type { Store } from './db.js';
import { nowIso } from './clock.js';
import { createUser } from '../auth/users.js';
import { recordIndexValue } from '../reference/index-values.js';
import { fromAllocationKey, recordAllocationKey } from '../reference/allocation-keys.js';
import { openDispute } from '../disputes/dispute-store.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Role } from '../auth/roles.js';
import { seedDemoImports } from '../imports/demo-imports.js';
import { encodeRecordData } from '../imports/record-codec.js';
import { seedDemoParties } from '../reference/demo-parties.js';

/** The one password of every demo user (public, printed by `npm start`). */
export const DEMO_PASSWORD = 'demo-samverkan';

/** Actor of the demo seed in the audit trail. */
export const DEMO_ACTOR = 'system:demo';

/** The demo users: one per role, two municipality economists (Östersund, Krokom). */
export const demoUsers: readonly { username: string; displayName: string; role: Role; municipality?: string }[] = [
  { username: 'admin', displayName: 'Demo Administratör', role: 'admin' },
  { username: 'ekonom.region', displayName: 'Demo Regionekonom', role: 'region_economist' },
  { username: 'ekonom.ostersund', displayName: 'Demo Kommunekonom Östersund', role: 'municipality_economist', municipality: '2380' },
  { username: 'ekonom.krokom', displayName: 'Demo Kommunekonom Krokom', role: 'municipality_economist', municipality: '2309' },
  { username: 'chef', displayName: 'Demo Chef/strateg', role: 'manager' },
  { username: 'lasare', displayName: 'Demo Läsare', role: 'viewer' },
];

/** The shipped example files (the same the CLI uses by default), under the agreement folder. */
function exampleFile(name: string): Uint8Array {
  return readFileSync(join(process.env['SAMVERKAN_AGREEMENT_DIR'] ?? defaultAgreementDir, 'examples', name));
}

/** What the seed created, for the start-up message. */
export interface DemoSeedResult {
  readonly users: readonly { username: string; role: Role; municipality: string | null }[];
  readonly password: string;
}

/** Load the demo data set (through the same audited functions as real changes). */
export async function seedDemoData(store: Store, agreement: Agreement): Promise<DemoSeedResult> {
  const users = [];
  for (const u of demoUsers) {
    const v = await createUser(store, { ...u, password: DEMO_PASSWORD, demo: true }, DEMO_ACTOR);
    users.push({ username: v.username, role: v.role, municipality: v.municipality });
  }
  // The agreement's example index values and example allocation key, labelled as examples.
  const index = readIndexCsv(exampleFile('index.example.csv'), 'examples/index.example.csv');
  for (const p of index.points.values()) {
    const use = indexUse(p);
    await recordIndexValue(
      store,
      { series: use.series, year: use.year, percent: use.percent, kind: p.kind, source: p.source ?? 'exempel', example: true, demo: true },
      DEMO_ACTOR,
    );
  }
  const key = readAllocationKeyFile(
    exampleFile('allocation-key.example.yaml'),
    'examples/allocation-key.example.yaml',
    agreement.municipalities,
  );
  await recordAllocationKey(
    store,
    agreement,
    { ...fromAllocationKey(key), validFrom: '2026-01-01', source: 'examples/allocation-key.example.yaml (EXEMPEL)', demo: true },
    DEMO_ACTOR,
  );
  await seedDemoParties(store, agreement, DEMO_ACTOR);
  await seedDemoRecords(store);
  // Records for every other billing flow, through the real importer (imports/demo-imports.ts).
  await seedDemoImports(store, agreement, DEMO_ACTOR);
  // The seed acts as itself ("systemet (demodata)" in the events), and each dispute's opening is
  // recorded on the day it says it was opened, so its event and its "Öppnad" date agree.
  const demoAdmin = { id: 'demo', username: 'demo', displayName: 'Demo', role: 'admin' as const, municipality: null, actor: DEMO_ACTOR };
  await openDispute(store, agreement, demoAdmin, {
    document: 'ORD',
    level: 'organisation',
    subject: 'DEMO: oenighet om vem som utför insatser i ordinärt boende under helger',
    parties: ['2380', agreement.meta.region.id],
    openedOn: '2026-02-02',
    recordedAt: '2026-02-02T08:30:00.000Z',
    demo: true,
  });
  await openDispute(store, agreement, demoAdmin, {
    document: 'SYNHOR',
    level: 'organisation',
    subject: 'DEMO: fakturering av ombudstimmar för hörcentralen',
    parties: ['2309', agreement.meta.region.id],
    openedOn: '2026-02-10',
    recordedAt: '2026-02-10T09:15:00.000Z',
    demo: true,
  });
  return { users, password: DEMO_PASSWORD };
}

/** Demo daytime-assignment records: Östersund lends to the region, the region lends to Krokom. */
async function seedDemoRecords(store: Store): Promise<void> {
  const files = [
    {
      filename: 'demo-uppdrag-dagtid-ostersund-2026-01.csv',
      municipality: '2380',
      rows: [
        {
          date: '2026-01-12',
          start: '09:00',
          lender: '2380',
          hirer: 'region',
          minutes: { intervention: 45, administration: 10, reporting: 5, travel: 20, travelCombinable: false },
        },
        {
          date: '2026-01-19',
          start: '13:30',
          lender: '2380',
          hirer: 'region',
          minutes: { intervention: 30, administration: 10, reporting: 5, travel: 0, travelCombinable: true },
        },
      ],
    },
    {
      filename: 'demo-uppdrag-dagtid-krokom-2026-01.csv',
      municipality: '2309',
      rows: [
        {
          date: '2026-01-14',
          start: '10:15',
          lender: 'region',
          hirer: '2309',
          minutes: { intervention: 60, administration: 15, reporting: 5, travel: 25, travelCombinable: false },
        },
      ],
    },
  ];
  await store.transaction(async (trx) => {
    for (const f of files) {
      const importId = randomUUID();
      await trx
        .insertInto('imports')
        .values({
          id: importId,
          kind: 'daytime-assignments',
          filename: f.filename,
          content_sha256: `demo:${f.filename}`,
          municipality_code: f.municipality,
          row_count: f.rows.length,
          uploaded_by: DEMO_ACTOR,
          uploaded_at: nowIso(),
          demo: 1,
        })
        .execute();
      let line = 2;
      for (const r of f.rows) {
        const data = {
          ...r,
          storsjoglantan: false,
          registeredMunicipality: r.lender === 'region' ? r.hirer : r.lender,
          reference: `DEMO-${String(line)}`,
        };
        await trx
          .insertInto('import_rows')
          .values({
            id: randomUUID(),
            import_id: importId,
            line,
            kind: 'daytime-assignments',
            period: r.date.slice(0, 7),
            seller_code: r.lender,
            buyer_code: r.hirer,
            municipality_code: f.municipality,
            amount_ore: null,
            data_json: encodeRecordData('daytime-assignments', data),
            demo: 1,
          })
          .execute();
        line += 1;
      }
      await appendAudit(trx, {
        actor: DEMO_ACTOR,
        action: 'import',
        entity: 'imports',
        entityId: importId,
        before: null,
        after: { kind: 'daytime-assignments', filename: f.filename, rows: f.rows.length, demo: true },
      });
    }
  });
}
