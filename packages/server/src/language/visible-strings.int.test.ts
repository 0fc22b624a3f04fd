/**
 * Issue 12, point 2: every string a person reads — the web app's texts, the CLI's text output of
 * each command on demo input, the PDFs' text — holds no internal identifier (core's
 * INTERNAL_IDENTIFIER: `Öre`/`ore_`, `_per_`, camelCase, English unit and rounding ids, a raw
 * "I6 (whole-kronor)"). The rendered steps of every core flow are checked in core
 * (display/flow-steps.test.ts). CLI commands run in this process (cli/main.ts `run`).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndexSeries, parseAllocationKey, reconcileTillaggsbelopp, type CalculationStep } from '@samverkan/core';
import { readAgreement } from '../agreement/read-agreement-dir.js';
import { run } from '../cli/main.js';
import { renderInvoicePdf } from '../exports/pdf/invoice-pdf.js';
import { hasPoppler, pdfText } from '../exports/pdf/pdf-text.testkit.js';
import { renderSettlementPdf } from '../exports/pdf/settlement-pdf.js';
import { renderStatusReportPdf } from '../exports/pdf/status-report-pdf.js';
import { statusReportOf } from '../exports/pdf/status-report.js';
import { settlementFromDocuments } from '../exports/pdf/tillaggsbelopp-settlement.js';
import { creditFixture, invoiceFixture, municipality, region } from '../exports/render-fixtures.testkit.js';
import { identifiers, offending } from './identifier-check.testkit.js';
import { webShownStrings } from './web-strings.testkit.js';

describe('the identifier check itself', () => {
  it('flags what issue 12 found and lets the allowed names through', () => {
    expect(identifiers('restidRäknas = ja; 4 700 000 ore_per_month; Tolkningar: I6 (whole-kronor)').length).toBe(5);
    expect(identifiers('Justering (beyond-bound): 164 316 kr')).toEqual(['beyond-bound']);
    // An interpretation id alone is a code; with "tolkning" before it, it is a reference a person can look up.
    expect(identifiers('Tolkningar: I11, I9')).toEqual(['I11', 'I9']);
    expect(identifiers('avrundat uppåt till 15 min (I7)')).toEqual(['I7']);
    expect(identifiers('Sista dag för uppsägning (tolkning I11): periodens slut; tolkningarna I3 och tolkningen I5')).toEqual([]);
    expect(
      identifiers('Exportera som iCalendar; sätt SAMVERKAN_DEBUG=1; t.ex. --interpretation I7=quarter-hour; fil /tmp/abc-xYz/a.csv'),
    ).toEqual([]);
  });
});

describe('(a) the web app’s texts', () => {
  it('hold no internal identifier', () => {
    const shown = webShownStrings();
    // The collector reads the app (hundreds of texts); an empty list would prove nothing.
    expect(shown.length).toBeGreaterThan(300);
    expect(shown.flatMap((s) => offending(s.where, s.text))).toEqual([]);
  });
});

const examples = fileURLToPath(new URL('../../../../agreements/jamtland-2026/examples/', import.meta.url));

/** A Writable that keeps what is written. */
function sink(): { readonly stream: Writable; text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('(b) the CLI’s text output of every command on demo input', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const cli = async (args: readonly string[]): Promise<{ code: number; text: string }> => {
    const out = sink();
    const err = sink();
    const code = await run(args, { stdout: out.stream, stderr: err.stream, env });
    return { code, text: out.text() + err.text() };
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'samverkan-strings-'));
    env = { ...process.env, SAMVERKAN_VAR_DIR: dir, SAMVERKAN_DB_FILE: join(dir, 'demo.sqlite'), LOG_LEVEL: 'warn' };
    delete env['DATABASE_URL'];
    writeFileSync(
      join(dir, 'uppdrag.csv'),
      'datum;starttid;utförare;beställare;insatstid;administration;återrapportering;restid;resa samordnad;referens\n2026-03-02;09:00;Östersund;region;61;0;0;0;nej;A\n',
    );
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const index = (): string => join(examples, 'index.example.csv');
  const runs: Readonly<Record<string, () => readonly string[]>> = {
    'price dagtid': () => ['price', 'dagtid', '--year', '2026', '--minutes', '61', '--index', index()],
    'price synhorsel': () => ['price', 'synhorsel', '--year', '2026', '--minutes', '61', '--index', index()],
    'price mt': () => ['price', 'mt', '--year', '2026', '--minutes', '37', '--index', index(), '--interpretation', 'I7=quarter-hour'],
    'mt-fixed': () => [
      'mt-fixed',
      '--inventory',
      join(examples, 'mt-inventory-2025-06-30.csv'),
      '--year',
      '2025',
      '--half',
      '2',
      '--inventory-date',
      '2025-06-30',
    ],
    tillaggsbelopp: () => ['tillaggsbelopp', '--year', '2026', '--connected', '175', '--index', index()],
    'normal-variation': () => ['normal-variation', '--counts', join(examples, 'connected-counts.example.csv')],
    agreements: () => ['agreements', '--on', '2026-12-01'],
    calendar: () => ['calendar', '--year', '2026'],
    assess: () => ['assess', '--input', join(examples, 'assess-ordinart.json')],
    'assess --explain': () => ['assess', '--input', join(examples, 'assess-ordinart.json'), '--explain'],
    'db init --demo': () => ['db', 'init', '--demo'],
    import: () => ['import', 'daytime-assignments', join(dir, 'uppdrag.csv')],
    'import again': () => ['import', 'daytime-assignments', join(dir, 'uppdrag.csv')],
    'billing run': () => ['billing', 'run', 'dagtid', '2026-03'],
    'billing list': () => ['billing', 'list'],
    'audit verify': () => ['audit', 'verify'],
    'an error': () => ['price', 'taxi', '--year', '2026', '--minutes', '5'],
  };

  it('holds no internal identifier, and says "1 ny post sparad" for one new post', async () => {
    const found: string[][] = [];
    const texts: Record<string, string> = {};
    // In order: the database commands build on `db init --demo`.
    for (const [name, args] of Object.entries(runs)) {
      const r = await cli(args());
      texts[name] = r.text;
      expect(r.text.trim(), `${name} prints something`).not.toBe('');
      found.push(...offending(`samverkan ${name}`, r.text));
    }
    expect(found).toEqual([]);
    expect(texts['import']).toContain('1 ny post sparad');
    // The run bills the imported assignment (it once failed on an option the command does not take).
    expect(texts['billing run']).toMatch(/^Körning \d+ Uppdrag dagtid 2026-03: \d+ utkast/m);
    expect(texts['price dagtid']).toContain('Så räknades det:');
  }, 120_000);

  it('help texts of the commands hold no internal identifier', async () => {
    const found: string[][] = [];
    for (const c of [
      'price',
      'mt-fixed',
      'tillaggsbelopp',
      'normal-variation',
      'agreements',
      'calendar',
      'assess',
      'import',
      'billing',
      'db',
    ]) {
      const r = await cli([c, '--help']);
      expect(r.text, `${c} --help`).toContain('Användning: samverkan');
      found.push(...offending(`samverkan ${c} --help`, r.text, true));
    }
    expect(found).toEqual([]);
  }, 60_000);
});

describe.runIf(hasPoppler)('(d) the PDFs’ text (pdftotext present)', () => {
  const agreement = readAgreement();
  it('invoice, credit note, settlement and status report hold no internal identifier', async () => {
    const key = parseAllocationKey(
      readFileSync(join(examples, 'allocation-key.example.yaml'), 'utf8'),
      'allocation-key.example.yaml',
      agreement.municipalities,
    );
    const r = reconcileTillaggsbelopp(agreement, {
      year: 2026,
      connected: 175,
      index: buildIndexSeries([
        { series: 'LPIK', year: 2025, percent: '3' },
        { series: 'LPIK', year: 2026, percent: '2,5' },
      ]),
      key,
    });
    const docs = r.allocations.map((a, i) => {
      const own: CalculationStep = {
        id: `andel:${a.code}`,
        description: `${a.name}: andel av tilläggsbeloppet enligt fördelningsnyckeln (största rest)`,
        inputs: { tilläggsbeloppÖre: r.totalOre },
        result: a.amountOre,
        unit: 'öre',
      };
      const steps = [...r.trace.steps, own];
      const line = {
        lineNo: 1,
        description: 'Tilläggsbelopp 2026 efter avstämning',
        quantity: '1',
        unit: 'lump-sum',
        unitPriceOre: a.amountOre,
        baseQuantity: 1,
        amountOre: a.amountOre,
        category: 'tillaggsbelopp',
        clause: 'TILL.bakgrund.fordelning',
        date: null,
        reference: null,
        steps,
      };
      return invoiceFixture('tillaggsbelopp', {
        basisId: `b${String(i)}`,
        invoiceNumber: `K${a.code}-2027-000001`,
        seller: { ...municipality, code: a.code, legalName: `${a.name} kommun` },
        buyer: region,
        period: { text: '2026', from: '2026-01-01', to: '2026-12-31' },
        lines: [line],
        totalOre: a.amountOre,
        trace: { ...r.trace, steps },
        provenance: { final: true, warnings: [] },
      });
    });
    const pdfs: Record<string, Buffer> = {
      faktura: await renderInvoicePdf(invoiceFixture()),
      kreditnota: await renderInvoicePdf(creditFixture()),
      'faktura tilläggsbelopp': await renderInvoicePdf(docs[0] ?? invoiceFixture()),
      avstämning: await renderSettlementPdf(settlementFromDocuments(docs)),
      statusrapport: await renderStatusReportPdf(statusReportOf(agreement, '2026-11-15', [], [])),
    };
    const found = Object.entries(pdfs).flatMap(([name, pdf]) => offending(`PDF ${name}`, pdfText(pdf)));
    expect(found).toEqual([]);
  }, 60_000);
});
