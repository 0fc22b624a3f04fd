/**
 * The tilläggsbelopp settlement and the agreement status report from the API, on SQLite and
 * PostgreSQL: the settlement of the demo's tilläggsbelopp 2026 run is refused while its bases
 * are drafts and for a run of another flow (409), and once approved is a PDF whose text holds
 * every municipality's amount and the total; the status report of a day holds the documents and
 * the open disputes the caller may see (a municipality economist only their own); both exports
 * are in the audit trail with the file's SHA-256. On SQLite the CLI commands (`billing settlement
 * --run`, `agreements --report`) write the same bytes from the server's database file, audited
 * under the same key.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveConfirmed } from '../billing/approve.testkit.js';
import { auditKeyFrom } from '../audit/audit-key.js';
import { registerAgreements } from '../cli/commands/agreements.js';
import { registerBillingSettlement } from '../cli/commands/report-pdfs.js';
import { databaseTargets, type DatabaseTarget, type TestDatabase } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';
import { hasPoppler, pdfText } from './pdf/pdf-text.testkit.js';
import { kronorText } from './swedish-text.js';

interface Basis {
  readonly id: string;
  readonly totalOre: number;
  readonly invoiceNumber: string | null;
}
interface Download {
  readonly status: number;
  readonly contentType: string;
  readonly disposition: string;
  readonly sha256: string;
  readonly bytes: Buffer;
}

/** One key for the server and the CLI, so both write one verifiable chain. */
const SHARED_AUDIT_KEY = 'report-exports-test-audit-key-0123456789abcdef';

/** `target` with the shared audit key; remembers the database so the CLI can open the same file. */
function withSharedKey(target: DatabaseTarget, seen: (db: TestDatabase) => void): DatabaseTarget {
  return {
    ...target,
    async create() {
      const db = await target.create();
      const shared: TestDatabase = {
        options: { ...db.options, audit: { key: auditKeyFrom(SHARED_AUDIT_KEY, 'SAMVERKAN_AUDIT_KEY') } },
        drop: () => db.drop(),
      };
      seen(shared);
      return shared;
    },
  };
}

/** Run the CLI's own commands in this process with `env` set (restored afterwards). */
async function cli(args: readonly string[], env: Readonly<Record<string, string>>): Promise<void> {
  const program = new Command().exitOverride();
  registerBillingSettlement(program.command('billing'));
  registerAgreements(program);
  const saved = Object.fromEntries(
    ['SAMVERKAN_DB_FILE', 'SAMVERKAN_AUDIT_KEY', 'SAMVERKAN_VAR_DIR', 'DATABASE_URL'].map((k) => [k, process.env[k]]),
  );
  delete process.env['DATABASE_URL'];
  Object.assign(process.env, env);
  try {
    await program.parseAsync(['node', 'samverkan', ...args]);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
    }
  }
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const flat = (t: string): string => t.replace(/[ ]+/g, ' ');
const amountText = (ore: number): string =>
  kronorText(ore)
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\u2212/g, '-');

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: settlement and status report PDFs`, () => {
    let t: TestServer;
    let admin: Client;
    let region: Client;
    let ostersund: Client;
    let tillRun = '';
    let dagtidRun = '';
    let bases: Basis[] = [];
    let approved: Basis[] = [];
    let database: TestDatabase | undefined;

    const download = async (c: Client, path: string): Promise<Download> => {
      const res = await fetch(t.url + path, { headers: { cookie: c.cookie } });
      const bytes = Buffer.from(await res.arrayBuffer());
      return {
        status: res.status,
        contentType: res.headers.get('content-type') ?? '',
        disposition: res.headers.get('content-disposition') ?? '',
        sha256: res.headers.get('x-content-sha256') ?? '',
        bytes,
      };
    };
    const message = (d: Download): string => (JSON.parse(d.bytes.toString('utf8')) as { error: { message: string } }).error.message;

    beforeAll(async () => {
      t = await startTestServer(
        withSharedKey(target, (db) => {
          database = db;
        }),
      );
      [admin, region, ostersund] = await Promise.all([
        login(t.url, 'admin'),
        login(t.url, 'ekonom.region'),
        login(t.url, 'ekonom.ostersund'),
      ]);
      const till = await region.request('POST', '/api/v1/billing-runs', { flow: 'tillaggsbelopp', period: '2026' });
      expect(till.status, JSON.stringify(till.body)).toBe(201);
      const body = till.body as { run: { id: string }; invoiceBases: Basis[] };
      tillRun = body.run.id;
      bases = body.invoiceBases;
      const dagtid = await region.request('POST', '/api/v1/billing-runs', { flow: 'dagtid', period: '2026-01' });
      expect(dagtid.status, JSON.stringify(dagtid.body)).toBe(201);
      dagtidRun = (dagtid.body as { run: { id: string } }).run.id;
    }, 120_000);
    afterAll(async () => {
      await t.stop();
    });

    it('refuses the settlement of drafts, of another flow and of a run that does not exist', async () => {
      const drafts = await download(admin, `/api/v1/billing-runs/${tillRun}/settlement.pdf`);
      expect(drafts.status).toBe(409);
      expect(message(drafts)).toMatch(/inga godkända underlag.*godkänn utkasten först/);
      const other = await download(admin, `/api/v1/billing-runs/${dagtidRun}/settlement.pdf`);
      expect(other.status).toBe(409);
      expect(message(other)).toContain('bara för körningar av flödet tillaggsbelopp');
      expect((await download(admin, '/api/v1/billing-runs/finns-inte/settlement.pdf')).status).toBe(404);
    });

    it('renders the settlement of the approved run with every municipality amount and the total, audited', async () => {
      expect(bases.length).toBeGreaterThan(1);
      for (const b of bases) {
        const res = await approveConfirmed(admin, b.id);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
      approved = await Promise.all(
        bases.map(
          async (b) => ((await admin.request('GET', `/api/v1/invoice-bases/${b.id}`)).body as { invoiceBasis: Basis }).invoiceBasis,
        ),
      );
      const res = await download(region, `/api/v1/billing-runs/${tillRun}/settlement.pdf`);
      expect(res.status, res.bytes.toString('utf8').slice(0, 300)).toBe(200);
      expect(res.contentType).toBe('application/pdf');
      expect(res.disposition).toBe(`attachment; filename="avstamning-tillaggsbelopp-2026-${tillRun.slice(0, 8)}.pdf"`);
      expect(res.sha256).toBe(sha256(res.bytes));
      expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (hasPoppler) {
        const text = flat(pdfText(res.bytes));
        expect(text).toContain('Avstämning av tilläggsbeloppet 2026');
        for (const b of approved) {
          expect(text).toContain(amountText(b.totalOre));
          expect(text).toContain(b.invoiceNumber ?? 'no number');
        }
        expect(text).toContain(`Summa ${amountText(approved.reduce((s, b) => s + b.totalOre, 0))}`);
      }
      const audit = (await admin.request('GET', `/api/v1/audit?entity=billing_runs&entityId=${tillRun}&action=export`)).body as {
        entries: { after: { sha256: string; report: string } }[];
      };
      expect(audit.entries.map((e) => e.after)).toContainEqual(
        expect.objectContaining({ report: 'tillaggsbelopp-settlement', sha256: res.sha256 }),
      );
    });

    it.runIf(hasPoppler)('pdftotext: a municipality economist sees only their own part in the settlement', async () => {
      const res = await download(ostersund, `/api/v1/billing-runs/${tillRun}/settlement.pdf`);
      expect(res.status).toBe(200);
      const text = flat(pdfText(res.bytes));
      const own = approved.filter((b) => b.invoiceNumber?.startsWith('K2380-') === true);
      expect(own).toHaveLength(1);
      for (const b of approved) {
        if (own.includes(b)) expect(text).toContain(`${amountText(b.totalOre)} ${b.invoiceNumber ?? ''}`);
        else expect(text).not.toContain(b.invoiceNumber ?? 'no number');
      }
      expect(text).toContain('Observera');
    });

    it('renders the status report of a day with the documents and the open disputes the caller may see, audited', async () => {
      const res = await download(region, '/api/v1/agreements/status-report.pdf?on=2026-03-01');
      expect(res.status, res.bytes.toString('utf8').slice(0, 300)).toBe(200);
      expect(res.contentType).toBe('application/pdf');
      expect(res.disposition).toBe('attachment; filename="avtalslage-2026-03-01.pdf"');
      expect(res.sha256).toBe(sha256(res.bytes));
      if (hasPoppler) {
        const text = flat(pdfText(res.bytes));
        expect(text).toContain('Avtalsläge 2026-03-01');
        expect(text).toContain('Åtaganden de närmaste 90 dagarna');
        expect(text).toContain('DEMO: oenighet om vem');
        expect(text).toContain('DEMO: fakturering av ombudstimmar');
        const own = flat(pdfText((await download(ostersund, '/api/v1/agreements/status-report.pdf?on=2026-03-01')).bytes));
        expect(own).toContain('DEMO: oenighet om vem');
        expect(own).not.toContain('DEMO: fakturering av ombudstimmar');
      }
      const audit = (await admin.request('GET', '/api/v1/audit?entity=agreement&action=export')).body as {
        entries: { after: { sha256: string; on: string } }[];
      };
      expect(audit.entries.map((e) => e.after)).toContainEqual(expect.objectContaining({ on: '2026-03-01', sha256: res.sha256 }));
    });

    it('refuses a status report day that is not a date, naming the field', async () => {
      const bad = await download(region, '/api/v1/agreements/status-report.pdf?on=2026-02-30');
      expect(bad.status).toBe(400);
      expect(message(bad)).toContain('on');
    });

    // The commands' code on the server's own SQLite file (PostgreSQL is the same code behind the store).
    it.runIf(target.name === 'SQLite')(
      'writes both PDFs from the CLI: billing settlement --run and agreements --report, audited',
      async () => {
        const db = database;
        if (db === undefined) throw new Error('no database');
        const out = mkdtempSync(join(tmpdir(), 'samverkan-report-cli-'));
        const env = { SAMVERKAN_VAR_DIR: out, SAMVERKAN_DB_FILE: db.options.sqliteFile, SAMVERKAN_AUDIT_KEY: SHARED_AUDIT_KEY };
        try {
          await cli(['billing', 'settlement', '--run', tillRun, '--out', join(out, 'avstamning.pdf'), '--json'], env);
          const settlement = readFileSync(join(out, 'avstamning.pdf'));
          expect(sha256(settlement)).toBe((await download(admin, `/api/v1/billing-runs/${tillRun}/settlement.pdf`)).sha256);
          await cli(['agreements', '--on', '2026-03-01', '--report', out, '--json'], env);
          const report = readFileSync(join(out, 'avtalslage-2026-03-01.pdf'));
          expect(report.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          if (hasPoppler) expect(flat(pdfText(report))).toContain('DEMO: fakturering av ombudstimmar');
          await expect(cli(['billing', 'settlement', '--run', dagtidRun, '--out', out], env)).rejects.toThrow(
            /bara för körningar av flödet tillaggsbelopp/,
          );
          await expect(cli(['agreements', '--report', out, '--terminated', 'ORD=2026-06-30'], env)).rejects.toThrow(/--terminated/);
          const audit = (
            await admin.request(
              'GET',
              '/api/v1/audit?action=export&actor=cli:' + (process.env['USER'] ?? process.env['USERNAME'] ?? 'okänd'),
            )
          ).body as { entries: { entity: string }[] };
          expect(audit.entries.map((e) => e.entity).sort()).toEqual(['agreement', 'billing_runs']);
          expect((await admin.request('GET', '/api/v1/audit/verify')).body).toMatchObject({ ok: true });
        } finally {
          rmSync(out, { recursive: true, force: true });
        }
      },
      120_000,
    );
  });
}
