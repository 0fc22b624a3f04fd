/**
 * `samverkan assess`: single input from a file and from standard input, --json, --explain, --batch
 * (order, line count, error lines, exit code, flat memory), and every kind of bad input with its
 * exit code and Swedish message. The real binary runs where it proves something of its own (standard
 * input of a process, exit codes and stdout/stderr of a process, memory of a process); the rest runs
 * the same command code in-process (`samverkanInProcess`), which is seconds faster per assertion.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessOutput } from '@samverkan/core';
import { buildPackages, hasStackTrace, samverkanInProcess } from '../cli-run.testkit.js';

/** One output line of a batch: an answer, or an error object naming the line. */
type BatchLine = Partial<AssessOutput> & { line?: number; error?: { code: string; message: string; location: Record<string, unknown> } };

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const bin = join(root, 'packages/server/bin/samverkan.js');
const examples = join(root, 'agreements/jamtland-2026/examples');
const dir = mkdtempSync(join(tmpdir(), 'samverkan-assess-'));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real binary as a child process. */
function binary(args: readonly string[], stdin?: string): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input: stdin ?? '', encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The same command in this process. */
async function cli(args: readonly string[], stdin?: string): Promise<Run> {
  const r = await samverkanInProcess(args, stdin === undefined ? {} : { stdin });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(() => {
  buildPackages();
}, 180_000);

describe('samverkan assess, one situation', () => {
  it('answers a file with --json: party, municipality, rule, clauses with quotes, agreement', async () => {
    const r = await cli(['assess', '--input', join(examples, 'assess-ordinart.json'), '--json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as AssessOutput;
    expect(a.careResponsibility).toMatchObject({ party: 'kommun', municipality: { code: '2380', name: 'Östersund' }, rule: 'R5' });
    expect(a.careResponsibility.clauses[0]).toMatchObject({
      id: 'ORD.ansvarsfordelning',
      quote: expect.stringContaining('upp till läkarnivå'),
    });
    expect(a.criteria.map((c) => c.status)).toEqual(['met', 'met', 'met', 'met']);
    expect(a.products.map((p) => p.rule)).toEqual(['BAS', 'P5']);
    expect(a.performing).toMatchObject({ performer: 'kommun', rule: 'U2' });
    expect(a.agreement).toEqual({ id: 'jamtland-2026', version: '2026.1' });
    expect(Object.keys(a)).toEqual([
      'schemaVersion',
      'agreement',
      'date',
      'careResponsibility',
      'criteria',
      'missing',
      'physician',
      'products',
      'performing',
      'visionHearing',
      'duties',
      'handover',
    ]);
  });

  it('reads standard input with `-` and gives the same answer', async () => {
    const fromFile = await cli(['assess', '--input', join(examples, 'assess-ordinart.json'), '--json']);
    const fromStdin = await cli(['assess', '--input', '-', '--json'], readFileSync(join(examples, 'assess-ordinart.json'), 'utf8'));
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
  });

  it('the binary: reads its standard input, answers on stdout with exit 0; a bad input exits 2 with the JSON error on stdout and the Swedish message on stderr', async () => {
    const fromFile = await cli(['assess', '--input', join(examples, 'assess-ordinart.json'), '--json']);
    const fromStdin = binary(['assess', '--input', '-', '--json'], readFileSync(join(examples, 'assess-ordinart.json'), 'utf8'));
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stderr).toBe('');
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    const bad = binary(
      ['assess', '--input', '-', '--json'],
      JSON.stringify({ date: '2026-03-01', housing: 'ordinart', registeredMunicipality: '2380', cfs: 10 }),
    );
    expect(bad.code).toBe(2);
    expect((JSON.parse(bad.stdout) as { error: { code: string } }).error.code).toBe('SAMV_ERR_INVALID_INPUT');
    expect(bad.stderr).toMatch(/^Fel: cfs: 10 är inte giltigt – ska vara ett heltal 1–9[^\n]*\n$/);
    expect(hasStackTrace(bad.stdout + bad.stderr)).toBe(false);
  });

  it('prints a short Swedish summary without --json', async () => {
    const r = await cli(['assess', '--input', join(examples, 'assess-ordinart.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hälso- och sjukvårdsansvar: Kommunen (Östersund, 2380) [R5]');
    expect(r.stdout).toContain('Produkt 2 (Sondnäring): Regionen (dietistmottagningen) [P5]');
  });

  it('--explain prints Swedish prose to read aloud; with --json it is the `explanation` field', async () => {
    const r = await cli(['assess', '--input', join(examples, 'assess-ordinart.json'), '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Kommunen \(Östersund\) ansvarar för hälso- och sjukvården upp till läkarnivå eftersom personen bor i ordinärt boende och alla fyra kriterierna för kommunens ansvar är uppfyllda, enligt Överenskommelse hälso- och sjukvård i ordinärt boende, Ansvarsfördelning: ”/,
    );
    expect(r.stdout).toContain(
      'Sondnäring (nutritionsprodukter): Regionen (dietistmottagningen) ansvarar för förskrivning, uppföljning och kostnad',
    );
    const j = await cli(['assess', '--input', join(examples, 'assess-ordinart.json'), '--explain', '--json']);
    expect((JSON.parse(j.stdout) as { explanation: string }).explanation).toBe(r.stdout.trimEnd());
  });
});

describe("samverkan assess, special housing and the wish for the region's open clinic (SABO Ansvarsfördelning)", () => {
  const sabo = {
    date: '2026-03-01',
    housing: 'sarskilt_boende',
    registeredMunicipality: '2380',
    storsjoglantan: false,
    atDayActivity: false,
  };
  const answer = async (extra: Record<string, unknown>): Promise<AssessOutput> => {
    const r = await cli(['assess', '--input', '-', '--json'], JSON.stringify({ ...sabo, ...extra }));
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as AssessOutput;
  };

  it("the wish changes the answer to the region, citing SABO's clause verbatim", async () => {
    const a = await answer({ prefersHealthCentre: true });
    expect(a.careResponsibility).toMatchObject({
      party: 'region',
      unit: 'regionens öppna mottagning',
      municipality: null,
      rule: 'R4o',
      missing: [],
    });
    expect(a.careResponsibility.clauses[0]).toMatchObject({
      id: 'SABO.ansvarsfordelning.oppen-mottagning',
      quote: 'Om personer önskar få sin vård på regionens öppna mottagning ska detta respekteras.',
    });
    expect(a.performing).toMatchObject({ rule: 'U7', missing: ['time'] });
    const text = await cli(['assess', '--input', '-'], JSON.stringify({ ...sabo, prefersHealthCentre: true }));
    expect(text.stdout).toContain('Hälso- och sjukvårdsansvar: Regionen (regionens öppna mottagning) [R4o]');
  });

  it('without the wish the municipality answers (R4); when nobody asked, the answer is undecided and asks for it (R4u)', async () => {
    expect((await answer({ prefersHealthCentre: false })).careResponsibility).toMatchObject({
      party: 'kommun',
      municipality: { code: '2380' },
      rule: 'R4',
    });
    expect((await answer({})).careResponsibility).toMatchObject({ party: 'undecided', rule: 'R4u', missing: ['prefersHealthCentre'] });
    const explained = await cli(['assess', '--input', '-', '--explain'], JSON.stringify(sabo));
    expect(explained.stdout).toContain('om personen önskar få sin vård av regionen, på hälsocentralen eller regionens öppna mottagning');
  });
});

describe('samverkan assess --batch', () => {
  it('answers every line in order, one output line per input line', async () => {
    const input = readFileSync(join(examples, 'assess-batch.ndjson'), 'utf8');
    const r = await cli(['assess', '--batch', join(examples, 'assess-batch.ndjson')]);
    expect(r.code).toBe(0);
    const out = r.stdout.trimEnd().split('\n');
    expect(out.length).toBe(input.trimEnd().split('\n').length);
    const rules = out.map((l) => (JSON.parse(l) as { careResponsibility: { rule: string } }).careResponsibility.rule);
    expect(rules).toEqual(['R5', 'R7', 'R4o', 'R2', 'R1', 'R8']);
    // Each line is the same document `--json` gives for that situation.
    const first = await cli(['assess', '--input', '-', '--json'], input.split('\n')[0]);
    expect(JSON.parse(out[0] ?? '')).toEqual(JSON.parse(first.stdout));
  });

  it('reads standard input with `-`, and --explain adds the explanation to each line', async () => {
    const r = await cli(['assess', '--batch', '-', '--explain'], readFileSync(join(examples, 'assess-batch.ndjson'), 'utf8'));
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { explanation: string });
    expect(lines).toHaveLength(6);
    expect(lines[4]?.explanation).toContain('Regionen fakturerar därefter personens hemregion (Region Stockholm).');
  });

  it('gives a bad line an error object naming the line, goes on, and exits 2 at the end', async () => {
    const r = await cli(['assess', '--batch', join(examples, 'assess-batch-with-errors.ndjson')]);
    expect(r.code).toBe(2);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as BatchLine);
    expect(out).toHaveLength(4);
    expect(out[0]?.careResponsibility?.rule).toBe('R4');
    expect(out[1]).toMatchObject({ line: 2, error: { code: 'SAMV_ERR_INVALID_INPUT', location: { field: 'housing', line: 2 } } });
    expect(out[1]?.error?.message).toMatch(/^rad 2: housing: "villa" är inte giltigt/);
    expect(out[2]).toMatchObject({ line: 3, error: { code: 'SAMV_ERR_INVALID_INPUT', message: 'rad 3: raden är inte giltig JSON.' } });
    // Line 4 says neither whether the person wishes care at the region's open clinic (SABO) nor
    // whether they are at a day activity: both can change the answer.
    expect(out[3]?.careResponsibility).toMatchObject({
      rule: 'R3u',
      party: 'undecided',
      missing: ['atDayActivity', 'prefersHealthCentre'],
    });
    expect(r.stderr).toContain('2 av 4 rader kunde inte besvaras (rad 2, 3)');
  });

  it('refuses a personnummer on a line without echoing it, and a blank line keeps its place', async () => {
    const path = file(
      'pnr.ndjson',
      '{"housing":"ordinart","registeredMunicipality":"2380","homeRegion":"19121212-1212"}\n\n{"housing":"lss_bostad","registeredMunicipality":"2380"}\n',
    );
    const r = await cli(['assess', '--batch', path]);
    expect(r.code).toBe(2);
    const out = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as BatchLine);
    expect(out.map((o) => o.error?.code ?? o.careResponsibility?.rule)).toEqual(['SAMV_ERR_PERSONNUMMER', 'SAMV_ERR_INVALID_INPUT', 'R2u']);
    expect(r.stdout).not.toContain('19121212');
  });

  it('streams with flat memory: a large batch read slowly runs within a small heap', async () => {
    const line = readFileSync(join(examples, 'assess-batch.ndjson'), 'utf8').split('\n')[0] ?? '';
    const count = 20_000;
    const path = file('big.ndjson', `${line}\n`.repeat(count));
    // ~17 kB per answer: 20 000 answers are ~340 MB of output, far above the 64 MB heap, so the
    // run only succeeds if output waits for the reader (backpressure) instead of buffering.
    const child = spawn(process.execPath, ['--max-old-space-size=64', bin, 'assess', '--batch', path], { cwd: root });
    let lines = 0;
    let bytes = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
      // A slow reader: pause now and then.
      if (Math.random() < 0.02) {
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 5);
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(lines).toBe(count);
    expect(bytes).toBeGreaterThan(64 * 1024 * 1024);
  }, 180_000);
});

describe('samverkan assess, bad input (exit 2, Swedish message naming the field)', () => {
  const base = { date: '2026-03-01', housing: 'ordinart', registeredMunicipality: '2380' };
  it.each([
    ['an unknown key', { ...base, colour: 'blå' }, 'SAMV_ERR_INVALID_INPUT', 'colour: okänd uppgift'],
    ['CFS out of range', { ...base, cfs: 10 }, 'SAMV_ERR_INVALID_INPUT', 'cfs: 10 är inte giltigt – ska vara ett heltal 1–9'],
    [
      'an unknown municipality code',
      { ...base, registeredMunicipality: '0180' },
      'SAMV_ERR_INVALID_INPUT',
      'Folkbokföringskommun: "0180" är ingen av länets kommuner',
    ],
    ['a malformed date', { ...base, date: '2026-02-30' }, 'SAMV_ERR_INVALID_INPUT', 'date: "2026-02-30" är inget giltigt datum'],
    ['a malformed time', { ...base, time: '24:10' }, 'SAMV_ERR_INVALID_INPUT', 'time: "24:10" är ingen klocktid på formen TT:MM'],
    [
      'a personnummer',
      { ...base, products: [{ kind: 'aid', label: 'åt 19460101-1234' }] },
      'SAMV_ERR_PERSONNUMMER',
      'products[0].label: uppgiften ser ut att innehålla ett personnummer',
    ],
  ])('%s', async (_, input, code, message) => {
    const r = await cli(['assess', '--input', file('bad.json', JSON.stringify(input)), '--json']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    expect(out.error.code).toBe(code);
    expect(out.error.message).toContain(message);
    expect(r.stderr).toContain(`Fel: ${message}`);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('invalid JSON names the file and line', async () => {
    const path = file('broken.json', '{\n  "housing": "ordinart",\n  "cfs": ,\n}');
    const r = await cli(['assess', '--input', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path} rad 3: indata är inte giltig JSON`);
  });

  it('a missing file, no input option, or --batch with --json are errors', async () => {
    expect((await cli(['assess', '--input', join(dir, 'finns-inte.json')])).stderr).toContain('--input: filen');
    expect((await cli(['assess', '--batch', join(dir, 'finns-inte.ndjson')])).stderr).toContain('--batch: filen');
    const none = await cli(['assess']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Ange antingen --input FIL');
    const both = await cli(['assess', '--batch', join(examples, 'assess-batch.ndjson'), '--json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--batch skriver alltid en JSON-rad per indatarad');
  });
});
