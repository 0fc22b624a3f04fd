/**
 * Every approved basis and credit note of the demo data leaves the system in all four formats,
 * on SQLite and PostgreSQL: the demo billing runs, every basis approved with its provenance
 * confirmed, one credited; each document downloaded from the API as Peppol (passes the project's
 * rules), PDF (its text holds the number and the total, when pdftotext is present), Excel and SIE
 * (both read back to the basis's total to the öre), each run as one ZIP (listed with JSZip); on
 * SQLite the same from the real `samverkan billing export` binary, once per format and once for a
 * run, sharing the server's database file and audit key so the chain still verifies afterwards.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditKeyFrom } from '../audit/audit-key.js';
import { approveConfirmed } from '../billing/approve.testkit.js';
import { buildPackages, repoRoot } from '../cli/cli-run.testkit.js';
import { databaseTargets, type DatabaseTarget, type TestDatabase } from '../testing/databases.testkit.js';
import { login, startTestServer, type Client, type TestServer } from '../testing/test-server.testkit.js';
import { exportFormats, exportFormatIds, type ExportFormatId } from './export-formats.js';
import { validatePeppol } from './peppol/rules/validate-peppol.js';
import { hasPoppler, pdfText } from './pdf/pdf-text.testkit.js';
import { parseSie } from './sie/sie-parse.testkit.js';
import { kronorText } from './swedish-text.js';

interface Basis {
  readonly id: string;
  readonly status: string;
  readonly totalOre: number;
  readonly invoiceNumber: string | null;
  readonly creditOf: string | null;
  readonly billingRunId?: string | null;
}
interface Download {
  readonly status: number;
  readonly contentType: string;
  readonly disposition: string;
  readonly sha256: string;
  readonly bytes: Buffer;
}

/** The demo data's runs: both VAT categories, every period kind. */
const runs = [
  { flow: 'dagtid', period: '2026-01' },
  { flow: 'synhorsel', period: '2026-01' },
  { flow: 'mt-fixed', period: '2026-H1' },
  { flow: 'tillaggsbelopp', period: '2026' },
] as const;

/** One key for the server and the CLI, so both write one verifiable chain. */
const SHARED_AUDIT_KEY = 'exports-demo-test-audit-key-0123456789abcdef';

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

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
/** pdftotext's text with runs of spaces collapsed, so a table row reads as one line. */
const flat = (t: string): string => t.replace(/[ ]+/g, ' ');

/** Exact decimal kronor (a number from a cell, or text from a file) to öre without a float. */
function oreOf(value: unknown): bigint {
  const text = typeof value === 'number' ? String(value) : String(value);
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (m === null) throw new Error(`not an exact kronor amount: ${text}`);
  const v = BigInt(m[2] ?? '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -v : v;
}

/** The basis sheet of a one-document workbook: every line's amount and the SUM total's cached result, in öre. */
async function workbookAmounts(bytes: Buffer): Promise<{ lines: bigint[]; total: bigint; formula: string }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[1];
  if (ws === undefined) throw new Error('no basis sheet');
  let head = 0;
  ws.eachRow((r, n) => {
    if (r.getCell(9).value === 'Belopp') head = n;
  });
  const lines: bigint[] = [];
  for (let n = head + 1; ; n++) {
    const cell = ws.getRow(n).getCell(9);
    if (cell.type === ExcelJS.ValueType.Formula) return { lines, total: oreOf(cell.result), formula: cell.formula };
    lines.push(oreOf(cell.value));
  }
}

function fileNameOf(disposition: string): string {
  return /filename="([^"]+)"/.exec(disposition)?.[1] ?? '';
}

/** Check one exported file of basis `b` as format `format`. */
async function checkFile(format: ExportFormatId, b: Basis, bytes: Buffer): Promise<void> {
  const label = `${b.invoiceNumber ?? b.id} ${format}`;
  expect(bytes.length, label).toBeGreaterThan(0);
  const total = BigInt(b.totalOre);
  if (format === 'peppol') {
    const xml = bytes.toString('utf8');
    expect(xml.startsWith('<?xml'), label).toBe(true);
    expect(validatePeppol(xml), label).toEqual([]);
    expect(xml).toContain(`<cbc:ID>${b.invoiceNumber ?? ''}</cbc:ID>`);
  } else if (format === 'pdf') {
    expect(bytes.subarray(0, 5).toString('latin1'), label).toBe('%PDF-');
    if (hasPoppler) {
      const text = flat(pdfText(bytes));
      const amount = kronorText(b.totalOre)
        .replace(/[\u00a0\u202f]/g, ' ')
        .replace(/\u2212/g, '-');
      expect(text, label).toContain(`${b.creditOf === null ? 'Faktura' : 'Kreditfaktura'} ${b.invoiceNumber ?? ''}`);
      expect(text, label).toContain(`${b.creditOf === null ? 'Summa att betala' : 'Summa kreditfaktura'} ${amount}`);
    }
  } else if (format === 'xlsx') {
    const wb = await workbookAmounts(bytes);
    expect(
      wb.lines.reduce((s, a) => s + a, 0n),
      label,
    ).toBe(total);
    expect(wb.total, label).toBe(total);
    expect(wb.formula, label).toMatch(/^SUM\(I\d+:I\d+\)$|^0$/);
  } else {
    const sie = parseSie(bytes);
    expect(sie.vouchers, label).toHaveLength(1);
    const v = sie.vouchers[0];
    if (v === undefined) throw new Error(label);
    expect(
      v.rows.reduce((s, r) => s + r.amountOre, 0n),
      label,
    ).toBe(0n);
    // The seller's books: kundfordran debet with the total; the revenue rows credit it.
    expect(v.rows[0]?.amountOre, label).toBe(total);
    expect(
      v.rows.slice(1).reduce((s, r) => s - r.amountOre, 0n),
      label,
    ).toBe(total);
    expect(v.text, label).toContain(b.invoiceNumber ?? '');
  }
}

for (const target of databaseTargets) {
  describe.skipIf(!target.available)(`${target.name}: every approved basis and credit note of the demo data in every format`, () => {
    let t: TestServer;
    let admin: Client;
    let region: Client;
    let database: TestDatabase | undefined;
    const documents: Basis[] = [];
    const runIds: string[] = [];

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
    const basis = async (id: string): Promise<Basis> =>
      ((await admin.request('GET', `/api/v1/invoice-bases/${id}`)).body as { invoiceBasis: Basis }).invoiceBasis;

    beforeAll(async () => {
      t = await startTestServer(
        withSharedKey(target, (db) => {
          database = db;
        }),
      );
      [admin, region] = await Promise.all([login(t.url, 'admin'), login(t.url, 'ekonom.region')]);
      for (const { flow, period } of runs) {
        const run = await region.request('POST', '/api/v1/billing-runs', { flow, period });
        expect(run.status, JSON.stringify(run.body)).toBe(201);
        const body = run.body as { run: { id: string }; invoiceBases: Basis[] };
        runIds.push(body.run.id);
        expect(body.invoiceBases.length).toBeGreaterThan(0);
        for (const b of body.invoiceBases) {
          const res = await approveConfirmed(admin, b.id);
          expect(res.status, JSON.stringify(res.body)).toBe(200);
        }
        for (const b of body.invoiceBases) documents.push(await basis(b.id));
      }
      // One credited invoice: the invoice (now credited) and its credit note both export.
      const credited = documents[0];
      if (!credited) throw new Error('no basis');
      const credit = await admin.request('POST', `/api/v1/invoice-bases/${credited.id}/credit`, {
        reason: 'Fel antal uppdrag i underlaget',
      });
      expect(credit.status, JSON.stringify(credit.body)).toBe(201);
      documents[0] = await basis(credited.id);
      documents.push(await basis((credit.body as { creditNote: Basis }).creditNote.id));
    }, 120_000);
    afterAll(async () => {
      await t.stop();
    });

    it('exports every approved basis and credit note in all four formats from the API', async () => {
      expect(documents.map((d) => d.status)).toContain('credited');
      expect(documents.filter((d) => d.creditOf !== null)).toHaveLength(1);
      for (const b of documents) {
        expect(b.invoiceNumber, b.id).toMatch(/\S/);
        for (const format of exportFormatIds) {
          const res = await download(admin, `/api/v1/invoice-bases/${b.id}/export?format=${format}`);
          expect(res.status, `${b.id} ${format}: ${res.bytes.toString('utf8').slice(0, 300)}`).toBe(200);
          expect(res.contentType).toBe(exportFormats[format].contentType);
          expect(fileNameOf(res.disposition)).toBe(
            `${b.creditOf === null ? 'faktura' : 'kreditnota'}-${b.invoiceNumber ?? ''}.${exportFormats[format].extension}`,
          );
          expect(res.disposition.startsWith('attachment;')).toBe(true);
          expect(res.sha256).toBe(sha256(res.bytes));
          await checkFile(format, b, res.bytes);
        }
      }
    }, 240_000);

    it('exports each run as one ZIP: every document in every format plus the workbook and one SIE file per party and side', async () => {
      for (const runId of runIds) {
        const res = await download(admin, `/api/v1/billing-runs/${runId}/export`);
        expect(res.status, res.bytes.toString('utf8').slice(0, 300)).toBe(200);
        expect(res.contentType).toBe('application/zip');
        expect(fileNameOf(res.disposition)).toBe(`fakturor-korning-${runId.slice(0, 8)}.zip`);
        expect(res.sha256).toBe(sha256(res.bytes));
        const zip = await JSZip.loadAsync(res.bytes);
        const names = Object.keys(zip.files).sort();
        const inRun = documents.filter((d) => d.billingRunId === runId);
        expect(inRun.length).toBeGreaterThan(0);
        const expected = inRun.flatMap((d) =>
          exportFormatIds.map(
            (f) => `${d.creditOf === null ? 'faktura' : 'kreditnota'}-${d.invoiceNumber ?? ''}.${exportFormats[f].extension}`,
          ),
        );
        const run8 = runId.slice(0, 8);
        expect(names.filter((n) => !n.startsWith('korning-'))).toEqual([...expected].sort());
        expect(names).toContain(`korning-${run8}.xlsx`);
        const sieFiles = names.filter((n) => n.startsWith(`korning-${run8}-`));
        expect(sieFiles.some((n) => /-saljare-[\w-]+\.se$/.test(n))).toBe(true);
        expect(sieFiles.some((n) => /-kopare-[\w-]+\.se$/.test(n))).toBe(true);
        // Each run-level SIE file balances and, per side, the files together hold every document once.
        for (const side of ['saljare', 'kopare']) {
          let vouchers = 0;
          for (const n of sieFiles.filter((f) => f.includes(`-${side}-`))) {
            const parsed = parseSie(Buffer.from((await zip.files[n]?.async('nodebuffer')) ?? Buffer.alloc(0)));
            for (const v of parsed.vouchers) expect(v.rows.reduce((s, r) => s + r.amountOre, 0n)).toBe(0n);
            vouchers += parsed.vouchers.length;
          }
          expect(vouchers, side).toBe(inRun.length);
        }
        for (const d of inRun) {
          const name = `${d.creditOf === null ? 'faktura' : 'kreditnota'}-${d.invoiceNumber ?? ''}.xml`;
          expect(validatePeppol((await zip.files[name]?.async('string')) ?? ''), name).toEqual([]);
        }
      }
    }, 240_000);

    // The binary on the server's own SQLite file (PostgreSQL is the same code behind the store).
    it.runIf(target.name === 'SQLite')(
      'exports from the CLI: samverkan billing export once per format and once for a run',
      async () => {
        buildPackages();
        const db = database;
        if (db === undefined) throw new Error('no database');
        const out = mkdtempSync(join(tmpdir(), 'samverkan-export-cli-'));
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          SAMVERKAN_VAR_DIR: out,
          SAMVERKAN_DB_FILE: db.options.sqliteFile,
          SAMVERKAN_AUDIT_KEY: SHARED_AUDIT_KEY,
          LOG_LEVEL: 'warn',
        };
        delete env['DATABASE_URL'];
        const cli = (
          args: string[],
        ): {
          status: number | null;
          json: { file: string; fileName: string; contentType: string; bytes: number; sha256: string };
          stderr: string;
        } => {
          const r = spawnSync('node', ['packages/server/bin/samverkan.js', ...args, '--out', out, '--json'], {
            cwd: repoRoot,
            env,
            encoding: 'utf8',
            timeout: 60_000,
          });
          return { status: r.status, json: (r.status === 0 ? JSON.parse(r.stdout) : {}) as never, stderr: r.stderr };
        };
        try {
          // The credit note for the machine formats, an invoice for the human ones: both kinds from the binary.
          const note = documents.find((d) => d.creditOf !== null);
          const invoice = documents.find((d) => d.status === 'approved');
          if (note === undefined || invoice === undefined) throw new Error('no documents');
          const picks: readonly [ExportFormatId, Basis][] = [
            ['peppol', note],
            ['sie', note],
            ['pdf', invoice],
            ['xlsx', invoice],
          ];
          for (const [format, b] of picks) {
            const r = cli(['billing', 'export', b.id, '--format', format]);
            expect(r.status, r.stderr).toBe(0);
            expect(r.json.fileName).toBe(
              `${b.creditOf === null ? 'faktura' : 'kreditnota'}-${b.invoiceNumber ?? ''}.${exportFormats[format].extension}`,
            );
            expect(r.json.contentType).toBe(exportFormats[format].contentType);
            const bytes = readFileSync(r.json.file);
            expect(bytes.length).toBe(r.json.bytes);
            expect(sha256(bytes)).toBe(r.json.sha256);
            await checkFile(format, b, bytes);
            // Peppol, SIE and PDF are the same bytes as the API's (the workbook's ZIP has its own entry times).
            if (format !== 'xlsx')
              expect(r.json.sha256).toBe((await download(admin, `/api/v1/invoice-bases/${b.id}/export?format=${format}`)).sha256);
          }
          const runId = runIds[0] ?? '';
          const z = cli(['billing', 'export', '--run', runId]);
          expect(z.status, z.stderr).toBe(0);
          expect(z.json.fileName).toBe(`fakturor-korning-${runId.slice(0, 8)}.zip`);
          const names = Object.keys((await JSZip.loadAsync(readFileSync(z.json.file))).files);
          expect(names.length).toBe(
            documents.filter((d) => d.billingRunId === runId).length * exportFormatIds.length +
              names.filter((n) => n.startsWith('korning-')).length,
          );
          expect(names).toContain(`${note.creditOf === null ? 'faktura' : 'kreditnota'}-${note.invoiceNumber ?? ''}.xml`);
          // The CLI audited its exports into the same chain, under the same key.
          expect((await admin.request('GET', '/api/v1/audit/verify')).body).toMatchObject({ ok: true });
        } finally {
          rmSync(out, { recursive: true, force: true });
        }
      },
      300_000,
    );
  });
}
