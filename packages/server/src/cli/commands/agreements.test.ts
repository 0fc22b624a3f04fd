import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInStockholm } from '@samverkan/core';
import { buildPackages, hasStackTrace, samverkan as binary, samverkanInProcess, type CliRun } from '../cli-run.testkit.js';

// No database configured (a SQLite file that does not exist): only --terminated counts. The
// database source is tested in agreements-terminations.int.test.ts.
const noDatabase = { DATABASE_URL: '', SAMVERKAN_DB_FILE: join(tmpdir(), 'samverkan-agreements-test-no-db', 'none.sqlite') };
// In-process through the CLI's entry; the binary once, for an error's exit code and streams.
const samverkan = (args: string[]): Promise<CliRun> => samverkanInProcess(args, { env: noDatabase });

beforeAll(() => {
  buildPackages();
}, 240_000);

const titles = {
  PRINC: 'Principer för samverkan och ekonomisk reglering gällande hälso- och sjukvård i hemmet',
  GEMUTV: 'Överenskommelse gemensam utveckling',
  MT: 'Överenskommelse medicintekniskt stöd',
  ORD: 'Överenskommelse hälso- och sjukvård i ordinärt boende',
  SABO: 'Överenskommelse hälso- och sjukvård i särskilt boende, korttidsplats för vuxna, boende med särskilt stöd och service samt vid daglig verksamhet',
  SYNHOR: 'Överenskommelse syn- och hörselrehabilitering',
  PALL: 'Överenskommelse palliativ hälso- och sjukvård',
  TILL: 'Överenskommelse tilläggsbelopp',
} as const;
const parts = { PRINC: 1, GEMUTV: 3, MT: 2, ORD: 2, SABO: 2, SYNHOR: 2, PALL: 2, TILL: 2 } as const;
type Doc = keyof typeof titles;
const docs = Object.keys(titles) as Doc[];

const active = (id: Doc, periodStart: string, periodEnd: string, noticeDeadline: string | null) => ({
  id,
  title: titles[id],
  part: parts[id],
  periodStart,
  periodEnd,
  noticeDeadline: id === 'GEMUTV' ? null : noticeDeadline,
  autoRenews: id !== 'GEMUTV',
  status: 'active',
});

/** Run with --json: exit 0, nothing on stderr, stdout exactly one JSON document. */
async function json(args: string[]): Promise<unknown> {
  const r = await samverkan(['agreements', ...args, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout.endsWith('}\n')).toBe(true);
  return JSON.parse(r.stdout);
}

describe('samverkan agreements', () => {
  it('on 2026-06-15: every document in its first period, notice deadline 2026-12-31, GEMUTV without renewal', async () => {
    expect(await json(['--on', '2026-06-15'])).toEqual({
      on: '2026-06-15',
      agreements: docs.map((id) => active(id, '2026-01-01', '2027-12-31', '2026-12-31')),
      terminationsSource: { kind: 'none' },
    });
  });

  it('in 2028 the renewing documents are in their first extension and GEMUTV has expired', async () => {
    expect(await json(['--on', '2028-01-01'])).toEqual({
      on: '2028-01-01',
      agreements: docs.map((id) =>
        id === 'GEMUTV'
          ? { ...active(id, '2026-01-01', '2027-12-31', null), status: 'expired' }
          : active(id, '2028-01-01', '2029-12-31', '2028-12-31'),
      ),
      terminationsSource: { kind: 'none' },
    });
  });

  it('--terminated: notice on the deadline ends at the period end, one day late at the end of the next period', async () => {
    const out = await json(['--on', '2027-02-01', '--terminated', 'ORD=2026-12-31', '--terminated', 'PALL=2027-01-01']);
    expect(out).toEqual({
      on: '2027-02-01',
      agreements: docs.map((id) => {
        if (id === 'ORD')
          return { ...active(id, '2026-01-01', '2027-12-31', null), noticeDeadline: null, autoRenews: false, status: 'terminated' };
        if (id === 'PALL')
          return { ...active(id, '2026-01-01', '2029-12-31', null), noticeDeadline: null, autoRenews: false, status: 'terminated' };
        return active(id, '2026-01-01', '2027-12-31', '2026-12-31');
      }),
      terminationsSource: { kind: 'option', fromOption: 2 },
    });
  });

  it('--terminated ALL=DATE terminates the whole agreement; several values may follow one flag', async () => {
    const out = (await json(['--on', '2026-03-02', '--terminated', 'ALL=2026-03-01', 'SABO=2026-02-01'])) as {
      agreements: { id: string; status: string; periodEnd: string; noticeDeadline: null }[];
    };
    expect(out.agreements.map((a) => [a.id, a.status, a.periodEnd, a.noticeDeadline])).toEqual(
      docs.map((id) => [id, 'terminated', '2027-12-31', null]),
    );
  });

  it('a termination recorded after --on does not count yet', async () => {
    const out = (await json(['--on', '2026-06-15', '--terminated', 'ORD=2026-09-01'])) as { agreements: { id: string; status: string }[] };
    expect(out.agreements.find((a) => a.id === 'ORD')?.status).toBe('active');
  });

  it('without --on it uses today in Europe/Stockholm', async () => {
    expect(((await json([])) as { on: string }).on).toBe(todayInStockholm().toString());
  });

  it('without --json prints a Swedish table', async () => {
    const r = await samverkan(['agreements', '--on', '2026-06-15']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Samverkansavtalets dokument den 2026-06-15');
    expect(r.stdout).toMatch(/^ORD\s+2\s+2026-01-01 – 2027-12-31\s+2026-12-31\s+ja\s+gäller$/m);
    expect(r.stdout).toMatch(/^GEMUTV\s+3\s+2026-01-01 – 2027-12-31\s+–\s+nej\s+gäller$/m);
    expect(r.stdout).toContain('Uppsägningar: inga – ingen databas är konfigurerad och inget --terminated angavs.\n');
    expect((await samverkan(['agreements', '--on', '2026-06-15', '--terminated', 'ORD=2026-05-01'])).stdout).toContain(
      'Uppsägningar: 1 uppsägning från --terminated; ingen databas är konfigurerad.\n',
    );
  });

  it.each([
    [['--on', '2026-13-01'], 'Fel: --on: "2026-13-01" är inget giltigt datum.\n'],
    [['--on', 'igår'], 'Fel: --on: "igår" är inget datum på formen ÅÅÅÅ-MM-DD.\n'],
    [
      ['--terminated', 'XYZ=2026-01-01'],
      'Fel: --terminated: dokumentet "XYZ" finns inte; välj ett av PRINC, GEMUTV, MT, ORD, SABO, SYNHOR, PALL, TILL eller ALL.\n',
    ],
    [['--terminated', 'ORD'], 'Fel: --terminated: "ORD" ska skrivas DOKUMENT=ÅÅÅÅ-MM-DD, t.ex. ORD=2026-06-30 eller ALL=2026-06-30.\n'],
    [['--terminated', 'ORD=2026-02-30'], 'Fel: --terminated: "2026-02-30" är inget giltigt datum.\n'],
  ])('bad input %j exits 2 with a Swedish message naming the option, no stack trace', async (args, message) => {
    const r = await samverkan(['agreements', ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(message);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('the binary: with --json an error is exactly one JSON document on stdout naming the option, exit 2', () => {
    const j = binary(['agreements', '--terminated', 'XYZ=2026-01-01', '--json'], noDatabase);
    expect(j.status).toBe(2);
    expect(JSON.parse(j.stdout)).toEqual({
      error: {
        code: 'SAMV_ERR_INVALID_INPUT',
        message: '--terminated: dokumentet "XYZ" finns inte; välj ett av PRINC, GEMUTV, MT, ORD, SABO, SYNHOR, PALL, TILL eller ALL.',
        location: { field: '--terminated', value: 'XYZ=2026-01-01' },
        details: [],
      },
    });
    expect(hasStackTrace(j.stdout + j.stderr)).toBe(false);
  });
});
